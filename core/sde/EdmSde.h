#pragma once
#include "core/sde/Sde.h"

namespace scorescope {

// EDM's σ-parameterisation (§1.5): x = y + σ n with σ(t) = t, so a = 1, s = t, f = 0, g = sqrt(2t);
// time runs over [σ_min, σ_max] = [0.002, 80] and the prior is N(0, σ_max² I).
class EdmSde : public Sde {
public:
    explicit EdmSde(double sigmaMin = 0.002, double sigmaMax = 80.0) : Sde(sigmaMax), sigmaMin_(sigmaMin) {}

    SdeKind kind() const override { return SdeKind::EDM; }
    double trainingEps() const override { return sigmaMin_; }
    double samplingEps() const override { return sigmaMin_; }
    torch::Tensor meanCoeff(const torch::Tensor& t) const override;
    torch::Tensor std(const torch::Tensor& t) const override;
    torch::Tensor diffusion(const torch::Tensor& t) const override;
    torch::Tensor driftCoeff(const torch::Tensor& t) const override;
    torch::Tensor sigma(const torch::Tensor& t) const override { return t; }
    torch::Tensor timeOfSigma(const torch::Tensor& sigma) const override { return sigma; }
    torch::Tensor importanceAntiderivative(const torch::Tensor& t) const override;
    torch::Tensor importanceAntiderivativeInverse(const torch::Tensor& A) const override;
    double priorStd() const override { return T_; }

private:
    double sigmaMin_;
};

} // namespace scorescope
