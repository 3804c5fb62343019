// A run's metrics rows (run/MetricsRow.h): one writer and one reader of metrics.jsonl, and what
// the panels and `analyze loss-scale` compute from the rows (analysis/StfWindowSummary,
// analysis/PooledLossScale, analysis/DebiasedEma).
#include "core/analysis/DebiasedEma.h"
#include "core/analysis/PooledLossScale.h"
#include "core/analysis/StfWindowSummary.h"
#include "core/common/Error.h"
#include "core/run/MetricsLog.h"
#include "core/run/MetricsRow.h"

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <numeric>

using namespace scorescope;

namespace {

std::vector<std::string> lines(const std::string& path)
{
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

// One window of per-σ loss bins: centres −1, 0 and 1 (σ = 0.1, 1, 10).
// 10^centre against the decimal σ: std::pow is within an ulp.
bool sameSigmas(const std::vector<double>& got, const std::vector<double>& want)
{
    if (got.size() != want.size())
        return false;
    for (size_t i = 0; i < got.size(); ++i)
        if (std::abs(got[i] - want[i]) > 1e-15 * want[i])
            return false;
    return true;
}

BinnedWindow lossWindow(std::vector<double> count, std::vector<double> mean, std::vector<double> spread)
{
    return {"log10_sigma", {-1.0, 0.0, 1.0}, std::move(count), {0.01, 0.3, 0.9}, {{"loss", std::move(mean), std::move(spread)}}};
}

MetricsRow rowWith(int64_t step, BinnedWindow bins)
{
    MetricsRow row;
    row.step = step;
    row.loss = 1.0;
    row.lossBins = std::move(bins);
    return row;
}

} // namespace

class TestMetricsRow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsARunOfTheVersionBefore();
    void missingValuesRoundTripAsNaN();
    void refusesWhatIsNotARow_data();
    void refusesWhatIsNotARow();
    void logReadingEndsAtACutLine();
    void stfSummaryOfAWindow();
    void poolsWindowsByCount();
    void poolingRefusesChangedOrMissingBins();
    void debiasedEmaValues();
};

// tests/core/run/run-66c955e was written by scorescope-cli at 66c955e, before this struct (ring8,
// STF with n = 64, Soft Truncation k = 1, --gradient-bins, 30 steps of 32, a row every 10): every
// line reads, and writes back to the very same bytes.
void TestMetricsRow::readsARunOfTheVersionBefore()
{
    const std::string path = QFINDTESTDATA("run-66c955e/metrics.jsonl").toStdString();
    QVERIFY(!path.empty());
    const auto rows = MetricsLog::read(path);
    const auto text = lines(path);
    QCOMPARE(rows.size(), size_t(3));
    QCOMPARE(text.size(), rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        QCOMPARE(toJson(row).dump(), text[i]);
        QCOMPARE(row.step, int64_t(10 * (i + 1)));
        QVERIFY(row.loss > 0.0 && row.lr > 0.0 && row.gradNorm > 0.0 && row.stepsPerSecond > 0.0 && row.timeSeconds > 0.0);
        // Every sample of the window in the loss and time bins (10 steps × 32), STF's on its logging step only.
        QVERIFY(row.lossBins && row.stfBins && row.timeBins);
        const auto sum = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };
        QCOMPARE(sum(row.lossBins->count), 320.0);
        QCOMPARE(sum(row.timeBins->count), 320.0);
        QCOMPARE(sum(row.stfBins->count), 32.0);
        QCOMPARE(row.lossBins->centres.size(), size_t(16));
        QCOMPARE(row.timeBins->axis, std::string("log10_t"));
        QCOMPARE(row.timeBins->centres.size(), size_t(30));
        // The gradient shares of the σ bins are a partition of the gradient's squared norm.
        QVERIFY(std::abs(sum(row.lossBins->mean("grad_share")) - 1.0) < 1e-12);
        QVERIFY(row.lossBins->find("loss")->spread.size() == 16 && row.lossBins->find("grad_share")->spread.empty());
        for (const char* name : {"max_weight", "ess", "v_dsm", "v_stf", "stf_err2"})
            QVERIFY2(row.stfBins->find(name) && !row.stfBins->find(name)->spread.empty(), name);
        // Times of the σ bins rise with σ and stay in the horizon.
        for (size_t b = 0; b < 16; ++b)
            QVERIFY(row.lossBins->t[b] > 0.0 && row.lossBins->t[b] <= 1.0 && (b == 0 || row.lossBins->t[b] >= row.lossBins->t[b - 1]));
        QCOMPARE(row.tau.size(), size_t(10));
        for (double tau : row.tau)
            QVERIFY(tau > 0.0 && tau <= 1.0);
    }
}

