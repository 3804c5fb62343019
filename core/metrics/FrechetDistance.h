#pragma once
#include <torch/types.h>

namespace scorescope {

class Rng;

// Fréchet distance between Gaussians fitted to two feature sets [n, d]:
// ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2(Σ₁^{1/2} Σ₂ Σ₁^{1/2})^{1/2}), with symmetric square roots by eigh.
double frechetDistance(const torch::Tensor& a, const torch::Tensor& b);

struct KidEstimate {
    double mean = 0.0, stderr_ = 0.0;
};
// Kernel inception distance: unbiased MMD² with the cubic kernel (x·y/d + 1)³, averaged over
// `subsets` random subsets of `subsetSize` per set.
KidEstimate kernelDistance(const torch::Tensor& a, const torch::Tensor& b, Rng& rng, int64_t subsets = 20,
                           int64_t subsetSize = 500);

} // namespace scorescope
