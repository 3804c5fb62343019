#include "core/sampling/ProbabilityFlowSampler.h"

#include <torch/torch.h>

namespace scorescope {

ProbabilityFlowSampler::ProbabilityFlowSampler(std::shared_ptr<const Sde> sde, ScoreFunction& score,
                                               SamplerOptions options, Method method)
    : ReverseSampler(std::move(sde), score, options), method_(method)
{
}

std::string ProbabilityFlowSampler::name() const
{
    switch (method_) {
    case Method::Euler: return "ode-euler";
    case Method::Heun: return "ode-heun";
    case Method::RK45: return "ode-rk45";
    }
    return "?";
}

void ProbabilityFlowSampler::onReset()
{
    solver_.reset();
    if (method_ == Method::RK45) {
        torch::NoGradGuard noGrad;
        solver_ = std::make_unique<DormandPrince>(
            [this](const torch::Tensor& x, double t) { return probabilityFlowDrift(x, t); }, state_.x, state_.t,
            endTime(), options_.rtol, options_.atol);
    }
}

bool ProbabilityFlowSampler::done() const
{
    return method_ == Method::RK45 ? (!solver_ || solver_->done()) : ReverseSampler::done();
}

void ProbabilityFlowSampler::step()
{
    torch::NoGradGuard noGrad;
    if (method_ == Method::RK45) {
        solver_->step();
        state_.x = solver_->y();
        state_.t = solver_->t();
    } else {
        const double t = state_.t;
        const double tNext = gridTime(state_.step + 1);
        const double dt = tNext - t;
        const auto d1 = probabilityFlowDrift(state_.x, t);
        auto x = state_.x + dt * d1;
        if (method_ == Method::Heun)
            x = state_.x + 0.5 * dt * (d1 + probabilityFlowDrift(x, tNext));
        state_.x = x;
        state_.t = tNext;
    }
    ++state_.step;
}

} // namespace scorescope