void TestMetricsRow::missingValuesRoundTripAsNaN()
{
    const auto json = nlohmann::ordered_json::parse(R"({"step": 4, "loss": 0.5, "bins": {"log10_sigma": [0, 1],
        "count": [0, 3], "loss": [null, 2.5], "loss_std": [null, 0.5]}})");
    const auto row = metricsRowFromJson(json);
    QCOMPARE(row.step, int64_t(4));
    QCOMPARE(row.loss, 0.5);
    QVERIFY(std::isnan(row.lr) && std::isnan(row.stepsPerSecond));  // rows of older runs lack them
    QVERIFY(!row.stfBins && !row.timeBins && row.tau.empty());
    QVERIFY(std::isnan(row.lossBins->mean("loss")[0]));
    QCOMPARE(row.lossBins->mean("loss")[1], 2.5);
    QVERIFY(sameSigmas(row.lossBins->sigmas(), {1.0, 10.0}));
    QVERIFY(row.lossBins->t.empty() && row.lossBins->mean("v_stf").empty());
    // Written back: the empty bin is null again, the absent scalars null.
    const auto back = toJson(row);
    QVERIFY(back["bins"]["loss"][0].is_null());
    QVERIFY(back["lr"].is_null());
    QCOMPARE(metricsRowFromJson(back).lossBins->mean("loss")[1], 2.5);
}

void TestMetricsRow::refusesWhatIsNotARow_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("problem");
    QTest::newRow("array") << "[1, 2]" << "a metrics row is a JSON object";
    QTest::newRow("no step") << R"({"loss": 1})" << "a metrics row needs an integer \"step\"";
    QTest::newRow("step as text") << R"({"step": "3"})" << "a metrics row needs an integer \"step\"";
    QTest::newRow("loss as text") << R"({"step": 3, "loss": "low"})" << "\"loss\" is \"low\", not a number";
    QTest::newRow("bins without axis") << R"({"step": 3, "bins": {"count": [1]}})" << "bins have no axis (log10_sigma or log10_t)";
    QTest::newRow("short series") << R"({"step": 3, "bins": {"log10_sigma": [0, 1], "loss": [1]}})"
                                  << "bins: 'loss' has 1 values for 2 bins";
    QTest::newRow("text in bins") << R"({"step": 3, "bins": {"log10_sigma": [0], "loss": ["a"]}})"
                                  << "bins: 'loss' holds \"a\", not a number";
    QTest::newRow("tau as number") << R"({"step": 3, "tau": 0.5})" << "\"tau\" is not an array";
}

void TestMetricsRow::refusesWhatIsNotARow()
{
    QFETCH(QString, line);
    QFETCH(QString, problem);
    try {
        metricsRowFromJson(nlohmann::ordered_json::parse(line.toStdString()));
        QFAIL("taken");
    } catch (const std::invalid_argument& e) {
        QCOMPARE(QString(e.what()), problem);
    }
    QVERIFY(!parseMetricsLine(line.toStdString()));
}

// A crash can cut the last line; the log is its rows up to there, and a resume rewrites it from
// the checkpoint's step.
void TestMetricsRow::logReadingEndsAtACutLine()
{
    QTemporaryDir dir;
    const std::string jsonl = dir.filePath("metrics.jsonl").toStdString(), csv = dir.filePath("metrics.csv").toStdString();
    {
        MetricsLog log(jsonl, csv);
        for (int64_t step : {10, 20, 30})
            log.append(rowWith(step, lossWindow({1, 2, 0}, {1.0, 2.0, NAN}, {0.0, 0.5, NAN})));
    }
    std::ofstream(jsonl, std::ios::app) << R"({"step":40,"loss":0.)";
    QCOMPARE(MetricsLog::read(jsonl).size(), size_t(3));
    MetricsLog(jsonl, csv).truncateAfter(20);
    const auto rows = MetricsLog::read(jsonl);
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows.back().step, int64_t(20));
    QCOMPARE(rows.back().lossBins->mean("loss")[1], 2.0);
    QCOMPARE(lines(csv), (std::vector<std::string>{"step,loss,lr,grad_norm,steps_per_s,time_s", "10,1.0,,,,", "20,1.0,,,,"}));
}

// Bins 0–3: near field (max weight ≥ 0.9), intermediate, far (ESS ≥ 0.5 n = 32), and an empty bin.
void TestMetricsRow::stfSummaryOfAWindow()
{
    BinnedWindow stf{"log10_sigma", {-2, -1, 0, 1}, {5, 5, 5, 0}, {}, {}};
    const double nan = NAN;
    stf.series = {{"max_weight", {0.95, 0.5, 0.05, nan}, {0, 0, 0, nan}},
                  {"ess", {1.1, 8.0, 40.0, nan}, {0, 0, 0, nan}},
                  {"v_dsm", {4.0, 2.0, 1.0, nan}, {0, 0, 0, nan}},
                  {"v_stf", {3.0, 0.5, 0.02, nan}, {0, 0, 0, nan}},
                  {"stf_err2", {3.5, 0.25, 0.03, nan}, {0, 0, 0, nan}}};
    StfVarianceOptions thresholds;
    thresholds.referenceSize = 64;
    const auto s = summariseStfWindow(stf, thresholds);
    QVERIFY(sameSigmas(s.sigma, {0.01, 0.1, 1.0, 10.0}));
    QCOMPARE(s.ratio[0], 0.75);
    QCOMPARE(s.ratio[1], 0.25);
    QCOMPARE(s.ratio[2], 0.02);
    QVERIFY(std::isnan(s.ratio[3]));
    QVERIFY(sameSigmas(s.regimeSigma, {0.01, 0.1, 1.0}));
    QCOMPARE(s.regime, (std::vector<std::string>{"near", "intermediate", "far"}));
    // bias² = E‖ŝ − ∇log p_t‖² − tr Var: 0.5, then 0.25 − 0.5 < 0 floored at 0, then 0.01.
    QCOMPARE(s.bias2.size(), size_t(4));
    QCOMPARE(s.bias2[0], 0.5);
    QCOMPARE(s.bias2[1], 0.0);
    QVERIFY(std::abs(s.bias2[2] - 0.01) < 1e-15);
    QVERIFY(std::isnan(s.bias2[3]));
    stf.series.pop_back();  // off mixtures there is no error against the true score
    QVERIFY(summariseStfWindow(stf, thresholds).bias2.empty());
}

