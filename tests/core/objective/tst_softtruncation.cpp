// Soft Truncation (§2): the law of τ, the IS normaliser Z(τ), and the unbiasedness of the
// soft-truncated loss for its effective weight λ_ST(t) = g²(t)·F_k(t) (§2.3), on data N(0, vI)
// where the per-time loss of any linear score is closed form.
#include "SdeKindRows.h"
#include "GaussianData.h"
#include "core/analysis/TimeSamplingLaw.h"
#include "core/analysis/TruncationLaw.h"
#include "LogQuadrature.h"
#include "core/common/Rng.h"
#include "core/nn/ScoreFunction.h"
#include "core/objective/DenoisingScoreMatching.h"
#include "core/objective/SoftTruncation.h"
#include "core/sde/SdeFactory.h"
#include "core/train/TrainConfig.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

namespace {
const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
constexpr double v = testing::gaussianVariance;
constexpr int64_t D = testing::gaussianDim;
using testing::GaussianScore;
using testing::optimalLossPerUnitWeight;
using testing::integrateLog;
}

class TestSoftTruncation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tauFollowsItsCdf_data();
    void tauFollowsItsCdf();
    void densityIntegratesToTheCdf();
    void largeKApproachesFixedTruncation();
    void normaliserMatchesQuadrature_data();
    void normaliserMatchesQuadrature();
    void softTruncatedLossIsUnbiased();
    void mixedHalvesCarryTheirWeights();
    void marginalTimesFollowTheTabulatedLaw_data();
    void marginalTimesFollowTheTabulatedLaw();
    void timeSamplingLawMatchesTheDraws_data();
    void timeSamplingLawMatchesTheDraws();
};

void TestSoftTruncation::tauFollowsItsCdf_data()
{
    QTest::addColumn<double>("k");
    QTest::addColumn<double>("below1e3");  // §2.2: P(τ ≤ 1e-3) for ε = 1e-5, T = 1, to 2 decimals
    QTest::addColumn<double>("below0p1");  // P(τ ≤ 0.1)
    QTest::newRow("k=0.9") << 0.9 << 0.27 << 0.70;
    QTest::newRow("k=1") << 1.0 << 0.40 << 0.80;
    QTest::newRow("k=2") << 2.0 << -1.0 << -1.0;
}

// Kolmogorov–Smirnov of 20 000 draws against F_k at α = 0.001 (critical value 1.95/√n), and the
// quoted CDF values to their rounding (±0.005).
void TestSoftTruncation::tauFollowsItsCdf()
{
    QFETCH(double, k);
    QFETCH(double, below1e3);
    QFETCH(double, below0p1);
    const SoftTruncation st(1e-5, 1.0, k);
    Rng rng(21);
    const int64_t n = 20000;
    std::vector<double> taus(n);
    for (auto& tau : taus)
        tau = st.sample(rng);
    std::sort(taus.begin(), taus.end());
    double ks = 0.0;
    for (int64_t i = 0; i < n; ++i) {
        QVERIFY(taus[i] >= 1e-5 && taus[i] <= 1.0);
        const double F = st.cdf(taus[i]);
        ks = std::max({ks, std::abs(double(i + 1) / n - F), std::abs(F - double(i) / n)});
    }
    QVERIFY2(ks < 1.95 / std::sqrt(double(n)), qPrintable(QString::number(ks)));
    if (below1e3 > 0) {
        QVERIFY2(std::abs(st.cdf(1e-3) - below1e3) <= 0.005, qPrintable(QString::number(st.cdf(1e-3))));
        QVERIFY2(std::abs(st.cdf(0.1) - below0p1) <= 0.005, qPrintable(QString::number(st.cdf(0.1))));
    }
    QVERIFY(std::abs(st.quantile(st.cdf(0.01)) - 0.01) < 1e-12);
}

void TestSoftTruncation::densityIntegratesToTheCdf()
{
    for (double k : {0.5, 1.0, 2.0}) {
        const SoftTruncation st(1e-4, 2.0, k);
        for (double t : {1e-3, 0.1, 2.0})
            QVERIFY(std::abs(integrateLog(1e-4, t, [&](double s) { return st.density(s); }) - st.cdf(t)) < 1e-8);
    }
}

// k = 100 and 1000 (ε^{1−k} overflows a double): τ stays finite and hugs ε; the median is
// ε·2^{1/(k−1)} in closed form, and the CDF inverts the quantile to rounding.
void TestSoftTruncation::largeKApproachesFixedTruncation()
{
    for (double k : {100.0, 1000.0}) {
        const SoftTruncation st(1e-5, 1.0, k);
        Rng rng(25);
        for (int i = 0; i < 1000; ++i) {
            const double tau = st.sample(rng);
            QVERIFY(std::isfinite(tau) && tau >= 1e-5 && tau < 1e-4);
        }
        QVERIFY(std::abs(st.quantile(0.5) / (1e-5 * std::pow(2.0, 1.0 / (k - 1.0))) - 1.0) < 1e-12);
        QVERIFY(std::abs(st.cdf(st.quantile(0.3)) - 0.3) < 1e-12);
        QVERIFY(std::isfinite(st.density(2e-5)) && st.density(2e-5) > 0.0);
    }
}

