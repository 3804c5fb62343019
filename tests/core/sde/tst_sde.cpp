// SDE coefficients against their defining relations (§1.1, §1.2), by finite differences in double.
#include "SdeKindRows.h"
#include "core/sde/SdeFactory.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

namespace {
torch::Tensor d(double v) { return torch::full({}, v, torch::kDouble); }
double val(const torch::Tensor& t) { return t.item<double>(); }
// Central difference; error O(h²·f''') ≈ 1e-10 relative at h = 1e-5·t, far below the 1e-6 tolerance.
template <typename F> double derivative(F f, double t)
{
    const double h = 1e-5 * std::max(t, 1e-3);
    return (val(f(d(t + h))) - val(f(d(t - h)))) / (2.0 * h);
}
}

class TestSde : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kernelSolvesTheForwardSde_data();
    void kernelSolvesTheForwardSde();
    void sigmaRoundTrip_data() { kernelSolvesTheForwardSde_data(); }
    void sigmaRoundTrip();
    void importanceSamplingDensity_data() { kernelSolvesTheForwardSde_data(); }
    void importanceSamplingDensity();
    void vpImportanceSamplingReferenceNumbers();
    void transitionMatchesDdpmAndSmld();
    void vePriorMatchesTheHorizon_data();
    void vePriorMatchesTheHorizon();
};

void TestSde::kernelSolvesTheForwardSde_data()
{
    testing::addAllSdeKindRows();
}

// For dx = f x dt + g dW: da/dt = f a and d(s²)/dt = 2 f s² + g².
void TestSde::kernelSolvesTheForwardSde()
{
    QFETCH(SdeKind, kind);
    const auto sde = makeSde(SdeConfig::defaults(kind));
    const double T = sde->horizon();
    for (double frac : {0.01, 0.1, 0.37, 0.8}) {
        const double t = frac * T;
        const double f = val(sde->driftCoeff(d(t)));
        const double g2 = std::pow(val(sde->diffusion(d(t))), 2);
        const double dA = derivative([&](const torch::Tensor& x) { return sde->meanCoeff(x); }, t);
        const double dS2 = derivative([&](const torch::Tensor& x) { return sde->std(x).pow(2); }, t);
        QVERIFY2(std::abs(dA - f * sde->meanCoeffAt(t)) <= 1e-6 * std::max(1.0, std::abs(dA)), qPrintable(QString::number(t)));
        const double rhs = 2.0 * f * std::pow(sde->stdAt(t), 2) + g2;
        QVERIFY2(std::abs(dS2 - rhs) <= 1e-6 * std::abs(rhs), qPrintable(QString("t=%1 %2 vs %3").arg(t).arg(dS2).arg(rhs)));
    }
}

void TestSde::sigmaRoundTrip()
{
    QFETCH(SdeKind, kind);
    const auto sde = makeSde(SdeConfig::defaults(kind));
    const auto t = torch::linspace(1e-4, 1.0, 50, torch::kDouble) * sde->horizon();
    const auto back = sde->timeOfSigma(sde->sigma(t));
    QVERIFY(torch::allclose(back, t, 1e-9, 1e-12));
    // σ = s/a
    QVERIFY(torch::allclose(sde->sigma(t), sde->std(t) / sde->meanCoeff(t), 1e-12, 0.0));
}

// A'(t) = g²/s², A⁻¹ inverts A, and Z matches numerical integration of g²/s² (§1.2).
void TestSde::importanceSamplingDensity()
{
    QFETCH(SdeKind, kind);
    const auto sde = makeSde(SdeConfig::defaults(kind));
    const double T = sde->horizon();
    for (double frac : {0.001, 0.05, 0.5, 0.9}) {
        const double t = frac * T;
        const double dA = derivative([&](const torch::Tensor& x) { return sde->importanceAntiderivative(x); }, t);
        const double density = std::pow(sde->diffusionAt(t) / sde->stdAt(t), 2);
        QVERIFY2(std::abs(dA - density) <= 1e-6 * density, qPrintable(QString("t=%1: %2 vs %3").arg(t).arg(dA).arg(density)));
        QVERIFY(std::abs(val(sde->importanceAntiderivativeInverse(sde->importanceAntiderivative(d(t)))) - t) <= 1e-9 * T);
    }
    // Trapezoid rule on a log grid (the integrand varies over decades); 200k nodes: error < 1e-7 relative.
    const double tMin = sde->trainingEps();
    const auto u = torch::linspace(std::log(tMin), std::log(T), 200001, torch::kDouble);
    const auto t = torch::exp(u);
    const auto integrand = (sde->diffusion(t) / sde->std(t)).pow(2) * t;  // dt = t du
    const double numeric = val(torch::trapezoid(integrand, u));
    QVERIFY2(std::abs(sde->importanceNormaliser(tMin) - numeric) <= 1e-6 * numeric,
             qPrintable(QString("%1 vs %2").arg(sde->importanceNormaliser(tMin)).arg(numeric)));
}

