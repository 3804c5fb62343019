// Data-parallel training with real processes on loopback (c10d Gloo): two processes equal one
// with the combined batch, a checkpoint resumes on another process count, a killed rank ends the
// job within a bounded time, a failure on one rank reaches every rank with its reason, and torchrun
// (torch 2.x's, where it can start a worker) launches the same job as scorescope-launch.
#include "core/distributed/DataParallel.h"
#include "core/run/MetricsLog.h"
#include "core/train/Trainer.h"

#include "RunProgram.h"
#include "SignalProcess.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

#include <chrono>
#include <csignal>

using namespace scorescope;

namespace {

// A port per test process and call: ctest may run another test binary's job at the same time.
int nextPort()
{
    static int calls = 0;
    return 20000 + static_cast<int>(QCoreApplication::applicationPid() % 2000) * 8 + (calls++ % 8);
}

ProgramResult launch(int nproc, const QStringList& args)
{
    return runProgram(SCORESCOPE_LAUNCH,
                      QStringList{"--nproc", QString::number(nproc), "--master-port", QString::number(nextPort())} + args);
}

// One rank started by hand, so the test knows its pid.
std::unique_ptr<QProcess> startRank(int rank, int world, int port, const QStringList& args)
{
    auto p = std::make_unique<QProcess>();
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("RANK", QString::number(rank));
    env.insert("WORLD_SIZE", QString::number(world));
    env.insert("MASTER_ADDR", "127.0.0.1");
    env.insert("MASTER_PORT", QString::number(port));
    p->setProcessEnvironment(env);
    p->start(SCORESCOPE_CLI, args);
    return p;
}

// A small toy run: the MLP on ring8 with a batch of 64 (32 per rank with two processes).
QStringList toyRun(const QString& out, int steps, int batch = 64)
{
    return {"train", "--dataset", "ring8", "--steps", QString::number(steps), "--batch", QString::number(batch), "--hidden", "32",
            "--depth", "2", "--log-every", "5", "--checkpoint-every", "10", "--sample-every", "0", "--seed", "7",
            "--threads", "1", "--out", out};
}

// Float tolerance. The two runs differ only in summation order: a rank's mean over 32 rows,
// then the mean of two means (in double), against one mean over 64 rows. That is a relative
// difference of a few float32 ulps (ε = 1.2e-7) in each gradient. Adam divides by √v, so an
// update changes by about lr·(few ε) and over N = 40 steps the weights by at most ~N·lr·10ε ≈
// 40·1e-3·1.2e-6 ≈ 5e-8; 1e-5 leaves room for Adam's ratio near v ≈ 0 in the first steps, and
// is still far below one step's update (lr = 1e-3), so a rank training on the wrong rows fails.
constexpr double kTolerance = 1e-5;

struct Weights {
    std::vector<torch::Tensor> values;
    int64_t step = 0;
};

// A run's weights at its checkpoint, or (`initial`) as its config initialises them.
Weights weightsOf(const QString& run, bool initial = false)
{
    const auto checkpoint = (run + "/checkpoint.pt").toStdString();
    Trainer trainer(readCheckpointConfig(checkpoint));
    if (!initial)
        trainer.loadCheckpoint(checkpoint);
    Weights w{{}, trainer.stepCount()};
    for (const auto& p : trainer.model()->parameters())
        w.values.push_back(p.detach().clone());
    return w;
}

double maxDifference(const Weights& a, const Weights& b)
{
    double worst = 0.0;
    for (size_t i = 0; i < a.values.size(); ++i)
        worst = std::max(worst, (a.values[i] - b.values[i]).abs().max().item<double>());
    return worst;
}

// Why the runs `one` (1 process) and `two` (2 processes) did not end at the same step with the same
// weights, or empty if they did.
QString trainingDiffers(const QString& one, const QString& two, const QString& what)
{
    const auto a = weightsOf(one), b = weightsOf(two);
    if (b.step != a.step)
        return QString("%1: steps %2 and %3").arg(what).arg(a.step).arg(b.step);
    const double diff = maxDifference(a, b);
    qInfo("%s: max |θ(1 process) − θ(2 processes)| = %.3g after %lld steps", qPrintable(what), diff,
          static_cast<long long>(a.step));
    return diff < kTolerance ? QString() : QString("%1: max |θ₁ − θ₂| = %2").arg(what).arg(diff);
}

// torchrun's environment: Python loads app/torchrun/sitecustomize.py, which keeps the agent's store
// off libuv (Debian 13's python3-torch lacks it).
QProcessEnvironment torchrunEnvironment()
{
    auto env = QProcessEnvironment::systemEnvironment();
    const QString path = env.value("PYTHONPATH");
    env.insert("PYTHONPATH", path.isEmpty() ? QString(SCORESCOPE_TORCHRUN_SHIM) : SCORESCOPE_TORCHRUN_SHIM ":" + path);
    return env;
}

// Why torchrun with this rendezvous cannot start even a trivial worker here, or empty. Debian 12's
// (torch 1.13 on Python 3.11) crashes before it starts one; --standalone needs this machine's host
// name to resolve.
// A trivial worker starts in seconds, so a minute only catches a rendezvous that never completes.
QString torchrunUnusable(const QString& program, const QStringList& rendezvous)
{
    if (program.isEmpty())
        return "no torchrun on PATH (python3-torch has it)";
    const auto r = runProgram(program, QStringList{"--nnodes", "1", "--nproc-per-node", "1"} + rendezvous +
                                           QStringList{"--no-python", "true"},
                              torchrunEnvironment(), 60000);
    if (r.code == 0)
        return {};
    return "this torchrun cannot start a worker here: " + r.err.trimmed().section('\n', -1);
}

// Both ranks of a long toy run in `run`, started by hand with `--peer-timeout seconds`; returns once
// rank 0 has logged 20 rows (so training is under way), or with nulls after a minute.
std::pair<std::unique_ptr<QProcess>, std::unique_ptr<QProcess>> startTwoRanks(const QString& run, int peerTimeout)
{
    const int port = nextPort();
    const auto args = toyRun(run, 1000000) + QStringList{"--peer-timeout", QString::number(peerTimeout)};
    auto rank0 = startRank(0, 2, port, args), rank1 = startRank(1, 2, port, args);
    const auto logged = [&] { return MetricsLog::read((run + "/metrics.jsonl").toStdString()).size() >= 20; };
    if (!rank0->waitForStarted() || !rank1->waitForStarted() || !QTest::qWaitFor(logged, 60000))
        return {};
    return {std::move(rank0), std::move(rank1)};
}

} // namespace

