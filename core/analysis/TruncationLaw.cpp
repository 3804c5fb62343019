#include "analysis/TruncationLaw.h"

#include "objective/SoftTruncation.h"
#include "sde/Sde.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

namespace {
double antiderivative(const Sde& sde, double t)
{
    return sde.isAntiderivative(torch::full({}, t, torch::kDouble)).item<double>();
}
}

TruncationLaw::TruncationLaw(const Sde& sde, const SoftTruncation& truncation, bool importanceSampled)
    : sde_(sde), truncation_(truncation), importanceSampled_(importanceSampled)
{
}

double TruncationLaw::conditionalCdf(double t, double tau) const
{
    const double T = truncation_.horizon();
    if (t <= tau) return 0.0;
    if (t >= T) return 1.0;
    if (!importanceSampled_)
        return (t - tau) / (T - tau);
    const double lo = antiderivative(sde_, tau);
    return (antiderivative(sde_, t) - lo) / (antiderivative(sde_, T) - lo);
}

double TruncationLaw::conditionalDensity(double t, double tau) const
{
    const double T = truncation_.horizon();
    if (t < tau || t > T) return 0.0;
    if (!importanceSampled_)
        return 1.0 / (T - tau);
    return std::pow(sde_.diffusionAt(t) / sde_.stdAt(t), 2) / sde_.isNormaliser(tau);
}

template <typename F> double TruncationLaw::overTau(double upper, F f) const
{
    const double lo = std::log(truncation_.eps()), hi = std::log(std::min(upper, truncation_.horizon()));
    if (hi <= lo) return 0.0;
    const int n = 2000;
    const double h = (hi - lo) / n;
    double sum = 0.0;
    for (int i = 0; i <= n; ++i) {
        const double tau = std::exp(lo + i * h);
        const double v = truncation_.density(tau) * tau * f(tau);  // dτ = τ d ln τ
        sum += (i == 0 || i == n) ? 0.5 * v : v;
    }
    return sum * h;
}

double TruncationLaw::marginalCdf(double t) const
{
    if (t >= truncation_.horizon()) return 1.0;
    return overTau(t, [&](double tau) { return conditionalCdf(t, tau); });
}

double TruncationLaw::marginalDensity(double t) const
{
    return overTau(t, [&](double tau) { return conditionalDensity(t, tau); });
}

double TruncationLaw::marginalQuantile(double q) const
{
    double lo = std::log(truncation_.eps()), hi = std::log(truncation_.horizon());
    for (int i = 0; i < 60; ++i) {
        const double mid = 0.5 * (lo + hi);
        (marginalCdf(std::exp(mid)) < q ? lo : hi) = mid;
    }
    return std::exp(0.5 * (lo + hi));
}

double TruncationLaw::effectiveWeight(double t) const
{
    if (importanceSampled_)
        return std::pow(sde_.diffusionAt(t), 2) * truncation_.cdf(t);
    const double T = truncation_.horizon();
    return std::pow(sde_.stdAt(t), 2) * overTau(t, [&](double tau) { return 1.0 / (T - tau); });
}

} // namespace scorescope
