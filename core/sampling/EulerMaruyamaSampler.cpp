#include "core/sampling/EulerMaruyamaSampler.h"

#include "core/sde/Sde.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

void EulerMaruyamaSampler::step()
{
    torch::NoGradGuard noGrad;
    const double t = state_.t;
    const double tNext = gridTime(state_.step + 1);
    const double dt = tNext - t;
    const auto tt = torch::full({}, t, torch::kDouble);
    const double g = sde_->diffusion(tt).item<double>();
    const auto drift = sde_->drift(state_.x, tt) - g * g * evalScore(state_.x, t);
    auto x = state_.x + drift * dt;
    if (state_.step + 1 < totalSteps())
        x = x + g * std::sqrt(-dt) * noise(x);
    state_.x = x;
    state_.t = tNext;
    ++state_.step;
}

} // namespace scorescope