// Two windows of a bin: 2 samples of mean 1, spread 0 and 2 of mean 3, spread 1 pool to mean 2
// and E[x²] = (2·1 + 2·(1 + 9))/4 = 5.5, so spread √(5.5 − 4) = √1.5.
void TestMetricsRow::poolsWindowsByCount()
{
    auto first = lossWindow({2, 1, 0}, {1.0, 4.0, NAN}, {0.0, 0.0, NAN});
    auto second = lossWindow({2, 3, 0}, {3.0, 4.0, NAN}, {1.0, 0.0, NAN});
    first.series.push_back({"grad_share", {0.2, 0.8, 0.0}, {}});
    second.series.push_back({"grad_share", {0.4, 0.6, 0.0}, {}});
    const std::vector<MetricsRow> rows{rowWith(5, lossWindow({9, 9, 9}, {9, 9, 9}, {0, 0, 0})), rowWith(10, first),
                                       rowWith(20, second)};
    const auto pooled = poolLossScale(rows, 2, "metrics.jsonl");
    QCOMPARE(pooled.windows, size_t(2));
    QCOMPARE(pooled.names, std::vector<std::string>{"loss"});
    QCOMPARE(pooled.bins.size(), size_t(3));
    const auto& b = pooled.bins;
    QCOMPARE(b[0].count, 4.0);
    QCOMPARE(b[0].mean[0], 2.0);
    QVERIFY(std::abs(b[0].spread[0] - std::sqrt(1.5)) < 1e-15);
    QCOMPARE(b[1].mean[0], 4.0);
    QCOMPARE(b[1].spread[0], 0.0);
    QVERIFY(std::isnan(b[2].mean[0]) && b[2].count == 0.0);
    // Loss shares: 4·2 and 4·4 of 24.
    QCOMPARE(b[0].lossShare, 8.0 / 24.0);
    QCOMPARE(b[1].lossShare, 16.0 / 24.0);
    QCOMPARE(b[2].lossShare, 0.0);
    QVERIFY(std::abs(b[0].gradShare - 0.3) < 1e-15);
    QVERIFY(std::abs(b[1].gradShare - 0.7) < 1e-15);
    QCOMPARE(b[1].t, 0.3);
}

void TestMetricsRow::poolingRefusesChangedOrMissingBins()
{
    auto moved = lossWindow({1, 1, 1}, {1, 1, 1}, {0, 0, 0});
    moved.centres = {-1.0, 0.0, 2.0};
    const std::vector<MetricsRow> changed{rowWith(10, lossWindow({1, 1, 1}, {1, 1, 1}, {0, 0, 0})), rowWith(20, moved)};
    QVERIFY_THROWS_EXCEPTION(Error, poolLossScale(changed, 10, "run/metrics.jsonl"));
    try {
        poolLossScale({MetricsRow{}}, 10, "run/metrics.jsonl");
        QFAIL("pooled a log without bins");
    } catch (const Error& e) {
        QVERIFY(QString(e.what()).startsWith("run/metrics.jsonl: has no per-noise-level bins"));
    }
}

// w = 0.5 on [1, 3]: s₁ = 0.5/(1 − 0.5) = 1, s₂ = (0.25 + 1.5)/(1 − 0.25) = 7/3.
void TestMetricsRow::debiasedEmaValues()
{
    const auto s = debiasedEma({1.0, 3.0}, 0.5);
    QCOMPARE(s.size(), size_t(2));
    QCOMPARE(s[0], 1.0);
    QVERIFY(std::abs(s[1] - 7.0 / 3.0) < 1e-15);
    for (double v : debiasedEma({2.0, 2.0, 2.0, 2.0}, 0.9))
        QVERIFY(std::abs(v - 2.0) < 1e-12);  // a constant stays constant: no bias towards 0
    const auto gap = debiasedEma({1.0, NAN, 3.0}, 0.5);
    QCOMPARE(gap[1], 1.0);  // a missing value keeps the average so far
    QCOMPARE(gap[2], 7.0 / 3.0);
}

QTEST_GUILESS_MAIN(TestMetricsRow)
#include "tst_metricsrow.moc"
