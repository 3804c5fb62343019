// Stable Target Field (§3): the weighted targets against their direct definition, the n = 1 and
// small-σ limits, and the variance analysis against the far-field law 1/(n − 1).
#include "SdeKindRows.h"
#include "core/analysis/StfVarianceAnalysis.h"
#include "core/common/Rng.h"
#include "core/data/ToyPresets.h"
#include "core/nn/ScoreFunction.h"
#include "core/objective/DenoisingScoreMatching.h"
#include "core/objective/StableTargetField.h"
#include "core/sde/SdeFactory.h"
#include "core/sde/VeSde.h"
#include "core/truth/DataPosterior.h"
#include "core/truth/MixtureTruth.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

namespace {
const auto f64 = torch::TensorOptions().dtype(torch::kDouble);

// Any fixed score function: the loss comparisons only need the same model under both targets.
class LinearScore : public ScoreFunction {
public:
    torch::Tensor score(const torch::Tensor& x, const torch::Tensor&) override { return -0.5 * x; }
};

double maxAbs(const torch::Tensor& t) { return t.abs().max().item<double>(); }
}

class TestStableTargetField : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneReferenceIsDsm_data();
    void oneReferenceIsDsm();
    void chunkedEqualsDirect();
    void withoutDiagnosticsEqualsStreamed_data();
    void withoutDiagnosticsEqualsStreamed();
    void smallSigmaIsFiniteAndOneHot_data();
    void smallSigmaIsFiniteAndOneHot();
    void empiricalPosteriorIsTheSoftmaxOverThePool();
    void mixturePosteriorSamplesHaveTheDenoiserMean();
    void farFieldRatioIsOneOverNMinusOne();
    void biasFallsWithReferenceSize();
};

void TestStableTargetField::oneReferenceIsDsm_data()
{
    testing::addAllSdeKindRows();
}

// n = 1: the reference batch is the own sample, w = 1, and every form of the target is DSM's.
// The loss is compared bit for bit; the target forms to float64 rounding of x = a y + s z.
void TestStableTargetField::oneReferenceIsDsm()
{
    QFETCH(SdeKind, kind);
    const auto sde = makeSde(SdeConfig::defaults(kind));
    Rng rng(1);
    const auto y = rng.normal({64, 3}, f64);
    const auto z = rng.normal({64, 3}, f64);
    ObjectiveConfig dsmConfig, stfConfig;
    stfConfig.target = Target::Stf;
    stfConfig.referenceSize = 1;
    const DenoisingScoreMatching dsm(sde, dsmConfig), stf(sde, stfConfig);
    QCOMPARE(stf.extraSamples(), int64_t(0));
    Rng times(2);
    const auto draw = dsm.drawTimes(64, times);
    LinearScore model;
    const auto a = dsm.loss(model, y, draw, z), b = stf.loss(model, y, draw, z, {}, /*diagnostics=*/true);
    QVERIFY(torch::equal(a.perSample, b.perSample));
    QCOMPARE(b.stf.maxWeight.min().item<double>(), 1.0);
    QCOMPARE(b.stf.ess.max().item<double>(), 1.0);

    const auto av = sde->meanCoeff(draw.t), sv = sde->std(draw.t);
    const auto x = broadcastTo(av, y) * y + broadcastTo(sv, y) * z;
    const auto st = stableTargets(x, av, sv, y, {});
    QVERIFY(torch::equal(st.denoised, y));
    const auto dsmScore = -z / broadcastTo(sv, z);
    // x = a y + s z rounds at 1e-16·|x|; divided by s ≥ 3e-3 that stays below 1e-12 in ε units.
    QVERIFY(maxAbs(st.score(x, av, sv) - dsmScore) <= 1e-9 * maxAbs(dsmScore));
    QVERIFY(maxAbs(st.epsilon(x, av, sv) - z) <= 1e-9);
}

