#include "core/sde/VpSde.h"

#include <torch/torch.h>

namespace scorescope {

torch::Tensor VpSde::meanCoeff(const torch::Tensor& t) const { return torch::exp(-0.5 * schedule_.integral(t)); }

torch::Tensor VpSde::std(const torch::Tensor& t) const { return torch::sqrt(-torch::expm1(-schedule_.integral(t))); }

torch::Tensor VpSde::diffusion(const torch::Tensor& t) const { return torch::sqrt(schedule_.beta(t)); }

torch::Tensor VpSde::driftCoeff(const torch::Tensor& t) const { return -0.5 * schedule_.beta(t); }

// σ = s/a = sqrt(e^B − 1)
torch::Tensor VpSde::sigma(const torch::Tensor& t) const { return torch::sqrt(torch::expm1(schedule_.integral(t))); }

torch::Tensor VpSde::timeOfSigma(const torch::Tensor& sigma) const
{
    return schedule_.timeOfIntegral(torch::log1p(sigma * sigma));
}

// g²/s² = β/(1 − e^{−B}) has antiderivative A = ln(e^B − 1) (§1.2).
torch::Tensor VpSde::importanceAntiderivative(const torch::Tensor& t) const
{
    return torch::log(torch::expm1(schedule_.integral(t)));
}

torch::Tensor VpSde::importanceAntiderivativeInverse(const torch::Tensor& A) const
{
    return schedule_.timeOfIntegral(torch::log1p(torch::exp(A)));
}

} // namespace scorescope
