#include "core/sde/EdmSde.h"

#include <torch/torch.h>

namespace scorescope {

torch::Tensor EdmSde::meanCoeff(const torch::Tensor& t) const { return torch::ones_like(t); }

torch::Tensor EdmSde::std(const torch::Tensor& t) const { return t; }

torch::Tensor EdmSde::diffusion(const torch::Tensor& t) const { return torch::sqrt(2.0 * t); }

torch::Tensor EdmSde::driftCoeff(const torch::Tensor& t) const { return torch::zeros_like(t); }

// g²/s² = 2/t: A = 2 ln t, i.e. importance sampling is log-uniform in σ.
torch::Tensor EdmSde::importanceAntiderivative(const torch::Tensor& t) const { return 2.0 * torch::log(t); }

torch::Tensor EdmSde::importanceAntiderivativeInverse(const torch::Tensor& A) const { return torch::exp(0.5 * A); }

} // namespace scorescope
