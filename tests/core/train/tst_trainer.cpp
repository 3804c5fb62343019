// Trainer state: checkpoints resume bit for bit; bad checkpoints and configs give clear errors.
#include "FashionMnistFixture.h"
#include "core/common/Error.h"
#include "core/train/TrainConfig.h"
#include "core/train/Trainer.h"
#include "core/train/TrainingSession.h"
#include "core/run/MetricsLog.h"
#include "core/run/RunDirectory.h"

#include <QtTest/QtTest>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>

using namespace scorescope;

namespace {
TrainConfig smallConfig()
{
    TrainConfig c;
    c.dataset = "ring8";
    c.batch = 64;
    c.model.hidden = 32;
    c.model.depth = 2;
    c.warmup = 10;
    c.seed = 17;
    return c;
}

// STF with a reference batch of 32 under Soft Truncation: both draw more from the RNG per step.
TrainConfig stfSoftTruncatedConfig()
{
    TrainConfig c = smallConfig();
    c.objective.target = Target::Stf;
    c.objective.referenceSize = 32;
    c.objective.weighting = Weighting::LikelihoodIS;
    c.objective.softTruncationK = 1.0;
    return c;
}

bool sameParameters(ScoreModel& a, ScoreModel& b)
{
    const auto pa = a->parameters(), pb = b->parameters();
    for (size_t i = 0; i < pa.size(); ++i)
        if (!torch::equal(pa[i], pb[i]))
            return false;
    return true;
}
}

class TestTrainer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resumeIsExact_data();
    void resumeIsExact();
    void sessionLogsPerSigmaBins();
    void groupGradientsSumToTheGradient();
    void snapshotsLeaveTrainingUntouched();
    void lossDecreases();
    void corruptCheckpointIsAnError();
    void configJsonRoundTripAndErrors();

private:
    QTemporaryDir dir_;
};

void TestTrainer::resumeIsExact_data()
{
    QTest::addColumn<bool>("stf");
    QTest::newRow("dsm") << false;
    QTest::newRow("stf, soft truncation") << true;
}

void TestTrainer::resumeIsExact()
{
    QFETCH(bool, stf);
    const auto config = stf ? stfSoftTruncatedConfig : smallConfig;
    const std::string ckpt = (dir_.path() + "/ckpt.pt").toStdString();
    Trainer straight(config());
    for (int i = 0; i < 50; ++i)
        straight.step();

    Trainer first(config());
    for (int i = 0; i < 30; ++i)
        first.step();
    first.saveCheckpoint(ckpt);
    Trainer resumed(config());
    resumed.loadCheckpoint(ckpt);
    QCOMPARE(resumed.stepCount(), 30);
    for (int i = 0; i < 20; ++i)
        resumed.step();
    QVERIFY(sameParameters(straight.model(), resumed.model()));
    auto e1 = straight.emaModel(), e2 = resumed.emaModel();
    QVERIFY(sameParameters(e1, e2));
    QVERIFY(!QFile::exists(QString::fromStdString(ckpt + ".tmp")));
}

// A session's metrics rows carry the window's per-σ loss bins (every step's samples), the STF
// weight bins (the logging step's batch) and every step's τ.
void TestTrainer::sessionLogsPerSigmaBins()
{
    TrainConfig c = stfSoftTruncatedConfig();
    c.steps = 20;
    c.logEvery = 10;
    const std::string dir = (dir_.path() + "/session").toStdString();
    auto session = TrainingSession::create(dir, c);
    session->run();
    const auto rows = MetricsLog::read(dir + "/metrics.jsonl");
    QCOMPARE(rows.size(), size_t(2));
    for (const auto& row : rows) {
        QVERIFY(row.lossBins && row.stfBins);
        double count = 0.0, stfCount = 0.0;
        for (double n : row.lossBins->count)
            count += n;
        for (double n : row.stfBins->count)
            stfCount += n;
        QCOMPARE(count, 10.0 * c.batch);
        QCOMPARE(stfCount, double(c.batch));
        for (double w : row.stfBins->mean("max_weight"))
            QVERIFY(std::isnan(w) || (w > 0.0 && w <= 1.0));
        // ring8 is a mixture: the STF targets' squared error against the true score is logged too.
        QVERIFY(row.stfBins->find("stf_err2"));
        for (double e : row.stfBins->mean("stf_err2"))
            QVERIFY(std::isnan(e) || (std::isfinite(e) && e >= 0.0));
        QCOMPARE(row.tau.size(), size_t(10));
        for (double tau : row.tau)
            QVERIFY(tau >= 1e-5 && tau <= 1.0);
    }
}

void TestTrainer::lossDecreases()
{
    Trainer t(smallConfig());
    double early = 0, late = 0;
    for (int i = 0; i < 400; ++i) {
        const double l = t.step().loss;
        if (i < 50) early += l / 50;
        if (i >= 350) late += l / 50;
    }
    QVERIFY2(late < 0.8 * early, qPrintable(QString("%1 -> %2").arg(early).arg(late)));
}

void TestTrainer::corruptCheckpointIsAnError()
{
    const std::string good = (dir_.path() + "/good.pt").toStdString();
    const std::string bad = (dir_.path() + "/bad.pt").toStdString();
    Trainer t(smallConfig());
    t.step();
    t.saveCheckpoint(good);
    {
        std::ifstream in(good, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        std::ofstream(bad, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    }
    for (const std::string& path : {bad, (dir_.path() + "/missing.pt").toStdString()}) {
        try {
            Trainer u(smallConfig());
            u.loadCheckpoint(path);
            QFAIL("loaded a bad checkpoint");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(path)), e.what());
        }
    }
    // A checkpoint of another architecture does not load into this one.
    auto other = smallConfig();
    other.model.hidden = 48;
    Trainer u(other);
    QVERIFY_THROWS_EXCEPTION(Error, u.loadCheckpoint(good));
    QCOMPARE(QString::fromStdString(readCheckpointConfig(good).dataset), QString("ring8"));
}

