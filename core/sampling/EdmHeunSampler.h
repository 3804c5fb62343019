#pragma once
#include "core/sampling/ReverseSampler.h"

#include <vector>

namespace scorescope {

// EDM's deterministic Heun sampler (§1.5, Algorithm 2) on the unscaled variable x̃ = x/a with
// σ_i = (σ_max^{1/ρ} + i/(N−1)(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ and σ_N = 0; σ_max = σ(T), σ_min = σ(ε),
// so it runs on any SDE. NFE = 2N − 1.
class EdmHeunSampler : public ReverseSampler {
public:
    EdmHeunSampler(std::shared_ptr<const Sde> sde, ScoreFunction& score, SamplerOptions options);
    std::string name() const override { return "edm-heun"; }
    void step() override;
    const std::vector<double>& sigmas() const { return sigmas_; }

private:
    torch::Tensor denoise(const torch::Tensor& xTilde, double sigma);  // D(x̃; σ) from the score
    double timeOf(double sigma) const;
    void onReset() override;
    std::vector<double> sigmas_;
    torch::Tensor xTilde_;
};

} // namespace scorescope