void TestSoftTruncation::normaliserMatchesQuadrature_data()
{
    testing::addSdeKindRows();
}

// Z(τ) = ∫_τ^T g²/s² dt (§1.2 with t_min = τ), the factor that keeps each step's IS loss unbiased.
void TestSoftTruncation::normaliserMatchesQuadrature()
{
    QFETCH(SdeKind, kind);
    const auto sde = makeSde(SdeConfig::defaults(kind));
    for (double tau : {1e-5, 1e-3, 0.1, 0.7}) {
        const double quad = integrateLog(tau, 1.0, [&](double t) { return std::pow(sde->diffusionAt(t) / sde->stdAt(t), 2); });
        const double z = sde->importanceNormaliser(tau);
        QVERIFY2(std::abs(z / quad - 1.0) < 1e-7, qPrintable(QString("τ=%1: %2 vs %3").arg(tau).arg(z).arg(quad)));
    }
}

// With τ ~ P_k drawn per step and t ~ g²/s² on [τ, T], E[Z(τ) s² ℓ] = ∫ g² F_k ½E‖s − ∇log p_0t‖² dt
// (§2.3). 4000 steps of 50 samples; the steps are independent, so the standard error is that of
// the per-step means; tolerance 4 standard errors.
void TestSoftTruncation::softTruncatedLossIsUnbiased()
{
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    GaussianScore model(sde);
    ObjectiveConfig cfg;
    cfg.weighting = Weighting::LikelihoodIS;
    cfg.eps = 1e-3;
    cfg.softTruncationK = 1.0;
    const DenoisingScoreMatching dsm(sde, cfg);
    QVERIFY(dsm.softTruncation());
    Rng rng(22);
    const int64_t steps = 4000;
    std::vector<double> means;
    for (int64_t i = 0; i < steps; ++i) {
        const auto batch = dsm.loss(model, rng.normal({50, D}, f64) * std::sqrt(v), rng);
        QVERIFY(batch.tau >= cfg.eps && (batch.t >= batch.tau).all().item<bool>());
        means.push_back(batch.perSample.mean().item<double>());
    }
    const auto m = torch::tensor(means, f64);
    const double mean = m.mean().item<double>(), se = m.std().item<double>() / std::sqrt(double(steps));
    const auto& st = *dsm.softTruncation();
    const double expected = integrateLog(cfg.eps, 1.0, [&](double t) {
        return std::pow(sde->diffusionAt(t), 2) * st.cdf(t) * optimalLossPerUnitWeight(*sde, t);
    });
    QVERIFY2(std::abs(mean - expected) < 4 * se, qPrintable(QString("%1 vs %2 (se %3)").arg(mean).arg(expected).arg(se)));
}

// Mixed (§2.2): the first half is half the IS loss, ½∫ g² ℓ dt; the second half mixedWeight·s²·ℓ at
// uniform t, whose mean is mixedWeight/(T − ε) ∫ s² ℓ dt. 4 standard errors each.
void TestSoftTruncation::mixedHalvesCarryTheirWeights()
{
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    GaussianScore model(sde);
    ObjectiveConfig cfg;
    cfg.weighting = Weighting::Mixed;
    cfg.eps = 1e-3;
    cfg.mixedWeight = 3.0;
    const DenoisingScoreMatching dsm(sde, cfg);
    Rng rng(23);
    const int64_t n = 400000;
    const auto batch = dsm.loss(model, rng.normal({n, D}, f64) * std::sqrt(v), rng);
    const auto is = batch.perSample.slice(0, 0, n / 2), uniform = batch.perSample.slice(0, n / 2);
    const double isExpected = 0.5 * integrateLog(cfg.eps, 1.0, [&](double t) { return std::pow(sde->diffusionAt(t), 2) * optimalLossPerUnitWeight(*sde, t); });
    const double uniformExpected = cfg.mixedWeight / (1.0 - cfg.eps) *
                                   integrateLog(cfg.eps, 1.0, [&](double t) { return std::pow(sde->stdAt(t), 2) * optimalLossPerUnitWeight(*sde, t); });
    for (const auto& [half, expected] : {std::pair{is, isExpected}, std::pair{uniform, uniformExpected}}) {
        const double mean = half.mean().item<double>(), se = half.std().item<double>() / std::sqrt(double(half.numel()));
        QVERIFY2(std::abs(mean - expected) < 4 * se, qPrintable(QString("%1 vs %2 (se %3)").arg(mean).arg(expected).arg(se)));
    }
}

