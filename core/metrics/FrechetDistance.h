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
// `subsets` random subsets per set of size m = min(subsetSize, n/2), so that subsets differ.
// Standard error of the full-sample estimate: where the sets differ the estimate's variance is
// V/m, and a size-m subset of a size-n sample scatters about the full estimate with variance
// V(1/m − 1/n), so SE = std_subsets·sqrt(m/(n − m)).
KidEstimate kernelDistance(const torch::Tensor& a, const torch::Tensor& b, Rng& rng, int64_t subsets = 20,
                           int64_t subsetSize = 500);

} // namespace scorescope
