// PF-ODE likelihood (§1.4) with the exact score of a mixture against the mixture's true density.
#include "core/common/Rng.h"
#include "core/data/ToyPresets.h"
#include "core/likelihood/ProbabilityFlowLikelihood.h"
#include "core/sde/SdeFactory.h"
#include "core/truth/MixtureScore.h"
#include "core/truth/MixtureTruth.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

class TestLikelihood : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exactDivergenceMatchesTrueNll();
    void hutchinsonIsUnbiased();
    void gaussianDataInHigherDimension();
};

namespace {
const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
}

// Acceptance: within 0.02 nats per point (VP, 2-D). The residual is the prior mismatch at T = 1
// (e^{−B(1)} ≈ 4e-5) and the RK45 tolerance, both ≪ 0.02.
void TestLikelihood::exactDivergenceMatchesTrueNll()
{
    const auto ring = makeToyPreset("ring8");
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    MixtureScore score(*ring->mixture(), sde);
    Rng rng(21);
    const auto x = ring->sample(200, rng);
    const auto r = probabilityFlowLikelihood(*sde, score, x, {});
    const MixtureTruth truth(*ring->mixture(), torch::ones({}, torch::kDouble), torch::zeros({}, torch::kDouble));
    const auto trueLogp = truth.logDensity(x);
    const double meanDiff = (r.logLikelihood - trueLogp).mean().abs().item<double>();
    const double maxDiff = (r.logLikelihood - trueLogp).abs().max().item<double>();
    qInfo("NLL %.4f vs true %.4f; mean |diff| %.2e, max %.2e, NFE %lld", -r.logLikelihood.mean().item<double>(),
          -trueLogp.mean().item<double>(), meanDiff, maxDiff, static_cast<long long>(r.nfe));
    QVERIFY2(meanDiff < 0.02, qPrintable(QString::number(meanDiff)));
    QVERIFY2(maxDiff < 0.05, qPrintable(QString::number(maxDiff)));
}

// One Rademacher probe per point: per-point estimates scatter, their mean stays within 4 SE of the exact one.
void TestLikelihood::hutchinsonIsUnbiased()
{
    const auto ring = makeToyPreset("ring8");
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    MixtureScore score(*ring->mixture(), sde);
    Rng rng(22);
    const auto x = ring->sample(200, rng);
    LikelihoodOptions exact;
    exact.divergence = Divergence::Exact;
    LikelihoodOptions hutch;
    hutch.divergence = Divergence::Hutchinson;
    hutch.seed = 3;
    const auto diff = probabilityFlowLikelihood(*sde, score, x, hutch).logLikelihood -
                      probabilityFlowLikelihood(*sde, score, x, exact).logLikelihood;
    const double se = diff.std().item<double>() / std::sqrt(200.0);
    QVERIFY(diff.std().item<double>() > 0.0);  // it really is a stochastic estimate
    QVERIFY2(diff.mean().abs().item<double>() < 4 * se + 1e-3, qPrintable(QString("%1 (se %2)").arg(diff.mean().item<double>()).arg(se)));
}

// Data N(0, vI) in 20 dimensions (Hutchinson by default there): log p_0 is known exactly.
void TestLikelihood::gaussianDataInHigherDimension()
{
    const int64_t D = 20;
    const double v = 0.5;
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    const GaussianMixture g{"gauss", torch::ones({1}, f64), torch::zeros({1, D}, f64), torch::eye(D, f64).unsqueeze(0) * v};
    MixtureScore score(g, sde);
    Rng rng(23);
    const auto x = rng.normal({100, D}, f64) * std::sqrt(v);
    const auto r = probabilityFlowLikelihood(*sde, score, x, {});
    const auto trueLogp = -0.5 * D * std::log(2 * M_PI * v) - x.pow(2).sum(1) / (2 * v);
    const auto diff = r.logLikelihood - trueLogp;
    const double se = diff.std().item<double>() / 10.0;
    QVERIFY2(diff.mean().abs().item<double>() < 4 * se + 0.02, qPrintable(QString("%1 (se %2)").arg(diff.mean().item<double>()).arg(se)));
}

QTEST_APPLESS_MAIN(TestLikelihood)
#include "tst_likelihood.moc"