void TestSoftTruncation::marginalTimesFollowTheTabulatedLaw_data()
{
    QTest::addColumn<bool>("importanceSampled");
    QTest::newRow("importance-sampled") << true;
    QTest::newRow("uniform") << false;
}

// t drawn through the training code (τ per step, then t | τ) against TruncationLaw's marginal CDF:
// Kolmogorov–Smirnov at α = 0.001 for 20 000 steps; the tabulated density integrates to the CDF
// (to 1e-4: the table's trapezoid error plus that of this check's own quadrature).
void TestSoftTruncation::marginalTimesFollowTheTabulatedLaw()
{
    QFETCH(bool, importanceSampled);
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    ObjectiveConfig cfg;
    cfg.weighting = importanceSampled ? Weighting::LikelihoodIS : Weighting::Variance;
    cfg.eps = 1e-5;
    cfg.softTruncationK = 1.0;
    const DenoisingScoreMatching dsm(sde, cfg);
    const TruncationLaw law(*sde, *dsm.softTruncation(), importanceSampled);
    Rng rng(24);
    const int64_t n = 20000;
    std::vector<double> t;
    for (int64_t i = 0; i < n; ++i)
        t.push_back(dsm.drawTimes(1, rng, dsm.softTruncation()->sample(rng)).t.item<double>());
    std::sort(t.begin(), t.end());
    double ks = 0.0;
    for (int64_t i = 0; i < n; ++i) {
        const double F = law.marginalCdf(t[i]);
        ks = std::max({ks, std::abs(double(i + 1) / n - F), std::abs(F - double(i) / n)});
    }
    QVERIFY2(ks < 1.95 / std::sqrt(double(n)), qPrintable(QString::number(ks)));
    for (double x : {1e-3, 0.1, 0.5})
        QVERIFY(std::abs(integrateLog(1e-5, x, [&](double s) { return law.marginalDensity(s); }) - law.marginalCdf(x)) < 1e-4);
    QVERIFY(std::abs(law.marginalQuantile(law.marginalCdf(0.05)) - 0.05) < 1e-6);
}

void TestSoftTruncation::timeSamplingLawMatchesTheDraws_data()
{
    QTest::addColumn<QString>("weighting");
    QTest::addColumn<bool>("soft");
    for (const char* w : {"variance", "likelihood-is", "mixed", "edm"})
        for (bool soft : {false, true})
            QTest::newRow(qPrintable(QString("%1, %2").arg(w, soft ? "Soft Truncation k = 1" : "fixed ε"))) << QString(w) << soft;
}

// The densities the live view overlays (per unit log10 t) against t drawn by the training code:
// their cumulative sums at the 200 cell edges against the empirical CDF, within the KS band at
// α = 0.001 for the number of independent τ draws, plus 3e-3 for the midpoint rule's error.
void TestSoftTruncation::timeSamplingLawMatchesTheDraws()
{
    QFETCH(QString, weighting);
    QFETCH(bool, soft);
    TrainConfig config;
    selectSde(config, weighting == "edm" ? SdeKind::EDM : SdeKind::VP);
    config.objective.weighting = parseWeighting(weighting.toStdString());
    config.objective.softTruncationK = soft ? 1.0 : 0.0;
    const auto law = timeSamplingLaw(config);
    QCOMPARE(law.tau.x.empty(), !soft);

    const auto sde = makeSde(config.sde);
    const DenoisingScoreMatching dsm(sde, config.objective);
    const double eps = dsm.eps(), T = sde->horizon();
    const int64_t perTau = weighting == "mixed" ? 2 : 1, draws = 10000;  // mixed: one IS and one uniform t per τ
    Rng rng(7);
    std::vector<double> t;
    for (int64_t i = 0; i < draws; ++i) {
        const double tau = soft ? dsm.softTruncation()->sample(rng) : eps;
        const auto ts = dsm.drawTimes(perTau, rng, tau).t;
        for (int64_t j = 0; j < perTau; ++j)
            t.push_back(ts[j].item<double>());
    }
    std::sort(t.begin(), t.end());
    const int points = static_cast<int>(law.t.x.size());
    const double cell = std::log10(T / eps) / points;
    double cumulative = 0.0, worst = 0.0;
    for (int j = 1; j <= points; ++j) {
        cumulative += law.t.density[j - 1] * cell;
        const double edge = eps * std::pow(T / eps, double(j) / points);
        const double empirical = double(std::upper_bound(t.begin(), t.end(), edge) - t.begin()) / t.size();
        worst = std::max(worst, std::abs(empirical - cumulative));
    }
    QVERIFY2(std::abs(cumulative - 1.0) < 3e-3, qPrintable(QString::number(cumulative)));
    QVERIFY2(worst < 1.95 / std::sqrt(double(draws)) + 3e-3, qPrintable(QString::number(worst)));
}

QTEST_APPLESS_MAIN(TestSoftTruncation)
#include "tst_softtruncation.moc"
