#pragma once
#include <torch/types.h>

#include <string>

namespace scorescope {

class Rng;

// p_0 = Σ_k π_k N(μ_k, Σ_k) in D dimensions, stored in double precision.
struct GaussianMixture {
    std::string name;
    torch::Tensor weights;      // [K], sums to 1
    torch::Tensor means;        // [K, D]
    torch::Tensor covariances;  // [K, D, D], symmetric positive definite

    int64_t components() const { return weights.size(0); }
    int64_t dim() const { return means.size(1); }

    torch::Tensor sample(int64_t n, Rng& rng) const;  // [n, D] double

    // Builds a mixture of isotropic components; validates shapes and weights.
    static GaussianMixture isotropic(std::string name, const torch::Tensor& weights, const torch::Tensor& means,
                                     const torch::Tensor& stds);
};

} // namespace scorescope
