#pragma once
#include "core/truth/GaussianMixture.h"

#include <torch/types.h>

#include <vector>

namespace scorescope {

class Rng;

// Distances between two point sets X [n, D] and Y [m, D] (computed in double precision).
// Energy distance 2E‖X−Y‖ − E‖X−X'‖ − E‖Y−Y'‖ with U-statistics for the within-set terms
// (so it is unbiased and centred on 0 when X and Y share a distribution).
double energyDistance(const torch::Tensor& X, const torch::Tensor& Y);
// Unbiased MMD² with an RBF kernel exp(−‖x−y‖²/2h²), h the median pairwise distance of X ∪ Y.
double mmdRbf(const torch::Tensor& X, const torch::Tensor& Y);
// Sliced 2-Wasserstein distance over `projections` random directions; unequal sizes are
// compared at common quantiles.
double slicedWasserstein(const torch::Tensor& X, const torch::Tensor& Y, Rng& rng, int64_t projections = 256);

struct ModeCoverage {
    int64_t modes = 0;
    int64_t covered = 0;               // modes holding ≥ ¼ of their expected share of samples
    double fractionWithin4Std = 0.0;   // samples within Mahalanobis distance 4 of their nearest mode
    std::vector<int64_t> counts;       // samples within 4 std, per mode
};
ModeCoverage modeCoverage(const torch::Tensor& samples, const GaussianMixture& mixture);

} // namespace scorescope
