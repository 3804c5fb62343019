// No run is lost (#13): scorescope-cli train killed with SIGKILL at 20 random moments — during
// steps, metric rows and checkpoint writes — and resumed after each ends with the very weights of
// an uninterrupted run; a full disk fails a checkpoint with a clear message and keeps the last
// good one; a second writer is refused while the first lives, and never after it died.
#include "core/run/MetricsLog.h"
#include "core/train/Trainer.h"

#include "RunProgram.h"
#include "SignalProcess.h"

#include <QtTest/QtTest>
#include <QJsonDocument>
#include <QJsonObject>
#include <torch/torch.h>

#include <csignal>
#include <random>

using namespace scorescope;

namespace {

ProgramResult runCli(const QStringList& args) { return runProgram(SCORESCOPE_CLI, args); }

// Small and write-heavy: a metrics row every step and a checkpoint every 5, so that random kills
// land in writes as often as in steps.
QStringList run(const QString& out, int steps, int logEvery = 1)
{
    return {"train", "--dataset", "ring8", "--steps", QString::number(steps), "--batch", "64", "--hidden", "32",
            "--depth", "2", "--log-every", QString::number(logEvery), "--checkpoint-every", "5", "--sample-every", "0",
            "--seed", "11", "--threads", "1", "--out", out};
}

// The checkpoint loads in full (Error otherwise); its weights and step.
std::pair<std::vector<torch::Tensor>, int64_t> checkpointOf(const QString& dir)
{
    const auto path = (dir + "/checkpoint.pt").toStdString();
    Trainer trainer(readCheckpointConfig(path));
    trainer.loadCheckpoint(path);
    std::vector<torch::Tensor> weights;
    for (const auto& p : trainer.model()->parameters())
        weights.push_back(p.detach().clone());
    return {weights, trainer.stepCount()};
}

bool sameWeights(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!torch::equal(a[i], b[i]))
            return false;
    return true;
}

// The step of metrics.jsonl's last complete row; 0 while there is none.
int64_t lastLoggedStep(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || !f.seek(std::max<qint64>(0, f.size() - 65536)))
        return 0;
    const QByteArray tail = f.readAll();
    const auto end = tail.lastIndexOf('\n');
    if (end < 0)
        return 0;
    const auto begin = tail.lastIndexOf('\n', end - 1) + 1;
    return QJsonDocument::fromJson(tail.mid(begin, end - begin)).object().value("step").toInteger();
}

} // namespace

class TestCrashSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void twentyKillsThenResume();
    void fullDiskKeepsTheLastCheckpoint();
    void secondWriterIsRefused();

private:
    QTemporaryDir dir_;
};

