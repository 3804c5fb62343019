// Fréchet distance and KID on Gaussian features with known answers.
#include "core/common/Rng.h"
#include "core/metrics/FrechetDistance.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

class TestImageQuality : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void frechetDistanceOfGaussians();
    void kernelDistanceIsCentred();
    void kernelDistanceErrorMatchesReplicates();
};

// Diagonal Gaussians: FD = ‖μ₁ − μ₂‖² + Σ_i (σ₁ᵢ − σ₂ᵢ)². Sample covariances of 20 000 points
// in 4 dimensions carry ~1 % error, so the tolerance is 0.05 on a value of 5.25.
void TestImageQuality::frechetDistanceOfGaussians()
{
    Rng rng(6);
    const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
    const auto s1 = torch::tensor({1.0, 2.0, 0.5, 1.0}, f64), s2 = torch::tensor({1.0, 1.0, 1.0, 1.0}, f64);
    const auto a = rng.normal({20000, 4}, f64) * s1;
    const auto b = rng.normal({20000, 4}, f64) * s2 + torch::tensor({2.0, 0.0, 0.0, 0.0}, f64);
    const double expected = 4.0 + (s1 - s2).pow(2).sum().item<double>();
    const double fd = frechetDistance(a, b);
    QVERIFY2(std::abs(fd - expected) < 0.05, qPrintable(QString("%1 vs %2").arg(fd).arg(expected)));
    QVERIFY(frechetDistance(a, a) < 1e-6);
}

void TestImageQuality::kernelDistanceIsCentred()
{
    Rng rng(7);
    const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
    const auto same = kernelDistance(rng.normal({2000, 8}, f64), rng.normal({2000, 8}, f64), rng);
    QVERIFY2(std::abs(same.mean) < 4 * same.stderr_ + 1e-3, qPrintable(QString("%1 ± %2").arg(same.mean).arg(same.stderr_)));
    const auto diff = kernelDistance(rng.normal({2000, 8}, f64), rng.normal({2000, 8}, f64) + 0.5, rng);
    QVERIFY(diff.mean > 10 * diff.stderr_);
}

// The reported standard error must describe the scatter of independent replicates: 40
// replicates estimate a standard deviation to ±11% (1/sqrt(2·39)); ±35% is a 3-sigma band.
void TestImageQuality::kernelDistanceErrorMatchesReplicates()
{
    Rng rng(11);
    const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
    std::vector<double> means, errors;
    for (int i = 0; i < 40; ++i) {
        const auto k = kernelDistance(rng.normal({400, 8}, f64), rng.normal({400, 8}, f64) + 0.3, rng);
        means.push_back(k.mean);
        errors.push_back(k.stderr_);
    }
    const double spread = torch::tensor(means, f64).std().item<double>();
    const double reported = torch::tensor(errors, f64).mean().item<double>();
    QVERIFY2(std::abs(reported / spread - 1.0) < 0.35, qPrintable(QString("reported %1, replicates %2").arg(reported).arg(spread)));
}

QTEST_APPLESS_MAIN(TestImageQuality)
#include "tst_imagequality.moc"
