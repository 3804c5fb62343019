#pragma once
#include <vector>

namespace scorescope {

struct TrainConfig;

// A density over log10 x on a grid of x, per unit of log10 x.
struct LogDensity {
    std::vector<double> x, density;
};

// The law of the truncation τ and of the diffusion time t that a training run draws, for the
// live Soft Truncation view to lay over what the run logged: τ ~ P_k on [ε, T] (§2.2; empty
// without Soft Truncation), and t given τ uniform, importance-sampled ∝ g²/s², half of each
// (mixed, §2.4), or EDM's log-normal σ truncated to [σ(τ), σ(T)] (§1.5), integrated over τ.
struct TimeSamplingLaw {
    double eps = 0.0, horizon = 1.0;  // the range [ε, T] training draws from
    LogDensity tau, t;
};

TimeSamplingLaw timeSamplingLaw(const TrainConfig& config, int points = 200);

} // namespace scorescope
