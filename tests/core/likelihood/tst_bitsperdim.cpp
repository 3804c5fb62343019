// Bits/dim (§1.4) under a model whose score is analytic: data N(0, vI) in D = 16 "pixels".
#include "core/common/Rng.h"
#include "core/likelihood/BitsPerDim.h"
#include "core/sde/SdeFactory.h"
#include "core/truth/MixtureScore.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

class TestBitsPerDim : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesTheClosedForm();
};

// The PF-ODE with the exact score of N(0, vI) reproduces log N(y; 0, vI) for the dequantised y,
// so its bpd must match −log N(y)/(D ln 2) + 7 within Hutchinson's Monte-Carlo error.
void TestBitsPerDim::matchesTheClosedForm()
{
    const int64_t D = 16;
    const double v = 0.3;
    const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    MixtureScore score({"gauss", torch::ones({1}, f64), torch::zeros({1, D}, f64), torch::eye(D, f64).unsqueeze(0) * v}, sde);
    Rng rng(5);
    // 8-bit images whose values are Gaussian in model space, clipped to [0, 255].
    const auto y = rng.normal({40, 1, 4, 4}, f64) * std::sqrt(v);
    const auto images = ((y + 1.0) * 127.5).round().clamp(0, 255).to(torch::kUInt8);
    LikelihoodOptions opts;
    opts.seed = 9;
    const auto r = bitsPerDim(*sde, score, images, opts, 20);

    // Closed form on the same dequantised points: replay the dequantisation noise.
    Rng dequant(opts.seed ^ 0xdeadbeefULL);
    std::vector<torch::Tensor> expected;
    for (int64_t i = 0; i < 40; i += 20) {
        const auto k = images.slice(0, i, i + 20).to(torch::kDouble);
        const auto yq = (2.0 * (k + dequant.uniform(k.sizes(), k.options())) / 256.0 - 1.0).flatten(1);
        const auto logp = -0.5 * D * std::log(2 * M_PI * v) - yq.pow(2).sum(1) / (2 * v);
        expected.push_back(-logp / (D * std::log(2.0)) + 7.0);
    }
    const auto diff = r.perImage - torch::cat(expected);
    const double se = diff.std().item<double>() / std::sqrt(40.0);
    qInfo("bpd %.4f ± %.4f (closed form %.4f)", r.mean, r.stderr_, torch::cat(expected).mean().item<double>());
    QVERIFY2(std::abs(diff.mean().item<double>()) < 4 * se + 1e-3, qPrintable(QString("%1 (se %2)").arg(diff.mean().item<double>()).arg(se)));
}

QTEST_APPLESS_MAIN(TestBitsPerDim)
#include "tst_bitsperdim.moc"
