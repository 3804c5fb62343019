#include "core/sde/VeSde.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

VeSde::VeSde(double sigmaMin, double sigmaMax, double T)
    : Sde(T), sigmaMin_(sigmaMin), sigmaMax_(sigmaMax), logRatio_(std::log(sigmaMax / sigmaMin))
{
}

torch::Tensor VeSde::meanCoeff(const torch::Tensor& t) const { return torch::ones_like(t); }

torch::Tensor VeSde::std(const torch::Tensor& t) const { return sigmaMin_ * torch::exp(t * logRatio_); }

torch::Tensor VeSde::diffusion(const torch::Tensor& t) const { return std(t) * std::sqrt(2.0 * logRatio_); }

torch::Tensor VeSde::driftCoeff(const torch::Tensor& t) const { return torch::zeros_like(t); }

// σ_max (σ_max/σ_min)^(T−1): exactly σ_max at T = 1.
double VeSde::priorStd() const { return sigmaMax_ * std::pow(sigmaMax_ / sigmaMin_, horizon() - 1.0); }

torch::Tensor VeSde::timeOfSigma(const torch::Tensor& sigma) const { return torch::log(sigma / sigmaMin_) / logRatio_; }

// g²/s² = 2 ln(σ_max/σ_min) is constant: importance sampling is uniform in t (§1.2).
torch::Tensor VeSde::importanceAntiderivative(const torch::Tensor& t) const { return 2.0 * logRatio_ * t; }

torch::Tensor VeSde::importanceAntiderivativeInverse(const torch::Tensor& A) const { return A / (2.0 * logRatio_); }

} // namespace scorescope
