#pragma once
#include <torch/types.h>

namespace scorescope {

// A Monte-Carlo mean and its standard error.
struct MeanEstimate {
    double mean = 0.0, stderr_ = 0.0;
};

// The mean of every element of `samples`, and std/√n (0 for a single sample).
MeanEstimate meanWithError(const torch::Tensor& samples);

} // namespace scorescope