// Chunks of 7 with a running max reproduce softmax(−‖x − a y_i‖²/2s²) from the full B × n × D
// broadcast, to float64 rounding.
void TestStableTargetField::chunkedEqualsDirect()
{
    Rng rng(3);
    const int64_t B = 9, n = 50, D = 5;
    const auto own = rng.normal({B, D}, f64), others = rng.normal({n - 1, D}, f64) * 2.0;
    const auto a = rng.uniform({B}, f64) * 0.5 + 0.5, s = rng.uniform({B}, f64) + 0.3;
    const auto x = a.unsqueeze(1) * own + s.unsqueeze(1) * rng.normal({B, D}, f64);
    const auto chunked = stableTargets(x, a, s, own, others, 7);
    const auto whole = stableTargets(x, a, s, own, others, 4096);

    std::vector<torch::Tensor> refs;
    for (int64_t b = 0; b < B; ++b)
        refs.push_back(torch::cat({own[b].unsqueeze(0), others}));
    const auto Y = torch::stack(refs);                                                     // [B, n, D]
    const auto d2 = (x.unsqueeze(1) - a.view({B, 1, 1}) * Y).pow(2).sum(-1);               // [B, n]
    const auto w = torch::softmax(-d2 / (2.0 * s.pow(2).unsqueeze(1)), 1);
    const auto D_ = (w.unsqueeze(-1) * Y).sum(1);
    const auto dev = (Y - D_.unsqueeze(1)).pow(2).sum(-1);
    for (const auto* r : {&chunked, &whole}) {
        QVERIFY(maxAbs(r->denoised - D_) < 1e-12);
        QVERIFY(maxAbs(r->maxWeight - std::get<0>(w.max(1))) < 1e-12);
        QVERIFY(maxAbs(r->ess - 1.0 / w.pow(2).sum(1)) < 1e-9);
        QVERIFY(maxAbs(r->posteriorTrace - (w * dev).sum(1)) < 1e-10);
        QVERIFY(maxAbs(r->targetTrace - (w.pow(2) * dev).sum(1)) < 1e-10);
    }
}

void TestStableTargetField::withoutDiagnosticsEqualsStreamed_data()
{
    QTest::addColumn<int64_t>("dim");
    QTest::addColumn<double>("sigma");
    QTest::addColumn<bool>("own");
    for (int64_t dim : {2, 5, 784})
        for (double sigma : {0.002, 0.5, 5.0})
            for (bool own : {true, false})
                QTest::addRow("D=%lld sigma=%g %s", static_cast<long long>(dim), sigma, own ? "own" : "pool")
                    << dim << sigma << own;
}

// Without the diagnostics, the fused attention kernel where LibTorch has one (2.3+, here forced
// for every width); otherwise, and with them, the streamed weights. Both are float64 softmaxes of the
// same logits, so they agree to rounding (about 1e-16 relative; 1e-12 leaves room for the
// log-sum-exp's few operations), at EDM's σ = 0.002 too.
void TestStableTargetField::withoutDiagnosticsEqualsStreamed()
{
    QFETCH(int64_t, dim);
    QFETCH(double, sigma);
    QFETCH(bool, own);
    Rng rng(6);
    const int64_t B = 33, n = 300;
    const auto y = rng.normal({B, dim}, f64), others = rng.normal({n - 1, dim}, f64);
    const auto a = torch::full({B}, 0.9, f64), s = torch::full({B}, sigma, f64);
    const auto x = 0.9 * y + sigma * rng.normal({B, dim}, f64);
    const auto ownRows = own ? y : torch::Tensor();
    const auto plain = stableTargets(x, a, s, ownRows, others, 4096, /*diagnostics=*/false, StfKernel::Fused);
    QVERIFY(!plain.maxWeight.defined() && !plain.ess.defined());
    for (bool diagnostics : {false, true}) {
        const auto streamed = stableTargets(x, a, s, ownRows, others, 64, diagnostics, StfKernel::Streamed);
        QVERIFY(maxAbs(plain.denoised - streamed.denoised) < 1e-12);
        QVERIFY(maxAbs(plain.posteriorTrace - streamed.posteriorTrace) < 1e-12 * (1.0 + maxAbs(streamed.posteriorTrace)));
    }
}

