#pragma once
#include <torch/types.h>

namespace scorescope {

// β(t) = β0 + t(β1 − β0) and its integral B(t) = β0 t + ½(β1 − β0) t² (§1.1), shared by VP and sub-VP.
struct LinearBetaSchedule {
    double beta0 = 0.1;
    double beta1 = 20.0;

    torch::Tensor beta(const torch::Tensor& t) const;
    torch::Tensor integral(const torch::Tensor& t) const;         // B(t)
    torch::Tensor timeOfIntegral(const torch::Tensor& B) const;   // B⁻¹, the positive root
};

} // namespace scorescope
