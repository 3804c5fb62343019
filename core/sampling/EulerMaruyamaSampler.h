#pragma once
#include "core/sampling/ReverseSampler.h"

namespace scorescope {

// Euler–Maruyama on the reverse SDE dx = [f − g² s_θ] dt + g dW̄ (§1.3); the last step adds no noise.
class EulerMaruyamaSampler : public ReverseSampler {
public:
    using ReverseSampler::ReverseSampler;
    std::string name() const override { return "em"; }
    void step() override;
};

} // namespace scorescope
