// scorescope-cli as a user runs it: help, flag errors (exit 2), bad files (exit 1), closed-form
// output, and a kill -9 in the middle of training followed by --resume.
#include "core/common/Rng.h"
#include "core/data/ToyPresets.h"
#include "core/run/MetricsLog.h"
#include "core/run/PointsCsv.h"
#include "core/sde/SdeFactory.h"
#include "core/train/Trainer.h"
#include "core/truth/MixtureTruth.h"

#include "RunProgram.h"
#include "SignalProcess.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

#include <csignal>

using namespace scorescope;

namespace {
ProgramResult runCli(const QStringList& args) { return runProgram(SCORESCOPE_CLI, args); }

const QStringList kSmallRun{"train", "--dataset", "ring8", "--steps", "3000", "--batch", "64", "--hidden", "32",
                            "--depth", "2", "--checkpoint-every", "100", "--log-every", "10", "--seed", "3", "--threads", "1"};
}

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void help_data();
    void help();
    void version();
    void badFlags_data();
    void badFlags();
    void badFiles();
    void analyzeTruthMatchesClosedForm();
    void analyzeStfAndLossScale();
    void killDuringTrainingThenResume();
    void sampleAndEvalARun();
    void fitPriorAndHorizonOfARun();
    void aRunReadsItsDataInsideIt();

private:
    QTemporaryDir dir_;
};

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("top") << QStringList{"--help"};
    QTest::newRow("train") << QStringList{"train", "--help"};
    QTest::newRow("sample") << QStringList{"sample", "--help"};
    QTest::newRow("eval") << QStringList{"eval", "--help"};
    QTest::newRow("analyze") << QStringList{"analyze", "--help"};
    QTest::newRow("analyze truth") << QStringList{"analyze", "truth", "--help"};
    QTest::newRow("analyze stf") << QStringList{"analyze", "stf", "--help"};
    QTest::newRow("analyze truncation") << QStringList{"analyze", "truncation", "--help"};
    QTest::newRow("analyze loss-scale") << QStringList{"analyze", "loss-scale", "--help"};
    QTest::newRow("analyze horizon") << QStringList{"analyze", "horizon", "--help"};
    QTest::newRow("fit-prior") << QStringList{"fit-prior", "--help"};
}

void TestCli::help()
{
    QFETCH(QStringList, args);
    const auto r = runCli(args);
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("usage: scorescope-cli"));
}

// The version, the git revision, the LibTorch version (this build's), whether it is a CUDA build and
// whether CUDA is there.
void TestCli::version()
{
    const auto r = runCli({"--version"});
    QCOMPARE(r.code, 0);
    QVERIFY2(QRegularExpression(R"(^scorescope-cli \d+\.\d+\.\d+ \(git \S+\), LibTorch \d+\.\d+\.\d+, (CUDA|CPU) build, CUDA (not )?available\n$)")
                 .match(r.out).hasMatch(), qPrintable(r.out));
}

