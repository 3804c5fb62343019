#pragma once

namespace scorescope {

class Rng;

// Soft Truncation's random truncation τ (§2.2): P_k(τ) ∝ τ^−k on [ε, T], drawn once per
// optimisation step, which then trains on t ∈ [τ, T] only. k = 1 is log-uniform; k → ∞
// recovers the fixed truncation ε. In expectation the importance-sampled loss becomes a
// general weighting λ_ST(t) = g²(t)·F_k(t) (§2.3).
class SoftTruncation {
public:
    SoftTruncation(double eps, double T, double k);

    double sample(Rng& rng) const;   // one τ, by the inverse CDF of one uniform
    double quantile(double u) const; // F_k⁻¹(u)
    double cdf(double t) const;      // F_k(t) = P(τ ≤ t)
    double density(double t) const; // P_k(t)

    double k() const { return k_; }
    double eps() const { return eps_; }
    double horizon() const { return T_; }

private:
    double eps_, T_, k_;
};

} // namespace scorescope
