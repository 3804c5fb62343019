// The workbench under load: toy training (ring8, the CLI's defaults, metrics every 50 steps,
// snapshots every 1000) headless in a TrainingWorker thread on every core as the CLI trains, then
// the same run from the main window with every panel live (the window's worker leaves a core
// to the UI). Prints training steps/s both ways and their ratio, and the
// UI thread's event latency while training: how late a 10 ms timer fires (p50, p99, max).
// Run with QT_QPA_PLATFORM=offscreen or on a display. Prints figures; asserts nothing.
#include "widgets/MainWindow.h"
#include "core/common/Allocator.h"
#include "core/common/Threads.h"
#include "core/train/TrainParameters.h"
#include "widgets/train/TrainingWorker.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <thread>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {
constexpr qint64 kSteps = 3000;
scorescope::TrainConfig benchConfig()
{
    return scorescope::chooseParameters({{"dataset", "ring8"}, {"steps", std::to_string(kSteps)}});
}

// Steps/s over the steps after the first 200 (start-up and warm-up excluded), from progress signals.
struct RateMeter {
    qint64 firstStep = -1, lastStep = 0;
    QElapsedTimer clock;
    double since = 0.0, until = 0.0;
    void onProgress(qint64 step)
    {
        if (firstStep < 0 && step >= 200) {
            firstStep = step;
            clock.start();
        }
        if (firstStep >= 0) {
            lastStep = step;
            until = clock.nsecsElapsed() * 1e-9;
        }
    }
    double rate() const { return until > 0.0 ? (lastStep - firstStep) / until : 0.0; }
};

double percentile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[static_cast<size_t>(q * (v.size() - 1))];
}
} // namespace

int main(int argc, char** argv)
{
    scorescope::retainFreedMemory();
    scorescope::keepThisThreadSerial();  // as the GUI's main()
    QApplication app(argc, argv);
    QTemporaryDir runs;
    std::printf("bench_workbench: ring8, %lld steps, platform %s\n\n", static_cast<long long>(kSteps),
                qPrintable(QApplication::platformName()));

    // Headless: the worker in its thread, nothing drawn, on every core as the CLI.
    const int headlessThreads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    RateMeter headless;
    {
        QThread thread;
        TrainingWorker worker;
        worker.setThreads(headlessThreads);
        worker.moveToThread(&thread);
        thread.start();
        QEventLoop loop;
        QObject::connect(&worker, &TrainingWorker::progress, &loop, [&](qint64 step) { headless.onProgress(step); });
        QObject::connect(&worker, &TrainingWorker::finished, &loop, &QEventLoop::quit);
        QObject::connect(&worker, &TrainingWorker::failed, &loop, [&](const QString& m) { std::printf("failed: %s\n", qPrintable(m)); loop.quit(); });
        worker.queueNew(runs.filePath("headless"), benchConfig());
        loop.exec();
        thread.quit();
        thread.wait();
    }

    // The window: same run, every panel following it; a 10 ms timer measures the UI's lateness.
    RateMeter windowed;
    std::vector<double> lateMs;
    {
        MainWindow window;
        window.setQuiet(true);
        // WINDOW_THREADS overrides the window worker's default training threads, to compare widths.
        if (qEnvironmentVariableIntValue("WINDOW_THREADS") > 0)
            window.worker()->setThreads(qEnvironmentVariableIntValue("WINDOW_THREADS"));
        std::printf("training threads: headless %d, window %d\n", headlessThreads, window.worker()->threads());
        window.show();
        QEventLoop loop;
        QObject::connect(window.worker(), &TrainingWorker::progress, &loop, [&](qint64 step) { windowed.onProgress(step); });
        QObject::connect(window.worker(), &TrainingWorker::finished, &loop, &QEventLoop::quit);
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        // TICK_MS changes the probe's period, to check that the probe itself does not slow training.
        const int periodMs = qEnvironmentVariableIntValue("TICK_MS") > 0 ? qEnvironmentVariableIntValue("TICK_MS") : 10;
        QElapsedTimer sinceTick;
        QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
            if (sinceTick.isValid())
                lateMs.push_back(std::max(0.0, sinceTick.nsecsElapsed() * 1e-6 - periodMs));
            sinceTick.start();
        });
        tick.start(periodMs);
        window.startTraining(runs.filePath("windowed"), benchConfig());
        loop.exec();
    }

    std::printf("%-44s %12.1f\n", "training steps/s, headless", headless.rate());
    std::printf("%-44s %12.1f\n", "training steps/s, window open", windowed.rate());
    std::printf("%-44s %11.1f%%\n", "window / headless", 100.0 * windowed.rate() / headless.rate());
    std::printf("%-44s %12.2f\n", "UI event latency p50 (ms)", percentile(lateMs, 0.5));
    std::printf("%-44s %12.2f\n", "UI event latency p99 (ms)", percentile(lateMs, 0.99));
    std::printf("%-44s %12.2f\n", "UI event latency max (ms)", percentile(lateMs, 1.0));
    std::printf("%-44s %12zu\n", "latency samples", lateMs.size());
    return 0;
}
