#pragma once
#include "core/sampling/ReverseSampler.h"

namespace scorescope {

// Predictor–corrector (§1.3): Langevin corrector steps at t (step 2α(snr‖z‖/‖s‖)²), then the
// reverse-diffusion predictor over the exact forward transition t' → t; the last step adds no noise.
class PredictorCorrectorSampler : public ReverseSampler {
public:
    using ReverseSampler::ReverseSampler;
    std::string name() const override { return "pc"; }
    void step() override;
};

} // namespace scorescope
