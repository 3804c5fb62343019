// Fréchet distance and KID on Gaussian features with known answers.
#include "common/Rng.h"
#include "metrics/FrechetDistance.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

class TestImageQuality : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void frechetDistanceOfGaussians();
    void kernelDistanceIsCentred();
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

QTEST_APPLESS_MAIN(TestImageQuality)
#include "tst_imagequality.moc"