class TestDistributed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void twoProcessesEqualOneWithTheCombinedBatch_data();
    void twoProcessesEqualOneWithTheCombinedBatch();
    void torchrunEqualsOneProcess_data();
    void torchrunEqualsOneProcess();
    void resumeOnAnotherProcessCount();
    void killedRankEndsTheJob();
    void stopOnOneRankStopsEveryRank();
    void hungRankEndsTheJobAfterTheTimeout();
    void launcherStopsTheOthersWhenOneDies();
    void failureOnOneRankReachesEveryRank();
    void badEnvironment_data();
    void badEnvironment();
    void batchTheRanksCannotShare();

private:
    QTemporaryDir dir_;
};

// Every test but badEnvironment starts several ranks, which a build without c10d refuses.
void TestDistributed::init()
{
    if (!DataParallel::supported() && QTest::currentTestFunction() != QLatin1String("badEnvironment"))
        QSKIP("this build has no c10d process groups (Gloo's headers were missing when it was built)");
}

void TestDistributed::twoProcessesEqualOneWithTheCombinedBatch_data()
{
    QTest::addColumn<QStringList>("objective");
    QTest::newRow("dsm") << QStringList{};
    // STF's reference batch and Soft Truncation's τ are drawn once per step from the shared stream.
    QTest::newRow("stf + soft truncation") << QStringList{"--objective", "stf", "--ref-size", "48", "--st-k", "1"};
    // The per-bin gradient shares average each bin's gradient over the ranks.
    QTest::newRow("gradient bins") << QStringList{"--gradient-bins"};
    QTest::newRow("edm weighting") << QStringList{"--sde", "edm"};
}

void TestDistributed::twoProcessesEqualOneWithTheCombinedBatch()
{
    QFETCH(QStringList, objective);
    const QString tag = QString(QTest::currentDataTag()).replace(' ', '_');
    const QString one = dir_.path() + "/one-" + tag, two = dir_.path() + "/two-" + tag;
    auto r = launch(1, toyRun(one, 40) + objective);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = launch(2, toyRun(two, 40) + objective);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("2 processes (gloo)"), qPrintable(r.err));

    const QString differs = trainingDiffers(one, two, tag);
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
    // Training moved the weights far beyond the tolerance: the comparison is not vacuous.
    QVERIFY(maxDifference(weightsOf(one), weightsOf(one, /*initial=*/true)) > 100 * kTolerance);

    // Rank 0 logged the whole batch: the same losses and per-σ bin counts as the single process.
    const auto a = MetricsLog::read((one + "/metrics.jsonl").toStdString());
    const auto b = MetricsLog::read((two + "/metrics.jsonl").toStdString());
    QCOMPARE(a.size(), size_t(8));
    QCOMPARE(b.size(), a.size());
    for (size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(b[i].step, a[i].step);
        QVERIFY(std::abs(b[i].loss - a[i].loss) <= 1e-4 * std::abs(a[i].loss));
        QVERIFY(a[i].lossBins && b[i].lossBins);
        QCOMPARE(b[i].lossBins->count, a[i].lossBins->count);
        QCOMPARE(b[i].tau, a[i].tau);
    }
    if (objective.contains("--gradient-bins")) {
        const auto sa = a.back().lossBins->mean("grad_share");
        const auto sb = b.back().lossBins->mean("grad_share");
        QVERIFY(!sa.empty());
        QCOMPARE(sb.size(), sa.size());
        for (size_t k = 0; k < sa.size(); ++k)
            QVERIFY2(std::abs(sa[k] - sb[k]) < 1e-3, qPrintable(QString("bin %1: %2 vs %3").arg(k).arg(sa[k]).arg(sb[k])));
    }
}

