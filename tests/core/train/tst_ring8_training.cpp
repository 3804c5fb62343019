// Acceptance: the toy MLP trained on ring8 with the default run configuration (20 000 steps,
// ~2.5 min on 2 cores) covers every mode, puts ≥ 95 % of samples within 4 component standard
// deviations of a mode, and has a PF-ODE NLL within 0.25 nats of the true NLL.
#include "core/common/Allocator.h"
#include "core/common/Rng.h"
#include "core/likelihood/ProbabilityFlowLikelihood.h"
#include "core/metrics/SampleMetrics.h"
#include "core/sampling/ReverseSampler.h"
#include "core/train/Trainer.h"
#include "core/truth/MixtureTruth.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

#include <chrono>
#include <thread>

using namespace scorescope;

class TestRing8Training : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void trainedModelMatchesTheMixture();
};

void TestRing8Training::trainedModelMatchesTheMixture()
{
    torch::set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    retainFreedMemory();  // as the CLI does
    Trainer trainer(TrainConfig{});  // the CLI's defaults: ring8, VP, variance weighting
    const auto start = std::chrono::steady_clock::now();
    while (trainer.stepCount() < trainer.config().steps)
        trainer.step();
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    qInfo("%lld steps in %.1f s: %.1f steps/s", static_cast<long long>(trainer.stepCount()), secs, trainer.stepCount() / secs);

    auto model = trainer.emaModel();
    const auto& mixture = *trainer.dataset().mixture();
    Rng rng(1234);

    // NLL on 500 held-out points: the gap's standard error is ~0.02, so 0.25 is > 10 SE.
    const auto held = trainer.dataset().sample(500, rng);
    const auto logp = probabilityFlowLikelihood(*trainer.sde(), *model, held, {}).logLikelihood;
    const MixtureTruth truth(mixture, torch::ones({}, torch::kDouble), torch::zeros({}, torch::kDouble));
    const double nll = -logp.mean().item<double>();
    const double trueNll = -truth.logDensity(held).mean().item<double>();
    qInfo("NLL %.4f vs true %.4f (gap %.4f)", nll, trueNll, nll - trueNll);
    QVERIFY2(std::abs(nll - trueNll) < 0.25, qPrintable(QString("NLL %1 vs true %2").arg(nll).arg(trueNll)));

    SamplerOptions opts;
    opts.steps = 1000;
    opts.seed = 99;
    auto sampler = makeSampler("em", trainer.sde(), *model, opts);
    sampler->reset({2000, 2});
    const auto samples = sampler->run();
    const auto cov = modeCoverage(samples, mixture);
    qInfo("modes covered %lld/%lld, within 4 std %.2f %%", static_cast<long long>(cov.covered),
          static_cast<long long>(cov.modes), 100.0 * cov.fractionWithin4Std);
    QCOMPARE(cov.covered, cov.modes);
    QVERIFY2(cov.fractionWithin4Std >= 0.95, qPrintable(QString::number(cov.fractionWithin4Std)));
}

QTEST_APPLESS_MAIN(TestRing8Training)
#include "tst_ring8_training.moc"
