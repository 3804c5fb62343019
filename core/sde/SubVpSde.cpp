#include "core/sde/SubVpSde.h"

#include <torch/torch.h>

namespace scorescope {

torch::Tensor SubVpSde::meanCoeff(const torch::Tensor& t) const { return torch::exp(-0.5 * schedule_.integral(t)); }

torch::Tensor SubVpSde::std(const torch::Tensor& t) const { return -torch::expm1(-schedule_.integral(t)); }

torch::Tensor SubVpSde::diffusion(const torch::Tensor& t) const
{
    return torch::sqrt(schedule_.beta(t) * -torch::expm1(-2.0 * schedule_.integral(t)));
}

torch::Tensor SubVpSde::driftCoeff(const torch::Tensor& t) const { return -0.5 * schedule_.beta(t); }

// σ = s/a = (1 − e^{−B}) e^{B/2} = 2 sinh(B/2)
torch::Tensor SubVpSde::sigma(const torch::Tensor& t) const { return 2.0 * torch::sinh(0.5 * schedule_.integral(t)); }

torch::Tensor SubVpSde::timeOfSigma(const torch::Tensor& sigma) const
{
    return schedule_.timeOfIntegral(2.0 * torch::asinh(0.5 * sigma));
}

// g²/s² = β (1 + e^{−B})/(1 − e^{−B}); with u = B this integrates to A = 2 ln(e^B − 1) − B.
torch::Tensor SubVpSde::importanceAntiderivative(const torch::Tensor& t) const
{
    const auto B = schedule_.integral(t);
    return 2.0 * torch::log(torch::expm1(B)) - B;
}

// Solving (w − 1)²/w = e^A for w = e^B: w = 1 + E/2 + sqrt(E + E²/4), E = e^A.
torch::Tensor SubVpSde::importanceAntiderivativeInverse(const torch::Tensor& A) const
{
    const auto E = torch::exp(A);
    return schedule_.timeOfIntegral(torch::log1p(0.5 * E + torch::sqrt(E + 0.25 * E * E)));
}

} // namespace scorescope
