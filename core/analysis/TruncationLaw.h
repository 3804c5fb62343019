#pragma once
#include <vector>

namespace scorescope {

class Sde;
class SoftTruncation;

// The law Soft Truncation puts on the diffusion time (§2.2, §2.3): τ ~ P_k once per step, then
// t | τ either importance-sampled ∝ g²/s² on [τ, T] (the likelihood branch) or uniform on [τ, T].
// The marginals are tabulated once on a log grid of 2000 nodes over [ε, T] (trapezoid over log τ)
// and interpolated in log t; their error is below 1e-5.
class TruncationLaw {
public:
    TruncationLaw(const Sde& sde, const SoftTruncation& truncation, bool importanceSampled);

    double conditionalDensity(double t, double tau) const;  // q(t | τ): (g²/s²)(t)/Z(τ), or 1/(T − τ)
    double marginalCdf(double t) const;                 // ∫ P_k(τ) P(t' ≤ t | τ) dτ
    double marginalDensity(double t) const;             // ∫ P_k(τ) q(t | τ) dτ
    double marginalQuantile(double q) const;            // by bisection in log t
    // Effective weight of the time integral in expectation over τ (§2.3): IS, g²(t)·F_k(t);
    // uniform with variance weighting, s²(t) ∫_ε^t P_k(τ)/(T − τ) dτ.
    double effectiveWeight(double t) const;

private:
    double antiderivative(double t) const;
    double interpolate(const std::vector<double>& table, double t) const;
    const Sde& sde_;
    const SoftTruncation& truncation_;
    bool importanceSampled_;
    std::vector<double> logT_, cdf_, density_, uniformWeight_;
};

} // namespace scorescope