void TestStableTargetField::smallSigmaIsFiniteAndOneHot_data()
{
    QTest::addColumn<int64_t>("dim");
    QTest::addColumn<bool>("diagnostics");
    QTest::newRow("images 784, streamed") << int64_t(784) << true;
    QTest::newRow("images 784, without diagnostics") << int64_t(784) << false;
    QTest::newRow("toy 2-D, without diagnostics (fused where LibTorch has it)") << int64_t(2) << false;
}

// EDM's σ_min = 0.002: the logits span ~10⁸ on 784-dimensional images, where float32 products
// would be off by O(10); the float64 paths keep the weights one-hot on the own sample (another
// image is ~23 units away, a logit gap of ~10⁷ against a rounding error of ~10⁻⁸). On the 2-D
// toy the own rows sit on the integer lattice and the others at its cell centres, ≥ 0.7 away:
// a gap of ~6·10⁴, so every other weight is exp(−6·10⁴) = 0 in float64.
void TestStableTargetField::smallSigmaIsFiniteAndOneHot()
{
    QFETCH(int64_t, dim);
    QFETCH(bool, diagnostics);
    Rng rng(4);
    const int64_t B = 16, n = 256;
    torch::Tensor own, others;
    if (dim == 2) {
        own = torch::floor(rng.uniform({B, 2}) * 8.0);
        others = torch::floor(rng.uniform({n - 1, 2}) * 8.0) + 0.5f;
    } else {
        own = rng.uniform({B, dim}) * 2.0 - 1.0, others = rng.uniform({n - 1, dim}) * 2.0 - 1.0;  // float32 images
    }
    const auto a = torch::ones({B}, f64), s = torch::full({B}, 0.002, f64);
    const auto x = own + 0.002f * rng.normal({B, dim});
    const auto st = stableTargets(x, a, s, own, others, 100, diagnostics);
    QVERIFY(torch::isfinite(st.denoised).all().item<bool>());
    if (diagnostics)
        QCOMPARE(st.maxWeight.min().item<double>(), 1.0);
    QVERIFY(torch::equal(st.denoised, own));
}

// The pool posterior (§5, empirical data): score Σ w_i (a y_i − x)/s² and tr Cov from the
// softmax over the whole pool, against the broadcast definition.
void TestStableTargetField::empiricalPosteriorIsTheSoftmaxOverThePool()
{
    Rng rng(5);
    const auto pool = rng.normal({300, 2}, f64);
    const auto post = empiricalPosterior(pool);
    const double a = 0.8, s = 0.5;
    const auto x = rng.normal({20, 2}, f64);
    const auto w = torch::softmax(-(x.unsqueeze(1) - a * pool.unsqueeze(0)).pow(2).sum(-1) / (2 * s * s), 1);
    const auto mean = torch::matmul(w, pool);
    const auto truth = post->truth(x, a, s);
    QVERIFY(maxAbs(truth.score - (a * mean - x) / (s * s)) < 1e-10);
    const auto trace = torch::matmul(w, pool.pow(2).sum(1, true)).squeeze(1) - mean.pow(2).sum(1);
    QVERIFY(maxAbs(truth.posteriorTrace - trace) < 1e-10);
}

// Posterior draws for a mixture average to the closed-form denoiser E[y | x]: 4000 draws,
// tolerance 5 standard errors from the closed-form posterior covariance.
void TestStableTargetField::mixturePosteriorSamplesHaveTheDenoiserMean()
{
    Rng rng(6);
    const auto ring = makeToyPreset("ring8");
    const auto* mix = ring->mixture();
    const auto post = mixturePosterior(*mix);
    const double a = 0.9, s = 1.0;
    const auto x = rng.normal({5, 2}, f64) * 2.0;
    const int64_t count = 4000;
    const auto draws = post->samplePosterior(x, a, s, count, rng);  // [count, 5, 2]
    const MixtureTruth truth(*mix, torch::full({}, a, f64), torch::full({}, s, f64));
    const auto se = truth.posteriorCovariance(x).diagonal(0, -2, -1).sqrt() / std::sqrt(double(count));
    QVERIFY(((draws.mean(0) - truth.denoiser(x)).abs() < 5.0 * se).all().item<bool>());
}

