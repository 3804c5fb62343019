#include "core/sampling/PredictorCorrectorSampler.h"

#include "core/sde/Sde.h"

#include <torch/torch.h>

namespace scorescope {

namespace {
// Mean over the batch of per-sample L2 norms, as score_sde's corrector uses.
double meanNorm(const torch::Tensor& v) { return v.flatten(1).norm(2, 1).mean().item<double>(); }
}

void PredictorCorrectorSampler::step()
{
    torch::NoGradGuard noGrad;
    const double t = state_.t;
    const double tNext = gridTime(state_.step + 1);
    const auto tr = sde_->transition(torch::full({}, t, torch::kDouble), torch::full({}, tNext, torch::kDouble));
    const double alpha = tr.alpha.item<double>();
    const double g2 = tr.g2.item<double>();
    const bool last = state_.step + 1 >= totalSteps();

    auto x = state_.x;
    for (int64_t i = 0; i < options_.correctorSteps; ++i) {
        const auto grad = evalScore(x, t);
        const auto z = noise(x);
        const double ratio = options_.snr * meanNorm(z) / std::max(meanNorm(grad), 1e-30);
        const double stepSize = 2.0 * alpha * alpha * ratio * ratio;
        x = x + stepSize * grad + std::sqrt(2.0 * stepSize) * z;
    }
    // Reverse diffusion: x_mean = x − f_i + G_i² s with f_i = (α − 1) x.
    auto xMean = (2.0 - alpha) * x + g2 * evalScore(x, t);
    state_.x = last ? xMean : xMean + std::sqrt(g2) * noise(x);
    state_.t = tNext;
    ++state_.step;
}

} // namespace scorescope