void TestCli::badFlags_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown command") << QStringList{"trian"} << "unknown command 'trian'";
    QTest::newRow("unknown flag") << QStringList{"train", "--bogus", "1"} << "unknown option '--bogus'";
    QTest::newRow("bad integer") << QStringList{"train", "--steps", "ten", "--out", "x"} << "--steps: expected a positive integer, got 'ten'";
    QTest::newRow("negative") << QStringList{"train", "--lr", "-1", "--out", "x"} << "--lr: expected a positive number";
    QTest::newRow("bad choice") << QStringList{"train", "--sde", "vq", "--out", "x"} << "--sde: 'vq' is not one of ve, vp, subvp, edm";
    QTest::newRow("missing value") << QStringList{"train", "--out"} << "--out needs a value";
    if (!torch::cuda::is_available())  // CPU build or no GPU: one clear line, never a crash
        QTest::newRow("no cuda") << QStringList{"train", "--device", "cuda", "--steps", "1", "--out", dir_.path() + "/cuda"}
                                 << "device cuda requested, but";
    QTest::newRow("no out") << QStringList{"train"} << "--out DIR is required";
    QTest::newRow("resume with config") << QStringList{"train", "--resume", "x", "--lr", "1"} << "--lr cannot be combined with --resume";
    QTest::newRow("sample source") << QStringList{"sample"} << "give exactly one of --run DIR and --checkpoint FILE";
    QTest::newRow("bad sampler") << QStringList{"sample", "--run", "x", "--sampler", "ddim"} << "--sampler: 'ddim' is not one of";
    QTest::newRow("t out of range") << QStringList{"analyze", "truth", "--dataset", "ring8", "--t", "2", "--csv", "o.csv"} << "--t must lie in";
    QTest::newRow("stf without csv") << QStringList{"analyze", "stf", "--dataset", "ring8"} << "--csv FILE is required";
    QTest::newRow("stf one replicate") << QStringList{"analyze", "stf", "--dataset", "ring8", "--replicates", "1", "--csv", "o.csv"}
                                       << "--replicates must be at least 2";
    QTest::newRow("stf sigma out of range") << QStringList{"analyze", "stf", "--dataset", "ring8", "--sigmas", "0.1,500", "--csv", "o.csv"}
                                            << "--sigmas: 500.000000 is outside";
    QTest::newRow("truncation eps above T") << QStringList{"analyze", "truncation", "--eps", "2", "--csv", "o.csv"}
                                            << "--eps must be below the horizon";
    QTest::newRow("bad objective") << QStringList{"train", "--objective", "ism", "--out", "x"} << "--objective: 'ism' is not one of dsm, stf";
    QTest::newRow("bad prior") << QStringList{"train", "--prior", "glow", "--out", "x"} << "--prior: 'glow' is not one of gaussian, gmm, flow";
    QTest::newRow("prior covariance") << QStringList{"train", "--prior", "gmm", "--prior-covariance", "tied", "--out", "x"}
                                      << "--prior-covariance: 'tied' is not one of full, diag";
    QTest::newRow("horizon without data") << QStringList{"analyze", "horizon", "--csv", "o.csv"} << "give --dataset or --run";
    QTest::newRow("horizon on edm") << QStringList{"analyze", "horizon", "--dataset", "ring8", "--sde", "edm", "--csv", "o.csv"}
                                    << "--sde: 'edm' is not one of ve, vp, subvp";
    QTest::newRow("fit-prior without run") << QStringList{"fit-prior", "--prior", "gmm"} << "--run DIR is required";
}

// One line on stderr, exit code 2, nothing on stdout.
void TestCli::badFlags()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = runCli(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(r.err.trimmed().count('\n') == 0 || args.first() == "trian", qPrintable(r.err));
}

void TestCli::badFiles()
{
    const QString bad = dir_.path() + "/bad.json";
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"components": [{"mean": [0, 0], "cov": [[1, 3], [3, 1]]}]})");
    f.close();
    auto r = runCli({"train", "--dataset", bad, "--out", dir_.path() + "/never"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(bad + ": component 0: \"cov\" is not positive definite"), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(dir_.path() + "/never/checkpoint.pt"));

    const QString garbage = dir_.path() + "/garbage.pt";
    QFile g(garbage);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("not a checkpoint");
    g.close();
    r = runCli({"sample", "--checkpoint", garbage});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(garbage + ": not a Scorescope archive: no 'scorescope-tensors' header"), qPrintable(r.err));
    // A LibTorch (TorchScript) archive is refused unread: loading one compiles code from the file.
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(QByteArray("PK\x03\x04", 4) + "archive/data.pkl");
    g.close();
    r = runCli({"sample", "--checkpoint", garbage});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("a LibTorch (TorchScript) archive") && r.err.contains("loading one runs code from it"), qPrintable(r.err));

    r = runCli({"train", "--config", dir_.path() + "/missing.json", "--out", dir_.path() + "/x"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("missing.json: cannot open config file"), qPrintable(r.err));
}

