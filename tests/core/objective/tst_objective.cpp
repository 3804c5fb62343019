// The DSM objective on data N(0, vI), whose exact score −x/(a²v + s²) makes every expectation closed form.
#include "SdeKindRows.h"
#include "GaussianData.h"
#include "LogQuadrature.h"
#include "core/common/Rng.h"
#include "core/nn/ScoreFunction.h"
#include "core/objective/DenoisingScoreMatching.h"
#include "core/sde/SdeFactory.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

namespace {
const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
constexpr double v = testing::gaussianVariance;
constexpr int64_t D = testing::gaussianDim;
using testing::GaussianScore;
using testing::optimalLossPerUnitWeight;
}

class TestObjective : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void varianceWeightedLossAtOptimum_data();
    void varianceWeightedLossAtOptimum();
    void importanceSampledLossIsUnbiased_data() { varianceWeightedLossAtOptimum_data(); }
    void importanceSampledLossIsUnbiased();
    void importanceSampledTimesFollowTheirCdf();
    void perSampleLossesCarryTheirTimes();
};

void TestObjective::varianceWeightedLossAtOptimum_data()
{
    testing::addSdeKindRows();
}

// At fixed t the variance-weighted per-sample loss of the exact score has mean ½ D a²v/(a²v + s²).
void TestObjective::varianceWeightedLossAtOptimum()
{
    QFETCH(SdeKind, kind);
    const auto sde = makeSde(SdeConfig::defaults(kind));
    GaussianScore model(sde);
    DenoisingScoreMatching dsm(sde, {});
    Rng rng(11);
    const int64_t n = 20000;
    for (double t : {0.05, 0.3, 0.7}) {
        const auto x0 = rng.normal({n, D}, f64) * std::sqrt(v);
        const auto tt = torch::full({n}, t, f64);
        const auto batch = dsm.loss(model, x0, {tt, sde->std(tt).pow(2)}, rng.normal({n, D}, f64));
        const double mean = batch.perSample.mean().item<double>();
        const double se = batch.perSample.std().item<double>() / std::sqrt(double(n));
        const double expected = optimalLossPerUnitWeight(*sde, t) * std::pow(sde->stdAt(t), 2);
        QVERIFY2(std::abs(mean - expected) < 4 * se, qPrintable(QString("t=%1: %2 vs %3 (se %4)").arg(t).arg(mean).arg(expected).arg(se)));
    }
}

// E_{t~g²/s²}[Z s² ℓ] = ∫_ε^T g² ½E‖s − ∇log p_0t‖² dt (§1.2): Monte-Carlo mean vs a quadrature.
void TestObjective::importanceSampledLossIsUnbiased()
{
    QFETCH(SdeKind, kind);
    const auto sde = makeSde(SdeConfig::defaults(kind));
    GaussianScore model(sde);
    ObjectiveConfig cfg;
    cfg.weighting = Weighting::LikelihoodIS;
    cfg.eps = 1e-3;
    DenoisingScoreMatching dsm(sde, cfg);
    Rng rng(12);
    const int64_t n = 200000;
    const auto batch = dsm.loss(model, rng.normal({n, D}, f64) * std::sqrt(v), rng);
    const double mean = batch.perSample.mean().item<double>();
    const double se = batch.perSample.std().item<double>() / std::sqrt(double(n));
    const double expected = testing::integrateLog(cfg.eps, 1.0, [&](double t) {
        return std::pow(sde->diffusionAt(t), 2) * optimalLossPerUnitWeight(*sde, t);
    });
    QVERIFY2(std::abs(mean - expected) < 4 * se, qPrintable(QString("%1 vs %2 (se %3)").arg(mean).arg(expected).arg(se)));
}

// Kolmogorov–Smirnov against F(t) = (A(t) − A(ε))/Z: at α = 0.001 the critical value is 1.95/√n.
void TestObjective::importanceSampledTimesFollowTheirCdf()
{
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    ObjectiveConfig cfg;
    cfg.weighting = Weighting::LikelihoodIS;
    DenoisingScoreMatching dsm(sde, cfg);
    Rng rng(13);
    const int64_t n = 50000;
    const auto t = std::get<0>(torch::sort(dsm.drawTimes(n, rng).t));
    const double eps = dsm.eps();
    const auto F = (sde->importanceAntiderivative(t) - sde->importanceAntiderivative(torch::full({}, eps, f64))) / sde->importanceNormaliser(eps);
    const auto i = torch::arange(1, n + 1, f64);
    const double ks = torch::maximum((i / n - F).abs(), (F - (i - 1) / n).abs()).max().item<double>();
    QVERIFY2(ks < 1.95 / std::sqrt(double(n)), qPrintable(QString::number(ks)));
    // §2.1: ~19.7 % of importance-sampled times fall below 1e-3 (binomial SE 0.0018).
    const double below = (t < 1e-3).to(torch::kDouble).mean().item<double>();
    QVERIFY2(std::abs(below - 0.197) < 4 * 0.0018, qPrintable(QString::number(below)));
}

void TestObjective::perSampleLossesCarryTheirTimes()
{
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    GaussianScore model(sde);
    DenoisingScoreMatching dsm(sde, {});
    Rng rng(14);
    const auto batch = dsm.loss(model, rng.normal({64, D}, f64), rng);
    QCOMPARE(batch.t.size(0), 64);
    QCOMPARE(batch.perSample.size(0), 64);
    QVERIFY((batch.t >= dsm.eps()).all().item<bool>());
    QVERIFY((batch.t <= 1.0).all().item<bool>());
    QVERIFY(std::abs(batch.perSample.mean().item<double>() - batch.loss.item<double>()) < 1e-12);
}

QTEST_APPLESS_MAIN(TestObjective)
#include "tst_objective.moc"