void TestTrainer::configJsonRoundTripAndErrors()
{
    auto c = smallConfig();
    c.objective.weighting = Weighting::LikelihoodIS;
    selectSde(c, SdeKind::VE);
    const auto back = trainConfigFromJson(toJson(c), "cfg.json");
    QCOMPARE(toJson(back).dump(), toJson(c).dump());
    const std::vector<std::pair<std::string, std::string>> bad{
        {R"({"stpes": 10})", "unknown key \"stpes\""},
        {R"({"sde": {"kind": "vq"}})", "unknown SDE 'vq'"},
        {R"({"batch": -4})", "\"batch\" must be positive"},
        // Found by fuzzing: 1e129 into an integer field was undefined behaviour (UBSan).
        {R"({"batch": 1e129})", "\"batch\" must be an integer"},
        {R"({"steps": 2.5})", "\"steps\" must be an integer"},
        {R"({"seed": -1})", "\"seed\" must be a non-negative integer"},
        {R"({"model": {"hidden": "wide"}})", "\"model.hidden\" must be an integer"},
        {R"({"objective": {"weighting": "uniform"}})", "unknown weighting 'uniform'"},
        {R"({"ema_decay": 1.5})", "\"ema_decay\" must be in [0, 1)"},
    };
    for (const auto& [text, expected] : bad) {
        try {
            trainConfigFromJson(nlohmann::json::parse(text), "cfg.json");
            QFAIL(qPrintable(QString::fromStdString("accepted " + text)));
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).startsWith("cfg.json: "), e.what());
            QVERIFY2(QString(e.what()).contains(QString::fromStdString(expected)), e.what());
        }
    }
    // Found by fuzzing: a number past double's range in a config file escaped as nlohmann's
    // out_of_range instead of an Error naming the file.
    QTemporaryDir dir;
    const auto path = dir.filePath("config.json").toStdString();
    std::ofstream(path) << R"({"lr": 7777777771e400})";
    try {
        readTrainConfig(path);
        QFAIL("accepted a number past double's range");
    } catch (const Error& e) {
        QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(path + ": not valid JSON")), e.what());
    }
}

// Per-group backward passes add up to the ordinary gradient (float32 sums in another order:
// relative 1e-5), and the shares ⟨∇L_g, ∇L⟩/‖∇L‖² to 1 (double arithmetic: 1e-9).
void TestTrainer::groupGradientsSumToTheGradient()
{
    Trainer plain(smallConfig()), grouped(smallConfig());
    plain.step();
    const GradientGroups byIndex{[](const torch::Tensor& sigma) { return torch::arange(sigma.size(0)) % 5; }, 5};
    const auto r = grouped.step(false, &byIndex);
    QCOMPARE(r.groupGradientShare.size(), size_t(5));
    double sum = 0.0;
    for (double share : r.groupGradientShare)
        sum += share;
    QVERIFY(std::abs(sum - 1.0) < 1e-9);
    for (double norm : r.groupGradientNorm)
        QVERIFY(norm > 0.0);
    const auto a = plain.model()->parameters(), b = grouped.model()->parameters();
    for (size_t i = 0; i < a.size(); ++i) {
        const double scale = a[i].grad().abs().max().item<double>();
        QVERIFY((a[i].grad() - b[i].grad()).abs().max().item<double>() <= 1e-5 * scale + 1e-12);
    }
}

// Snapshots every 3 steps and at the end, a 4 × 4 PNG grid each; a U-Net with dropout trains to
// the same weights, bit for bit, as without snapshots (the EMA copy they build draws its
// initialisation from the global generator that dropout uses, which must be restored).
void TestTrainer::snapshotsLeaveTrainingUntouched()
{
    TrainConfig c = smallConfig();
    selectDataset(c, "fashion-mnist");
    c.images.dataDir = testing::writeFashionMnistFixture((dir_.path() + "/fmnist").toStdString(), 16);
    c.model.width = 8;
    c.model.resBlocks = 1;
    c.model.dropout = 0.2;
    c.batch = 8;
    c.steps = 7;
    std::vector<torch::Tensor> weights;
    for (int64_t every : {3, 0}) {
        c.sampleEvery = every;
        const std::string dir = (dir_.path() + "/snapshots-" + QString::number(every)).toStdString();
        auto session = TrainingSession::create(dir, c);
        session->run();
        std::vector<torch::Tensor> flat;
        for (const auto& p : session->trainer().model()->parameters())
            flat.push_back(p.detach().flatten());
        weights.push_back(torch::cat(flat));
        const RunDirectory run{dir};
        for (int64_t step : {3, 6, 7}) {
            QCOMPARE(std::filesystem::exists(run.snapshot(step, true)), every > 0);
            if (every > 0) {
                std::ifstream png(run.snapshot(step, true), std::ios::binary);
                char magic[8] = {};
                png.read(magic, 8);
                QCOMPARE(std::string(magic + 1, 3), std::string("PNG"));
            }
        }
    }
    QVERIFY(torch::equal(weights[0], weights[1]));
}

QTEST_APPLESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