void TestDistributed::torchrunEqualsOneProcess_data()
{
    QTest::addColumn<QStringList>("rendezvous");
    // Static rendezvous at a given port, and --standalone (c10d rendezvous on a port torchrun picks);
    // in both torchrun's agent serves the store the ranks join (TORCHELASTIC_USE_AGENT_STORE).
    QTest::newRow("static") << QStringList{"--master-addr", "127.0.0.1", "--master-port", QString::number(nextPort())};
    QTest::newRow("standalone") << QStringList{"--standalone"};
}

void TestDistributed::torchrunEqualsOneProcess()
{
    QFETCH(QStringList, rendezvous);
    const QString program = QStandardPaths::findExecutable("torchrun");
    if (const QString why = torchrunUnusable(program, rendezvous); !why.isEmpty())
        QSKIP(qPrintable(why));
    const QString tag = QTest::currentDataTag();
    const QString one = dir_.path() + "/torchrun-one-" + tag, two = dir_.path() + "/torchrun-two-" + tag;
    auto r = launch(1, toyRun(one, 40));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = runProgram(program, QStringList{"--nnodes", "1", "--nproc-per-node", "2"} + rendezvous +
                                QStringList{"--no-python", SCORESCOPE_CLI} + toyRun(two, 40),
                   torchrunEnvironment());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("2 processes (gloo)"), qPrintable(r.err));
    const QString differs = trainingDiffers(one, two, "torchrun " + tag);
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
}

