#pragma once

namespace scorescope {

class Sde;
class SoftTruncation;

// The law Soft Truncation puts on the diffusion time (§2.2, §2.3): τ ~ P_k once per step, then
// t | τ either importance-sampled ∝ g²/s² on [τ, T] (the likelihood branch) or uniform on [τ, T].
// Marginals come from quadrature over log τ (2000 nodes, trapezoid: error ~1e-7).
class TruncationLaw {
public:
    TruncationLaw(const Sde& sde, const SoftTruncation& truncation, bool importanceSampled);

    double conditionalCdf(double t, double tau) const;      // P(t' ≤ t | τ)
    double conditionalDensity(double t, double tau) const;  // q(t | τ)
    double marginalCdf(double t) const;                     // ∫ P_k(τ) P(t' ≤ t | τ) dτ
    double marginalDensity(double t) const;                 // ∫ P_k(τ) q(t | τ) dτ
    double marginalQuantile(double q) const;                // by bisection in log t
    // Effective weight of the time integral in expectation over τ (§2.3): IS, g²(t)·F_k(t);
    // uniform with variance weighting, s²(t) ∫_ε^t P_k(τ)/(T − τ) dτ.
    double effectiveWeight(double t) const;

private:
    template <typename F> double overTau(double upper, F f) const;  // ∫_ε^upper P_k(τ) f(τ) dτ
    const Sde& sde_;
    const SoftTruncation& truncation_;
    bool importanceSampled_;
};

} // namespace scorescope