// The CSV carries 10 significant digits, so values agree to ~1e-9 relative.
void TestCli::analyzeTruthMatchesClosedForm()
{
    const QString pts = dir_.path() + "/pts.csv", out = dir_.path() + "/truth.csv";
    const auto x = torch::tensor({{0.5, 1.5}, {-2.0, 0.1}, {0.0, 0.0}}, torch::kDouble);
    writePointsCsv(pts.toStdString(), x);
    const auto r = runCli({"analyze", "truth", "--dataset", "ring8", "--sde", "vp", "--t", "0.3", "--points", pts, "--csv", out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto table = readPointsCsv(out.toStdString());  // x0,x1,logp,score0,score1
    QCOMPARE(table.size(1), 5);
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    const auto ring = makeToyPreset("ring8");
    const MixtureTruth truth(*ring->mixture(), torch::full({}, sde->meanCoeffAt(0.3), torch::kDouble),
                             torch::full({}, sde->stdAt(0.3), torch::kDouble));
    QVERIFY(torch::allclose(table.select(1, 2), truth.logDensity(x), 1e-8, 1e-9));
    QVERIFY(torch::allclose(table.slice(1, 3, 5), truth.score(x), 1e-8, 1e-9));
}

// analyze stf writes exactly the documented columns, one row per σ, in the far field the ratio
// near 1/(n − 1) (n = 8, 400 replicates: ±7 %; allowed ±30 %), and analyze loss-scale names a
// run directory without bins as the problem.
void TestCli::analyzeStfAndLossScale()
{
    const QString out = dir_.path() + "/stf.csv";
    auto r = runCli({"analyze", "stf", "--dataset", "ring8", "--sde", "ve", "--ref-size", "8", "--sigmas", "0.05,40",
                     "--samples", "16", "--replicates", "400", "--csv", out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto lines = QString(f.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QString("sigma,t,v_dsm,v_stf,ratio,bias,max_weight,ess,regime"));
    const auto far = lines[2].split(',');
    QCOMPARE(far[8], QString("far"));
    QVERIFY2(std::abs(far[4].toDouble() * 7.0 - 1.0) < 0.3, qPrintable(lines[2]));

    QDir().mkpath(dir_.path() + "/nobins");
    QFile m(dir_.path() + "/nobins/metrics.jsonl");
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write("{\"step\":10,\"loss\":1.0}\n");
    m.close();
    r = runCli({"analyze", "loss-scale", "--run", dir_.path() + "/nobins", "--csv", dir_.path() + "/ls.csv"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("nobins/metrics.jsonl: has no per-noise-level bins"), qPrintable(r.err));
}

void TestCli::killDuringTrainingThenResume()
{
    const QString straight = dir_.path() + "/straight", killed = dir_.path() + "/killed";
    auto r = runCli(kSmallRun + QStringList{"--out", straight});
    QVERIFY2(r.code == 0, qPrintable(r.err));

    QProcess p;
    p.start(SCORESCOPE_CLI, kSmallRun + QStringList{"--out", killed});
    QVERIFY(p.waitForStarted());
    // Kill once a few checkpoints have been written: mid-run, possibly mid-write.
    QTRY_VERIFY_WITH_TIMEOUT(MetricsLog::read((killed + "/metrics.jsonl").toStdString()).size() >= 120, 60000);
    QVERIFY(signalProcess(p, SIGKILL));
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);

    // The checkpoint on disk is complete and readable.
    const auto cfg = readCheckpointConfig((killed + "/checkpoint.pt").toStdString());
    Trainer probe(cfg);
    probe.loadCheckpoint((killed + "/checkpoint.pt").toStdString());
    const int64_t atKill = probe.stepCount();
    QVERIFY(atKill >= 1000 && atKill < 3000 && atKill % 100 == 0);

    r = runCli({"train", "--resume", killed, "--threads", "1"});
    QVERIFY2(r.code == 0, qPrintable(r.err));

    Trainer a(cfg), b(cfg);
    a.loadCheckpoint((straight + "/checkpoint.pt").toStdString());
    b.loadCheckpoint((killed + "/checkpoint.pt").toStdString());
    QCOMPARE(b.stepCount(), 3000);
    const auto pa = a.model()->parameters(), pb = b.model()->parameters();
    for (size_t i = 0; i < pa.size(); ++i)
        QVERIFY2(torch::equal(pa[i], pb[i]), "resumed parameters differ from the uninterrupted run");

    // The metrics log has each step once, in order, up to the end.
    const auto rows = MetricsLog::read((killed + "/metrics.jsonl").toStdString());
    QCOMPARE(rows.size(), size_t(300));
    for (size_t i = 0; i < rows.size(); ++i)
        QCOMPARE(rows[i].step, int64_t(10 * (i + 1)));
    QFile csv(killed + "/metrics.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), 301);
}

void TestCli::sampleAndEvalARun()
{
    const QString run = dir_.path() + "/straight";
    auto r = runCli({"sample", "--run", run, "--sampler", "ode-heun", "--sampler-steps", "20", "--n", "300"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto samples = readPointsCsv((run + "/samples.csv").toStdString());
    QCOMPARE(samples.size(0), 300);
    QCOMPARE(samples.size(1), 2);
    QVERIFY(samples.isfinite().all().item<bool>());
    r = runCli({"eval", "--run", run, "--sampler", "ode-heun", "--sampler-steps", "20", "--n", "300", "--nll-points", "50"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile f(run + "/eval.json");
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto j = nlohmann::json::parse(f.readAll().toStdString());
    QVERIFY(j["nll"].is_number() && std::isfinite(j["nll"].get<double>()));
    QCOMPARE(j["modes"].get<int>(), 8);
    QVERIFY(r.out.contains("energy distance"));
}

// fit-prior puts a mixture into the run (checkpoint and config.json), eval starts from it unless
// told --gaussian-prior, and analyze horizon reports the run's gap: non-decreasing in T (its
// integrand is non-negative and both T share the quadrature nodes), with the prior KL at T = 1
// below 1e-3 (e^{−B(1)} ≈ 4e-5 times KL₀, §4.3) and far above it at T = 0.2.
void TestCli::fitPriorAndHorizonOfARun()
{
    const QString run = dir_.path() + "/straight";
    auto r = runCli({"fit-prior", "--run", run, "--prior", "gmm", "--prior-components", "8", "--prior-points", "4000"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QString::fromStdString(readTrainConfig((run + "/config.json").toStdString()).prior.kind), QString("gmm"));
    QCOMPARE(QString::fromStdString(readCheckpointConfig((run + "/checkpoint.pt").toStdString()).prior.kind), QString("gmm"));
    for (const QString prior : {"gmm", "gaussian"}) {
        QStringList args{"eval", "--run", run, "--sampler", "ode-heun", "--sampler-steps", "10", "--n", "100", "--nll-points", "20",
                         "--json", run + "/eval-" + prior + ".json"};
        if (prior == "gaussian")
            args << "--gaussian-prior";
        r = runCli(args);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(run + "/eval-" + prior + ".json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromStdString(nlohmann::json::parse(f.readAll().toStdString())["prior"].get<std::string>()), prior);
    }
    const QString csv = dir_.path() + "/horizon.csv";
    r = runCli({"analyze", "horizon", "--run", run, "--t-grid", "0.2,1", "--points", "4000", "--gap-nodes", "12",
                "--gap-points", "200", "--aux-steps", "50", "--csv", csv});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto table = readPointsCsv(csv.toStdString());  // T, a, s, kl, se, kl_aux, se, gap, se, …
    QCOMPARE(table.size(0), 2);
    const auto at = [&](int row, int col) { return table[row][col].item<double>(); };
    QVERIFY(at(1, 7) >= at(0, 7) && at(0, 7) > 0.0);
    QVERIFY(at(1, 3) < 1e-3 && at(0, 3) > 0.1);
    QVERIFY(at(0, 5) < 0.1 * at(0, 3));  // the fitted mixture holds p_T's family: most of the KL goes
}

// A run directory from someone else is data (#13): a new run keeps a copy of its mixture and names
// it relative to itself, so it still samples after a move with the original gone; a config that
// names data outside the run is refused — in config.json (train --resume) and in the checkpoint
// (sample) — until the user gives the data on the command line.
void TestCli::aRunReadsItsDataInsideIt()
{
    const QString mixture = dir_.path() + "/two.json", outside = dir_.path() + "/outside.json";
    const QString run = dir_.path() + "/mine", sent = dir_.path() + "/sent";
    const QByteArray two = R"({"components": [{"mean": [-2, 0], "cov": [[0.1, 0], [0, 0.1]]},
                                              {"mean": [2, 0], "cov": [[0.1, 0], [0, 0.1]]}]})";
    for (const auto& path : {mixture, outside}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(two);
    }
    const QStringList tiny{"--batch", "32", "--hidden", "16", "--depth", "2", "--threads", "1"};
    auto r = runCli(QStringList{"train", "--dataset", mixture, "--steps", "20", "--out", run} + tiny);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QString::fromStdString(readTrainConfig((run + "/config.json").toStdString()).dataset), QString("mixture.json"));
    QVERIFY(QDir().rename(run, sent));
    QVERIFY(QFile::remove(mixture));
    const QStringList sample{"sample", "--run", sent, "--n", "20", "--sampler-steps", "5"};
    r = runCli(sample);
    QVERIFY2(r.code == 0, qPrintable(r.err));

    // Someone edits config.json to read a file outside the run.
    QFile config(sent + "/config.json");
    QVERIFY(config.open(QIODevice::ReadOnly));
    auto j = nlohmann::json::parse(config.readAll().toStdString());
    config.close();
    j["dataset"] = outside.toStdString();
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(QByteArray::fromStdString(j.dump(2)));
    config.close();
    const QString refused = "the data set '" + outside + "' lies outside the run directory";
    r = runCli({"train", "--resume", sent, "--steps", "30"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(sent + "/config.json: " + refused) && r.err.contains("give the data with --dataset"),
             qPrintable(r.err));
    // Given on the command line, it is read; the checkpoint then names it, and sampling needs it too.
    r = runCli({"train", "--resume", sent, "--steps", "30", "--dataset", outside, "--threads", "1"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = runCli(sample);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(sent + "/checkpoint.pt: " + refused), qPrintable(r.err));
    r = runCli(sample + QStringList{"--dataset", outside});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