void TestDistributed::resumeOnAnotherProcessCount()
{
    const QString straight = dir_.path() + "/straight", up = dir_.path() + "/one-then-two", down = dir_.path() + "/two-then-one";
    QVERIFY(launch(1, toyRun(straight, 40)).code == 0);
    auto r = launch(1, toyRun(up, 20));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = launch(2, {"train", "--resume", up, "--steps", "40", "--threads", "1"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = launch(2, toyRun(down, 20));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = launch(1, {"train", "--resume", down, "--steps", "40", "--threads", "1"});
    QVERIFY2(r.code == 0, qPrintable(r.err));

    const auto reference = weightsOf(straight), a = weightsOf(up), b = weightsOf(down);
    QCOMPARE(a.step, int64_t(40));
    QCOMPARE(b.step, int64_t(40));
    QVERIFY2(maxDifference(reference, a) < kTolerance, "1 → 2 processes");
    QVERIFY2(maxDifference(reference, b) < kTolerance, "2 → 1 process");
    QCOMPARE(MetricsLog::read((up + "/metrics.jsonl").toStdString()).size(), size_t(8));
}

void TestDistributed::killedRankEndsTheJob()
{
    const QString run = dir_.path() + "/killed-rank";
    auto [rank0, rank1] = startTwoRanks(run, 120);
    QVERIFY(rank0 && rank1);
    QVERIFY(signalProcess(*rank1, SIGKILL));
    const auto killedAt = std::chrono::steady_clock::now();
    // A killed rank's sockets close: the survivor stops at its next collective, not at the timeout.
    QVERIFY(rank0->waitForFinished(30000));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - killedAt).count();
    qInfo("rank 0 stopped %.1f s after rank 1 was killed", seconds);
    QCOMPARE(rank0->exitCode(), 4);
    const QString err = rank0->readAllStandardError();
    QVERIFY2(err.contains("rank 0 of 2 stops: lost contact during") && err.contains("a rank stopped without a reason"), qPrintable(err));
    rank1->waitForFinished();
    // The last checkpoint is whole.
    const auto kept = weightsOf(run);
    QVERIFY(kept.step >= 100 && kept.step % 10 == 0);
}

void TestDistributed::stopOnOneRankStopsEveryRank()
{
    // Ctrl-C reaches one process only (a launcher that does not forward it): the stop is voted on
    // in the next step's collective, every rank stops after that step, and rank 0 checkpoints it.
    const QString run = dir_.path() + "/stopped";
    const int port = nextPort();
    const auto args = toyRun(run, 1000000);
    auto rank0 = startRank(0, 2, port, args), rank1 = startRank(1, 2, port, args);
    QVERIFY(rank0->waitForStarted() && rank1->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(MetricsLog::read((run + "/metrics.jsonl").toStdString()).size() >= 20, 60000);
    QVERIFY(signalProcess(*rank1, SIGTERM));
    QVERIFY(rank0->waitForFinished(30000) && rank1->waitForFinished(30000));
    QCOMPARE(rank0->exitCode(), 130);
    QCOMPARE(rank1->exitCode(), 130);
    const QString said = rank0->readAllStandardError();
    const auto at = QRegularExpression("interrupted at step (\\d+)").match(said);
    QVERIFY2(at.hasMatch(), qPrintable(said));
    QCOMPARE(weightsOf(run).step, at.captured(1).toLongLong());
}

void TestDistributed::hungRankEndsTheJobAfterTheTimeout()
{
    const QString run = dir_.path() + "/hung-rank";
    auto [rank0, rank1] = startTwoRanks(run, 5);
    QVERIFY(rank0 && rank1);
    QVERIFY(signalProcess(*rank1, SIGSTOP));  // alive, sockets open, silent
    const auto stoppedAt = std::chrono::steady_clock::now();
    QVERIFY(rank0->waitForFinished(30000));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - stoppedAt).count();
    qInfo("rank 0 stopped %.1f s after rank 1 hung (timeout 5 s)", seconds);
    QVERIFY(seconds >= 4.0);  // it waited for the peer, as told
    QCOMPARE(rank0->exitCode(), 4);
    const QString err = rank0->readAllStandardError();
    QVERIFY2(err.contains("rank 0 of 2 stops: lost contact during"), qPrintable(err));
    QVERIFY(signalProcess(*rank1, SIGKILL));
    rank1->waitForFinished();
}

void TestDistributed::launcherStopsTheOthersWhenOneDies()
{
    const QString run = dir_.path() + "/launcher-kill";
    QProcess launcher;
    launcher.start(SCORESCOPE_LAUNCH, QStringList{"--nproc", "2", "--master-port", QString::number(nextPort())} + toyRun(run, 1000000));
    QVERIFY(launcher.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(MetricsLog::read((run + "/metrics.jsonl").toStdString()).size() >= 10, 60000);
    // Kill rank 0, which also holds the job's store.
    QFile children(QString("/proc/%1/task/%1/children").arg(launcher.processId()));
    QVERIFY(children.open(QIODevice::ReadOnly));
    const auto pids = QString(children.readAll()).split(' ', Qt::SkipEmptyParts);
    QCOMPARE(pids.size(), 2);
    ::kill(pids[0].toInt(), SIGKILL);
    QVERIFY(launcher.waitForFinished(40000));
    QVERIFY(launcher.exitCode() != 0);
    const QString err = launcher.readAllStandardError();
    QVERIFY2(err.contains("rank 1 of 2 stops: lost contact during"), qPrintable(err));
}

void TestDistributed::failureOnOneRankReachesEveryRank()
{
    // Rank 0 refuses a directory that holds a run; rank 1 has nothing to refuse, and says why it stops.
    const QString run = dir_.path() + "/taken";
    QVERIFY(launch(1, toyRun(run, 5)).code == 0);
    const auto r = launch(2, toyRun(run, 5));
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("taken: already holds a run"), qPrintable(r.err));
    QVERIFY2(r.err.contains("rank 1 of 2 stops: rank 0 failed:"), qPrintable(r.err));
}

void TestDistributed::badEnvironment_data()
{
    QTest::addColumn<QStringList>("variables");
    QTest::addColumn<QString>("message");
    QTest::newRow("world size alone") << QStringList{"WORLD_SIZE=2"} << "WORLD_SIZE is set but RANK is not";
    QTest::newRow("rank too big") << QStringList{"WORLD_SIZE=2", "RANK=2", "MASTER_ADDR=127.0.0.1"} << "RANK=2 is not below WORLD_SIZE=2";
    QTest::newRow("not a number") << QStringList{"WORLD_SIZE=two", "RANK=0"} << "environment variable WORLD_SIZE=two: expected an integer";
    QTest::newRow("no master") << QStringList{"WORLD_SIZE=2", "RANK=1"} << "MASTER_ADDR is not set";
}

void TestDistributed::badEnvironment()
{
    QFETCH(QStringList, variables);
    QFETCH(QString, message);
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    for (const auto& v : variables)
        env.insert(v.section('=', 0, 0), v.section('=', 1));
    p.setProcessEnvironment(env);
    p.start(SCORESCOPE_CLI, toyRun(dir_.path() + "/never", 5));
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = p.readAllStandardError();
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TestDistributed::batchTheRanksCannotShare()
{
    const auto r = launch(2, toyRun(dir_.path() + "/odd", 5, 63));
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("batch 63 is not divisible by the 2 processes"), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