// Far field (σ = 10³ against a ring of radius 2, weights uniform to 1%): V_STF/V_DSM = 1/(n − 1)
// (§3.4). Every x in a replicate shares the reference batch and the weights barely depend on x,
// so the replicates are the independent draws: with R = 1500 the variance is known to
// sqrt(2/(R−1)) ≈ 3.7%; the test allows 5 of those plus the 1% non-uniformity.
void TestStableTargetField::farFieldRatioIsOneOverNMinusOne()
{
    Rng rng(7);
    const VeSde sde(0.01, 1e4);
    StfVarianceOptions o;
    o.referenceSize = 16;
    o.samples = 32;
    o.replicates = 1500;
    const auto post = mixturePosterior(*makeToyPreset("ring8")->mixture());
    const auto rows = analyseStfVariance(*post, sde, {sde.timeOfSigmaAt(1e3)}, o, rng);
    const double expected = 1.0 / 15.0;
    QVERIFY2(std::abs(rows[0].ratio / expected - 1.0) < 5 * std::sqrt(2.0 / 1499.0) + 0.01,
             qPrintable(QString("ratio %1, expected %2").arg(rows[0].ratio).arg(expected)));
    QCOMPARE(rows[0].regime, std::string("far"));
    QVERIFY(rows[0].ess > 0.99 * 16);
}

// Intermediate regime (σ = 0.35 on ring8: several points of a mode and neighbouring modes share
// the posterior). The ratio lies strictly between 1/(n − 1) and 1. With the own sample in the
// batch the target is exactly unbiased given x (StfVarianceOptions::includeOwn), so its measured
// bias is noise; plain self-normalised IS (no own sample) is biased by O(1/(n − 1)) (§3.4), and
// its bias must fall more than 4-fold from n = 16 to 256 (17-fold in theory).
void TestStableTargetField::biasFallsWithReferenceSize()
{
    const VeSde sde;
    const auto post = mixturePosterior(*makeToyPreset("ring8")->mixture());
    auto run = [&](int64_t n, bool own) {
        Rng rng(8);
        StfVarianceOptions o;
        o.referenceSize = n;
        o.samples = 256;
        o.replicates = 256;
        o.includeOwn = own;
        const auto row = analyseStfVariance(*post, sde, {sde.timeOfSigmaAt(0.35)}, o, rng)[0];
        qInfo("n = %lld, own sample %s: ratio %.4f, bias %.4f, max weight %.3f, ess %.1f, %s", static_cast<long long>(n),
              own ? "in" : "out", row.ratio, row.bias, row.maxWeight, row.ess, row.regime.c_str());
        return row;
    };
    const auto stf16 = run(16, true), stf256 = run(256, true);
    for (const auto& [row, n] : {std::pair{stf16, 16.0}, std::pair{stf256, 256.0}}) {
        QVERIFY(row.ratio > 1.0 / (n - 1.0) && row.ratio < 1.0);
        QCOMPARE(row.regime, std::string("intermediate"));
    }
    const auto snis16 = run(16, false), snis256 = run(256, false);
    QVERIFY2(snis256.bias < snis16.bias / 4.0, qPrintable(QString("bias %1 at n=16, %2 at n=256").arg(snis16.bias).arg(snis256.bias)));
    QVERIFY2(stf16.bias < snis16.bias / 10.0, qPrintable(QString("STF bias %1, plain IS %2").arg(stf16.bias).arg(snis16.bias)));
}

QTEST_APPLESS_MAIN(TestStableTargetField)
#include "tst_stf.moc"
