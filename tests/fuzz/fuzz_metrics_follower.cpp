// The workbench's follower of a run's metrics.jsonl, fed the input in two appends (a writer
// mid-line between them): it must hand on whole rows only, whatever the bytes.
#include "FuzzInput.h"
#include "widgets/run/RunFollower.h"

#include <QCoreApplication>

#include <filesystem>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    fuzz::writeInput(reinterpret_cast<const uint8_t*>("{\"dataset\": \"ring8\"}"), 20, "run/config.json");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto dir = fuzz::scratch() / "run";
    std::filesystem::remove(dir / "metrics.jsonl");
    RunFollower follower;
    int rows = 0;
    QObject::connect(&follower, &RunFollower::rowsAppended, [&](const QVector<scorescope::MetricsRow>& r) { rows += r.size(); });
    if (!follower.open(QString::fromStdString(dir.string())))
        __builtin_trap();  // the run directory is valid: open must succeed
    const size_t half = size / 2;
    fuzz::writeInput(data, half, "run/metrics.jsonl");
    follower.poll();
    std::ofstream(dir / "metrics.jsonl", std::ios::binary | std::ios::app)
        .write(reinterpret_cast<const char*>(data + half), static_cast<std::streamsize>(size - half));
    follower.poll();
    if (rows > static_cast<int>(size / 2) + 1)  // each row needs at least "{}" and a newline
        __builtin_trap();
    return 0;
}