// Reference numbers of §2.1: ε = 1e-5, β ∈ [0.1, 20]: Z = 23.86, P(t < 1e-3) = 0.197, median 0.114.
void TestSde::vpImportanceSamplingReferenceNumbers()
{
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    const double eps = 1e-5, Z = sde->importanceNormaliser(eps);
    QCOMPARE(std::round(Z * 100) / 100, 23.86);
    auto cdf = [&](double t) { return (val(sde->importanceAntiderivative(d(t))) - val(sde->importanceAntiderivative(d(eps)))) / Z; };
    QCOMPARE(std::round(cdf(1e-4) * 1000) / 1000, 0.097);
    QCOMPARE(std::round(cdf(1e-3) * 1000) / 1000, 0.197);
    QCOMPARE(std::round(cdf(1e-2) * 1000) / 1000, 0.318);
    QCOMPARE(std::round(val(sde->importanceSampledTime(d(0.5), eps)) * 1000) / 1000, 0.114);
}

// VP: α² + G² = 1 (DDPM's √(1−β_i) and β_i); VE: G² = σ(t)² − σ(t')² (SMLD) (§1.3).
void TestSde::transitionMatchesDdpmAndSmld()
{
    const auto vp = makeSde(SdeConfig::defaults(SdeKind::VP));
    const auto trVp = vp->transition(d(0.5), d(0.499));
    QVERIFY(std::abs(val(trVp.alpha.pow(2) + trVp.g2) - 1.0) < 1e-12);
    // β_i = 1 − e^{−(B(t) − B(t'))} exactly, with B(t) = 0.1 t + 9.95 t².
    auto B = [](double t) { return 0.1 * t + 9.95 * t * t; };
    QVERIFY(std::abs(val(trVp.g2) + std::expm1(-(B(0.5) - B(0.499)))) < 1e-12);
    const auto ve = makeSde(SdeConfig::defaults(SdeKind::VE));
    const auto trVe = ve->transition(d(0.5), d(0.499));
    QCOMPARE(val(trVe.alpha), 1.0);
    QVERIFY(std::abs(val(trVe.g2) - (std::pow(ve->stdAt(0.5), 2) - std::pow(ve->stdAt(0.499), 2))) < 1e-12);
}

void TestSde::vePriorMatchesTheHorizon_data()
{
    QTest::addColumn<double>("T");
    QTest::newRow("T = 1") << 1.0;
    QTest::newRow("T = 0.5") << 0.5;
    QTest::newRow("T = 0.2") << 0.2;
}

// VE's prior is N(0, σ(T)² I) (§4.1): σ_max itself at T = 1 (score_sde), the marginal's σ(T) below;
// σ(0.5) = 0.01·5000^½ ≈ 0.707, seventy times smaller than σ_max = 50.
void TestSde::vePriorMatchesTheHorizon()
{
    QFETCH(double, T);
    SdeConfig c = SdeConfig::defaults(SdeKind::VE);
    c.T = T;
    const auto ve = makeSde(c);
    QVERIFY(std::abs(ve->priorStd() - ve->stdAt(T)) < 1e-12 * ve->stdAt(T));
    if (T == 1.0)
        QCOMPARE(ve->priorStd(), 50.0);
}

QTEST_APPLESS_MAIN(TestSde)
#include "tst_sde.moc"
