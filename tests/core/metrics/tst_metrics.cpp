// Sample metrics against closed-form values for Gaussians.
#include "core/common/Rng.h"
#include "core/data/ToyPresets.h"
#include "core/metrics/SampleMetrics.h"
#include "core/metrics/ScoreError.h"
#include "core/sde/Sde.h"
#include "SdeKindRows.h"
#include "core/truth/GaussianMixture.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

namespace {
const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
}

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void energyDistanceOfShiftedGaussians();
    void slicedWassersteinOfShiftedGaussians();
    void mmdSeparatesDistributions();
    void modeCoverageCountsModes();
    void scoreErrorTimesSpanTheTrainingRange_data() { testing::addAllSdeKindRows(); }
    void scoreErrorTimesSpanTheTrainingRange();
};

// eval's noise levels: σ(t_i) log-spaced from σ(ε) to σ(T), so equal steps in log σ, ends at ε and T.
void TestMetrics::scoreErrorTimesSpanTheTrainingRange()
{
    QFETCH(SdeKind, kind);
    const auto sde = makeSde(SdeConfig::defaults(kind));
    const auto times = scoreErrorTimes(*sde, 8);
    QCOMPARE(times.size(), size_t(8));
    QVERIFY(std::abs(times.front() - sde->trainingEps()) <= 1e-9 * sde->trainingEps());
    QVERIFY(std::abs(times.back() - sde->horizon()) <= 1e-9 * sde->horizon());
    const double step = std::log(sde->sigmaAt(sde->horizon()) / sde->sigmaAt(sde->trainingEps())) / 7.0;
    for (size_t i = 1; i < times.size(); ++i)
        QVERIFY2(std::abs(std::log(sde->sigmaAt(times[i]) / sde->sigmaAt(times[i - 1])) - step) < 1e-7 * std::abs(step),
                 qPrintable(QString("level %1").arg(i)));
}

// 1-D X ~ N(0,1), Y ~ N(μ,1): X − Y ~ N(−μ, 2), so E|X−Y| = 2/√π e^{−μ²/4} + μ erf(μ/2) and
// E|X−X'| = 2/√π; ED = 2E|X−Y| − 4/√π.
void TestMetrics::energyDistanceOfShiftedGaussians()
{
    Rng rng(1);
    const double mu = 1.0;
    const double expected = 2.0 * (2.0 / std::sqrt(M_PI) * std::exp(-mu * mu / 4) + mu * std::erf(mu / 2)) - 4.0 / std::sqrt(M_PI);
    std::vector<double> est;
    for (int r = 0; r < 8; ++r)
        est.push_back(energyDistance(rng.normal({2000, 1}, f64), rng.normal({2000, 1}, f64) + mu));
    const auto e = torch::tensor(est, f64);
    const double mean = e.mean().item<double>(), se = e.std().item<double>() / std::sqrt(8.0);
    // The U-statistic is unbiased: the mean of 8 replicates lies within 4 standard errors.
    QVERIFY2(std::abs(mean - expected) < 4 * se, qPrintable(QString("%1 vs %2 (se %3)").arg(mean).arg(expected).arg(se)));
    // Same distribution: centred on zero.
    const double same = energyDistance(rng.normal({2000, 2}, f64), rng.normal({2000, 2}, f64));
    QVERIFY(std::abs(same) < 0.01);
}

// X ~ N(0, I₂), Y ~ N(μ, I₂): along θ the projections differ by a shift μ·θ, so W₂ = |μ·θ| and
// SW₂² = E_θ(μ·θ)² = |μ|²/2. Quantile noise at n = 20000 adds ~√(2/n)·O(1) ≈ 0.01 in quadrature.
void TestMetrics::slicedWassersteinOfShiftedGaussians()
{
    Rng rng(2);
    const auto X = rng.normal({20000, 2}, f64);
    const auto Y = rng.normal({20000, 2}, f64) + torch::tensor({2.0, 0.0}, f64);
    const double sw = slicedWasserstein(X, Y, rng, 512);
    QVERIFY2(std::abs(sw - std::sqrt(2.0)) < 0.03, qPrintable(QString::number(sw)));
    // Unequal sizes go through quantile interpolation and agree.
    const double sw2 = slicedWasserstein(X.slice(0, 0, 15000), Y, rng, 512);
    QVERIFY2(std::abs(sw2 - std::sqrt(2.0)) < 0.03, qPrintable(QString::number(sw2)));
}

void TestMetrics::mmdSeparatesDistributions()
{
    Rng rng(3);
    const double same = mmdRbf(rng.normal({1000, 2}, f64), rng.normal({1000, 2}, f64));
    const double diff = mmdRbf(rng.normal({1000, 2}, f64), rng.normal({1000, 2}, f64) * 1.5);
    // Unbiased MMD² under H0 has sd ~ 1/n ≈ 1e-3.
    QVERIFY2(std::abs(same) < 5e-3, qPrintable(QString::number(same)));
    QVERIFY2(diff > 0.02, qPrintable(QString::number(diff)));
}

void TestMetrics::modeCoverageCountsModes()
{
    Rng rng(4);
    const auto ring = makeToyPreset("ring8");
    const auto cov = modeCoverage(ring->sample(4000, rng), *ring->mixture());
    QCOMPARE(cov.modes, 8);
    QCOMPARE(cov.covered, 8);
    // P(Mahalanobis ≤ 4) in 2-D is 1 − e^{−8} = 0.99966; 4000 draws: expect ~1.3 outside.
    QVERIFY(cov.fractionWithin4Std > 0.998);
    // Drop one mode: 7 covered.
    const auto& m = *ring->mixture();
    const GaussianMixture seven{"seven", m.weights.slice(0, 0, 7) / m.weights.slice(0, 0, 7).sum(), m.means.slice(0, 0, 7),
                                m.covariances.slice(0, 0, 7)};
    QCOMPARE(modeCoverage(seven.sample(4000, rng), m).covered, 7);
    // Points far from all modes are not within 4 std.
    QCOMPARE(modeCoverage(torch::zeros({10, 2}, f64), m).fractionWithin4Std, 0.0);
}

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
