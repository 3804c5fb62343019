// Closed-form mixture truth (§5) against finite differences of log p_t and against Tweedie.
#include "core/sde/SdeFactory.h"
#include "core/truth/DensityFrame.h"
#include "core/truth/GaussianMixture.h"
#include "core/truth/MixtureTruth.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

Q_DECLARE_METATYPE(scorescope::SdeKind)

namespace {
// Three components, one with a full covariance, so cross terms of C_k⁻¹ are exercised.
GaussianMixture testMixture()
{
    const auto w = torch::tensor({0.5, 0.3, 0.2}, torch::kDouble);
    const auto m = torch::tensor({{-1.0, 0.5}, {1.5, -0.5}, {0.0, 2.0}}, torch::kDouble);
    auto c = torch::zeros({3, 2, 2}, torch::kDouble);
    c[0] = torch::eye(2, torch::kDouble) * 0.04;
    c[1] = torch::tensor({{0.09, 0.05}, {0.05, 0.16}}, torch::kDouble);
    c[2] = torch::eye(2, torch::kDouble) * 0.25;
    return {"test", w, m, c};
}
torch::Tensor probePoints()
{
    return torch::tensor({{-1.1, 0.4}, {0.3, 0.2}, {1.4, -0.2}, {0.1, 1.8}, {2.5, 2.5}}, torch::kDouble);
}
}

class TestMixtureTruth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scoreMatchesFiniteDifferences_data();
    void scoreMatchesFiniteDifferences();
    void tweedieIdentity_data() { scoreMatchesFiniteDifferences_data(); }
    void tweedieIdentity();
    void posteriorIsAProperDistribution();
    void densityIntegratesToOne();
    void perPointTimesMatchScalarTimes();
    void densityFrameHoldsTheMixture();
};

void TestMixtureTruth::scoreMatchesFiniteDifferences_data()
{
    QTest::addColumn<SdeKind>("kind");
    QTest::addColumn<double>("t");
    for (auto [name, kind] : {std::pair{"ve", SdeKind::VE}, {"vp", SdeKind::VP}, {"subvp", SdeKind::SubVP}})
        for (double t : {0.001, 0.05, 0.3, 0.9})
            QTest::newRow(qPrintable(QString("%1 t=%2").arg(name).arg(t))) << kind << t;
}

// Central differences with h = 1e-5: truncation error ~h²·|∂³log p| ≲ 1e-8 and rounding ~1e-16/h,
// both far below the 1e-6 relative tolerance of the acceptance criterion.
void TestMixtureTruth::scoreMatchesFiniteDifferences()
{
    QFETCH(SdeKind, kind);
    QFETCH(double, t);
    const auto sde = makeSde(SdeConfig::defaults(kind));
    const auto tt = torch::full({}, t, torch::kDouble);
    const MixtureTruth truth(testMixture(), sde->meanCoeff(tt), sde->std(tt));
    const auto x = probePoints();
    const auto score = truth.score(x);
    const double h = 1e-5;
    for (int64_t dim = 0; dim < 2; ++dim) {
        auto e = torch::zeros({1, 2}, torch::kDouble);
        e[0][dim] = h;
        const auto fd = (truth.logDensity(x + e) - truth.logDensity(x - e)) / (2 * h);
        const auto rel = ((fd - score.select(1, dim)).abs() / score.select(1, dim).abs().clamp_min(1.0)).max().item<double>();
        QVERIFY2(rel < 1e-6, qPrintable(QString("dim %1: relative error %2").arg(dim).arg(rel)));
    }
}

// ∇log p_t(x) = (a D*(x) − x)/s² to machine precision: the subtraction a D* − x cancels to
// ~ε_mach·|x|, which the division by s² magnifies (s² ≈ 1e-8 for sub-VP at t = 1e-3).
void TestMixtureTruth::tweedieIdentity()
{
    QFETCH(SdeKind, kind);
    QFETCH(double, t);
    const auto sde = makeSde(SdeConfig::defaults(kind));
    const double a = sde->meanCoeffAt(t), s = sde->stdAt(t);
    const MixtureTruth truth(testMixture(), torch::full({}, a, torch::kDouble), torch::full({}, s, torch::kDouble));
    const auto x = probePoints();
    const auto tweedie = (a * truth.denoiser(x) - x) / (s * s);
    const double cancellation = 16 * std::numeric_limits<double>::epsilon() * x.abs().max().item<double>() / (s * s);
    QVERIFY(torch::allclose(tweedie, truth.score(x), 1e-9, std::max(1e-9, cancellation)));
}

