#pragma once
#include <cstdint>
#include <vector>

namespace scorescope {

class GaussianMixture;
class Rng;
class Sde;
class ScoreFunction;

// Error of a learned score against the closed-form mixture score (§5) at one diffusion time,
// over x ~ p_t: the mean squared error, and the same relative to E‖∇log p_t‖².
struct ScoreErrorRow {
    double sigma = 0.0, t = 0.0;
    double mse = 0.0, mseStderr = 0.0;
    double relative = 0.0;
};

// The times at which `eval` measures it: `levels` noise levels σ log-spaced over the training
// range [σ(ε), σ(T)], each at its time t(σ).
std::vector<double> scoreErrorTimes(const Sde& sde, int levels = 8);

std::vector<ScoreErrorRow> scoreErrorByTime(ScoreFunction& model, const Sde& sde, const GaussianMixture& mixture,
                                            const std::vector<double>& times, int64_t points, Rng& rng);

} // namespace scorescope
