#include "core/analysis/TruncationLaw.h"

#include "core/objective/SoftTruncation.h"
#include "core/sde/Sde.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace scorescope {

double TruncationLaw::antiderivative(double t) const
{
    return sde_.importanceAntiderivative(torch::full({}, t, torch::kDouble)).item<double>();
}

TruncationLaw::TruncationLaw(const Sde& sde, const SoftTruncation& truncation, bool importanceSampled)
    : sde_(sde), truncation_(truncation), importanceSampled_(importanceSampled)
{
    const int n = 2000;
    const double lo = std::log(truncation.eps()), hi = std::log(truncation.horizon()), h = (hi - lo) / (n - 1);
    const double T = truncation.horizon();
    std::vector<double> t(n), prior(n), A(n), rate(n);
    for (int i = 0; i < n; ++i) {
        logT_.push_back(lo + i * h);
        // The end nodes exactly: exp(log ε) may round below ε, where P_k is zero.
        t[i] = i == 0 ? truncation.eps() : i == n - 1 ? T : std::exp(logT_[i]);
        prior[i] = truncation.density(t[i]) * t[i];  // P_k(τ) dτ = P_k(τ) τ d ln τ
        A[i] = importanceSampled ? antiderivative(t[i]) : 0.0;
        rate[i] = importanceSampled ? std::pow(sde.diffusionAt(t[i]) / sde.stdAt(t[i]), 2) : 0.0;
    }
    const double AT = importanceSampled ? antiderivative(T) : 0.0;
    // Trapezoid over τ-nodes 0..j of P_k(τ)·f(τ) for a node function f. At τ = T the conditional
    // law of t degenerates (0/0, 1/0): that single node has measure zero and is left out.
    auto overTau = [&](int j, auto f) {
        double sum = 0.0;
        for (int k = 0; k <= std::min(j, n - 2); ++k)
            sum += (k == 0 || k == j ? 0.5 : 1.0) * prior[k] * f(k);
        return sum * h;
    };
    for (int j = 0; j < n; ++j) {
        if (importanceSampled) {
            cdf_.push_back(overTau(j, [&](int k) { return (A[j] - A[k]) / (AT - A[k]); }));
            density_.push_back(overTau(j, [&](int k) { return rate[j] / (AT - A[k]); }));
        } else {
            cdf_.push_back(overTau(j, [&](int k) { return (t[j] - t[k]) / (T - t[k]); }));
            density_.push_back(overTau(j, [&](int k) { return 1.0 / (T - t[k]); }));
        }
        uniformWeight_.push_back(overTau(j, [&](int k) { return 1.0 / (T - t[k]); }));
    }
    cdf_.back() = 1.0;
}

double TruncationLaw::interpolate(const std::vector<double>& table, double t) const
{
    const double x = std::log(t);
    if (x <= logT_.front()) return table.front();
    if (x >= logT_.back()) return table.back();
    const double h = logT_[1] - logT_[0];
    const size_t i = std::min(logT_.size() - 2, static_cast<size_t>((x - logT_.front()) / h));
    const double f = (x - logT_[i]) / h;
    return (1.0 - f) * table[i] + f * table[i + 1];
}

double TruncationLaw::conditionalDensity(double t, double tau) const
{
    const double T = truncation_.horizon();
    if (t < tau || t > T)
        return 0.0;
    if (!importanceSampled_)
        return 1.0 / (T - tau);
    return std::pow(sde_.diffusionAt(t) / sde_.stdAt(t), 2) / sde_.importanceNormaliser(tau);
}

double TruncationLaw::marginalCdf(double t) const { return t >= truncation_.horizon() ? 1.0 : interpolate(cdf_, t); }

double TruncationLaw::marginalDensity(double t) const { return interpolate(density_, t); }

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
    return std::pow(sde_.stdAt(t), 2) * interpolate(uniformWeight_, t);
}

} // namespace scorescope
