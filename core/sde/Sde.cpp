#include "core/sde/Sde.h"

#include "core/common/Rng.h"
#include "core/sde/SdeFactory.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

namespace {
torch::Tensor scalar(double v) { return torch::tensor(v, torch::kDouble); }
}

std::string Sde::name() const { return sdeKindName(kind()); }

torch::Tensor Sde::sigma(const torch::Tensor& t) const { return std(t) / meanCoeff(t); }

double Sde::importanceNormaliser(double tMin) const
{
    return (importanceAntiderivative(scalar(T_)) - importanceAntiderivative(scalar(tMin))).item<double>();
}

torch::Tensor Sde::importanceSampledTime(const torch::Tensor& u, double tMin) const
{
    const auto lo = importanceAntiderivative(scalar(tMin)).to(u.dtype());
    const auto hi = importanceAntiderivative(scalar(T_)).to(u.dtype());
    return importanceAntiderivativeInverse(lo + u * (hi - lo)).clamp(tMin, T_);
}

torch::Tensor broadcastTo(const torch::Tensor& coeff, const torch::Tensor& x)
{
    if (coeff.dim() == 0)
        return coeff.to(x.dtype());
    std::vector<int64_t> shape(x.dim(), 1);
    shape[0] = coeff.size(0);
    return coeff.to(x.dtype()).view(shape);
}

torch::Tensor Sde::drift(const torch::Tensor& x, const torch::Tensor& t) const
{
    return broadcastTo(driftCoeff(t.to(torch::kDouble)).to(x.device()), x) * x;
}

Sde::Transition Sde::transition(const torch::Tensor& t, const torch::Tensor& tPrev) const
{
    const auto alpha = meanCoeff(t) / meanCoeff(tPrev);
    const auto g2 = std(t).pow(2) - alpha.pow(2) * std(tPrev).pow(2);
    return {alpha, g2.clamp_min(0.0)};
}

double Sde::meanCoeffAt(double t) const { return meanCoeff(scalar(t)).item<double>(); }
double Sde::stdAt(double t) const { return std(scalar(t)).item<double>(); }
double Sde::diffusionAt(double t) const { return diffusion(scalar(t)).item<double>(); }
double Sde::sigmaAt(double t) const { return sigma(scalar(t)).item<double>(); }
double Sde::timeOfSigmaAt(double s) const { return timeOfSigma(scalar(s)).item<double>(); }

} // namespace scorescope
