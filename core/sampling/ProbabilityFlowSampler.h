#pragma once
#include "core/sampling/DormandPrince.h"
#include "core/sampling/ReverseSampler.h"

#include <memory>

namespace scorescope {

// The probability-flow ODE dx/dt = f − ½ g² s_θ (§1.3) from T to ε: Euler or Heun on a uniform
// grid, or adaptive Dormand–Prince RK45 (rtol = atol = 1e-5 by default), one accepted step per step().
class ProbabilityFlowSampler : public ReverseSampler {
public:
    enum class Method { Euler, Heun, RK45 };
    ProbabilityFlowSampler(std::shared_ptr<const Sde> sde, ScoreFunction& score, SamplerOptions options, Method method);

    std::string name() const override;
    void step() override;
    bool done() const override;
    int64_t totalSteps() const override { return method_ == Method::RK45 ? -1 : options_.steps; }

private:
    void onReset() override;
    Method method_;
    std::unique_ptr<DormandPrince> solver_;
};

} // namespace scorescope