void TestMixtureTruth::posteriorIsAProperDistribution()
{
    const MixtureTruth truth(testMixture(), torch::full({}, 0.8, torch::kDouble), torch::full({}, 0.6, torch::kDouble));
    const auto x = probePoints();
    QVERIFY(torch::allclose(truth.responsibilities(x).sum(1), torch::ones({5}, torch::kDouble), 0, 1e-12));
    const auto cov = truth.posteriorCovariance(x);
    QVERIFY(torch::allclose(cov, cov.transpose(1, 2), 0, 1e-12));
    QVERIFY(std::get<0>(torch::linalg_eigh(cov, "L")).min().item<double>() > 0.0);
}

// ∫ p_t = 1 on a fine grid (midpoint rule over [-8, 8]²; the tails beyond hold < 1e-12).
void TestMixtureTruth::densityIntegratesToOne()
{
    const MixtureTruth truth(testMixture(), torch::full({}, 0.9, torch::kDouble), torch::full({}, 0.3, torch::kDouble));
    const int n = 801;
    const double h = 16.0 / n;
    const auto axis = torch::arange(n, torch::kDouble) * h - 8.0 + h / 2;
    const auto g = torch::meshgrid({axis, axis}, "ij");
    const auto x = torch::stack({g[0].flatten(), g[1].flatten()}, 1);
    const double mass = (truth.logDensity(x).exp().sum() * h * h).item<double>();
    QVERIFY2(std::abs(mass - 1.0) < 1e-6, qPrintable(QString::number(mass, 'g', 12)));
}

void TestMixtureTruth::perPointTimesMatchScalarTimes()
{
    const auto x = probePoints();
    const auto a = torch::tensor({0.9, 0.8, 0.7, 0.6, 0.5}, torch::kDouble);
    const auto s = torch::tensor({0.1, 0.2, 0.3, 0.4, 0.5}, torch::kDouble);
    const MixtureTruth batched(testMixture(), a, s);
    const auto score = batched.score(x);
    for (int64_t i = 0; i < 5; ++i) {
        const MixtureTruth single(testMixture(), a[i], s[i]);
        QVERIFY(torch::allclose(single.score(x.slice(0, i, i + 1))[0], score[i], 1e-12, 1e-12));
    }
}

// Two components N((∓2, 0), 0.5² I): the frame is their means ± 3 · 0.5, squared up around the
// centre: [−3.5, 3.5]². On it p_0 / max p_0 is the closed form, largest (1) at the cells nearest a mean.
void TestMixtureTruth::densityFrameHoldsTheMixture()
{
    const auto mixture = GaussianMixture::isotropic("pair", torch::tensor({0.5, 0.5}, torch::kDouble),
                                                    torch::tensor({{-2.0, 0.0}, {2.0, 0.0}}, torch::kDouble),
                                                    torch::tensor({0.5, 0.5}, torch::kDouble));
    const auto frame = densityFrame(mixture, 70);
    const auto& g = frame.grid;
    QCOMPARE(g.cols, 70);
    QCOMPARE(g.rows, 70);
    for (const double edge : {g.xMin, -g.xMax, g.yMin, -g.yMax})
        QVERIFY(std::abs(edge + 3.5) < 1e-12);
    QCOMPARE(frame.relative.size(), size_t(70 * 70));
    // Cells are 0.1 wide, so the centres nearest (±2, 0) lie at (±1.95 or ±2.05, ±0.05): all at the same distance.
    const auto p = [](double x, double y) {
        const auto bump = [&](double mx) { return std::exp(-((x - mx) * (x - mx) + y * y) / (2 * 0.25)); };
        return bump(-2.0) + bump(2.0);
    };
    const double peak = p(1.95, 0.05);
    float largest = 0.0f;
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c) {
            const float v = frame.relative[r * g.cols + c];
            largest = std::max(largest, v);
            QVERIFY2(std::abs(v - p(g.x(c), g.y(r)) / peak) < 1e-6, qPrintable(QString("cell %1,%2").arg(r).arg(c)));
        }
    QCOMPARE(largest, 1.0f);
}

QTEST_APPLESS_MAIN(TestMixtureTruth)
#include "tst_mixturetruth.moc"