void TestCrashSafety::twentyKillsThenResume()
{
    const int steps = 6000;
    const QString straight = dir_.path() + "/straight", killed = dir_.path() + "/killed";
    auto r = runCli(run(straight, steps));
    QVERIFY2(r.code == 0, qPrintable(r.err));

    // Kill k lands once the run has logged step target(k), the targets spread over the run, plus a
    // random 0–3 ms: by progress rather than by the clock, so that a fast machine cannot finish the
    // run between two kills, and the jitter spreads the moments over steps, rows and checkpoints.
    std::mt19937 random(2026);  // the moments are random, and the same on every run of the test
    std::uniform_int_distribution<int> spread(-100, 100), jitterUs(0, 3000);
    int64_t lastStep = 0, progressed = 0;
    int midCheckpoint = 0, midRow = 0;  // kills that left a checkpoint half written, or a torn row
    for (int kill = 0; kill < 20; ++kill) {
        const int64_t target = steps * (kill + 1) / 21 + spread(random);
        QProcess p;
        p.start(SCORESCOPE_CLI, kill > 0 ? QStringList{"train", "--resume", killed, "--threads", "1"} : run(killed, steps));
        QVERIFY(p.waitForStarted());
        QElapsedTimer waited;
        waited.start();
        while (lastLoggedStep(killed + "/metrics.jsonl") < target) {
            // A process that ended by itself is a failure (and its pid, 0, must not be signalled).
            QVERIFY2(!p.waitForFinished(1), qPrintable(p.readAllStandardError()));
            QVERIFY2(waited.elapsed() < 120000, qPrintable(QString("kill %1: step %2 not reached").arg(kill).arg(target)));
        }
        QThread::usleep(jitterUs(random));
        QVERIFY(signalProcess(p, SIGKILL));
        QVERIFY(p.waitForFinished());
        midCheckpoint += QFile::exists(killed + "/checkpoint.pt.tmp");
        QFile jsonl(killed + "/metrics.jsonl");
        if (jsonl.open(QIODevice::ReadOnly) && jsonl.size() > 0 && jsonl.seek(jsonl.size() - 1))
            midRow += jsonl.read(1) != "\n";
        // Every checkpoint on disk loads, and none goes back in time.
        const auto [weights, step] = checkpointOf(killed);
        QVERIFY2(step >= lastStep, qPrintable(QString("kill %1: checkpoint at %2 after %3").arg(kill).arg(step).arg(lastStep)));
        QVERIFY(step % 5 == 0);
        progressed += step - lastStep;
        lastStep = step;
        // The JSON lines parse up to any torn last line, which a reader stops at.
        const auto rows = MetricsLog::read((killed + "/metrics.jsonl").toStdString());
        for (size_t i = 0; i < rows.size(); ++i)
            QCOMPARE(rows[i].step, int64_t(i + 1));
    }
    qInfo("20 kills (%d in a checkpoint write, %d in a metrics row); the checkpoints advanced %lld steps", midCheckpoint,
          midRow, static_cast<long long>(progressed));
    QVERIFY(lastStep > 0 && lastStep < steps);

    r = runCli({"train", "--resume", killed, "--threads", "1"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto [a, stepA] = checkpointOf(straight);
    const auto [b, stepB] = checkpointOf(killed);
    QCOMPARE(stepB, int64_t(steps));
    QVERIFY2(sameWeights(a, b), "the resumed weights differ from the uninterrupted run's");
    const auto rows = MetricsLog::read((killed + "/metrics.jsonl").toStdString());
    QCOMPARE(rows.size(), size_t(steps));
    for (size_t i = 0; i < rows.size(); ++i)
        QCOMPARE(rows[i].step, int64_t(i + 1));
    QFile csv(killed + "/metrics.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), steps + 1);
}

void TestCrashSafety::fullDiskKeepsTheLastCheckpoint()
{
    // A checkpoint of this network is ~50 KB; under `ulimit -f 24` (KiB) it cannot be written,
    // while the log and the one metrics row at the end stay far below the limit.
    const QString dir = dir_.path() + "/full";
    auto r = runCli(run(dir, 50, 1000));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto before = checkpointOf(dir);
    QVERIFY(QFileInfo(dir + "/checkpoint.pt").size() > 24 * 1024);

    QProcess p;
    p.start("bash", {"-c", "ulimit -f 24 && exec \"$0\" train --resume \"$1\" --steps 100 --threads 1", SCORESCOPE_CLI, dir});
    QVERIFY(p.waitForFinished(60000));  // stops at the failed write: it does not loop
    QCOMPARE(p.exitCode(), 1);
    const QString err = p.readAllStandardError();
    QVERIFY2(err.contains("checkpoint.pt: not written (") && err.contains("the previous version is kept"), qPrintable(err));
    QVERIFY(!QFile::exists(dir + "/checkpoint.pt.tmp"));
    const auto after = checkpointOf(dir);
    QCOMPARE(after.second, before.second);
    QVERIFY(sameWeights(after.first, before.first));
}

void TestCrashSafety::secondWriterIsRefused()
{
    const QString dir = dir_.path() + "/busy";
    QProcess writer;
    writer.start(SCORESCOPE_CLI, run(dir, 1000000, 10));
    QVERIFY(writer.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir + "/checkpoint.pt"), 60000);

    auto r = runCli({"train", "--resume", dir, "--threads", "1"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("busy: is being written by another process (pid " + QString::number(writer.processId())),
             qPrintable(r.err));
    // Readers need no lock: sampling the run while it trains works.
    r = runCli({"sample", "--run", dir, "--n", "50", "--sampler-steps", "10", "--out", dir_.path() + "/s.csv"});
    QVERIFY2(r.code == 0, qPrintable(r.err));

    // The kernel dropped the lock with the killed writer: no stale lock file blocks the resume.
    QVERIFY(signalProcess(writer, SIGKILL));
    QVERIFY(writer.waitForFinished());
    r = runCli({"train", "--resume", dir, "--steps", QString::number(checkpointOf(dir).second + 5), "--threads", "1"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
