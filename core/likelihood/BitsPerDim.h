#pragma once
#include "core/likelihood/ProbabilityFlowLikelihood.h"

namespace scorescope {

struct BitsPerDimResult {
    torch::Tensor perImage;  // bits/dim of each image
    // The same ODE solutions with the SDE's Gaussian as the prior term: what an auxiliary prior
    // buys, without a second solve (§4.4).
    torch::Tensor perImageGaussianPrior;
    double mean = 0.0;
    double stderr_ = 0.0;    // standard error of the mean over images (dequantisation and probe noise included)
    int64_t nfe = 0;
};

// Bits/dim of 8-bit images under the model by the probability-flow ODE (§1.4): uniform
// dequantisation x̃ = (k + u)/256, model space y = 2x̃ − 1, bpd = −log p(y)/(D ln 2) + 7 (the 8
// bits of the discretisation minus the 1 bit/dim Jacobian of the scaling to [−1, 1]).
BitsPerDimResult bitsPerDim(const Sde& sde, ScoreFunction& score, const torch::Tensor& uint8Images,
                            const LikelihoodOptions& options, int64_t batch = 50);

} // namespace scorescope
