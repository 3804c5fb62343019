#pragma once
#include "core/sde/LinearBetaSchedule.h"
#include "core/sde/Sde.h"

namespace scorescope {

// sub-VP SDE: f = −½β x, g = sqrt(β(1 − e^{−2B})), a = e^{−B/2}, s = 1 − e^{−B} (§1.1).
class SubVpSde : public Sde {
public:
    explicit SubVpSde(LinearBetaSchedule schedule = {}, double T = 1.0) : Sde(T), schedule_(schedule) {}

    SdeKind kind() const override { return SdeKind::SubVP; }
    double trainingEps() const override { return 1e-5; }
    double samplingEps() const override { return 1e-3; }
    torch::Tensor meanCoeff(const torch::Tensor& t) const override;
    torch::Tensor std(const torch::Tensor& t) const override;
    torch::Tensor diffusion(const torch::Tensor& t) const override;
    torch::Tensor driftCoeff(const torch::Tensor& t) const override;
    torch::Tensor sigma(const torch::Tensor& t) const override;
    torch::Tensor timeOfSigma(const torch::Tensor& sigma) const override;
    torch::Tensor importanceAntiderivative(const torch::Tensor& t) const override;
    torch::Tensor importanceAntiderivativeInverse(const torch::Tensor& A) const override;
    double priorStd() const override { return 1.0; }

private:
    LinearBetaSchedule schedule_;
};

} // namespace scorescope
