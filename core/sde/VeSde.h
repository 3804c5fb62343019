#pragma once
#include "core/sde/Sde.h"

namespace scorescope {

// Variance-exploding SDE (SMLD): σ(t) = σ_min (σ_max/σ_min)^t, f = 0, g = σ(t) sqrt(2 ln(σ_max/σ_min)),
// a = 1, s = σ(t); note s(0) = σ_min, not 0 (§1.1).
class VeSde : public Sde {
public:
    explicit VeSde(double sigmaMin = 0.01, double sigmaMax = 50.0, double T = 1.0);

    SdeKind kind() const override { return SdeKind::VE; }
    double trainingEps() const override { return 1e-5; }
    double samplingEps() const override { return 1e-5; }
    torch::Tensor meanCoeff(const torch::Tensor& t) const override;
    torch::Tensor std(const torch::Tensor& t) const override;
    torch::Tensor diffusion(const torch::Tensor& t) const override;
    torch::Tensor driftCoeff(const torch::Tensor& t) const override;
    torch::Tensor timeOfSigma(const torch::Tensor& sigma) const override;
    torch::Tensor importanceAntiderivative(const torch::Tensor& t) const override;
    torch::Tensor importanceAntiderivativeInverse(const torch::Tensor& A) const override;
    // σ(T), the noise of the forward marginal at the horizon (§4.1): σ_max at T = 1, as in score_sde;
    // a shorter horizon's prior matches its own σ(T), not σ_max.
    double priorStd() const override;

private:
    double sigmaMin_, sigmaMax_, logRatio_;
};

} // namespace scorescope
