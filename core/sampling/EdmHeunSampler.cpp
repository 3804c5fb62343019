#include "core/sampling/EdmHeunSampler.h"

#include "core/sde/Sde.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

EdmHeunSampler::EdmHeunSampler(std::shared_ptr<const Sde> sde, ScoreFunction& score, SamplerOptions options)
    : ReverseSampler(std::move(sde), score, options)
{
    const int64_t N = options_.steps;
    const double rho = options_.rho;
    const double hi = std::pow(sde_->sigmaAt(sde_->horizon()), 1.0 / rho);
    const double lo = std::pow(sde_->sigmaAt(endTime()), 1.0 / rho);
    for (int64_t i = 0; i < N; ++i)
        sigmas_.push_back(std::pow(hi + (N > 1 ? static_cast<double>(i) / (N - 1) : 0.0) * (lo - hi), rho));
    sigmas_.push_back(0.0);
}

double EdmHeunSampler::timeOf(double sigma) const { return sigma > 0.0 ? sde_->timeOfSigmaAt(sigma) : 0.0; }

void EdmHeunSampler::onReset() { xTilde_ = state_.x / sde_->meanCoeffAt(sde_->horizon()); }

// x = a x̃, so ∇_x̃ log p̃ = a s(a x̃, t) and Tweedie in σ-space gives D = x̃ + σ² a s.
torch::Tensor EdmHeunSampler::denoise(const torch::Tensor& xTilde, double sigma)
{
    const double t = timeOf(sigma);
    const double a = sde_->meanCoeffAt(t);
    return xTilde + sigma * sigma * a * evalScore(a * xTilde, t);
}

void EdmHeunSampler::step()
{
    torch::NoGradGuard noGrad;
    const size_t i = static_cast<size_t>(state_.step);
    const double s0 = sigmas_[i], s1 = sigmas_[i + 1];
    const auto d0 = (xTilde_ - denoise(xTilde_, s0)) / s0;
    auto next = xTilde_ + (s1 - s0) * d0;
    if (s1 > 0.0) {
        const auto d1 = (next - denoise(next, s1)) / s1;
        next = xTilde_ + (s1 - s0) * 0.5 * (d0 + d1);
    }
    xTilde_ = next;
    const double t = timeOf(s1);
    state_.t = t;
    state_.x = sde_->meanCoeffAt(t) * xTilde_;
    ++state_.step;
}

} // namespace scorescope
