#pragma once
#include <torch/types.h>

#include <memory>
#include <string>

namespace scorescope {

class Rng;
class Sde;
class ScoreFunction;

enum class Weighting {
    Variance,      // λ = s², t ~ U[ε, T]                      (§1.2, "DDPM" weighting)
    Likelihood,    // λ = g², t ~ U[ε, T]                      (§1.2, ScoreFlow)
    LikelihoodIS,  // λ = g², t ~ g²/s² on [ε, T], weight Z s²  (§1.2, importance sampled)
    Edm            // ln σ ~ N(P_mean, P_std²), λ(σ) = (σ²+σ_d²)/(σσ_d)² on the denoiser  (§1.5)
};

Weighting parseWeighting(const std::string& name);
std::string weightingName(Weighting w);

struct ObjectiveConfig {
    Weighting weighting = Weighting::Variance;
    double eps = -1.0;           // truncation ε; < 0 means the SDE's default
    bool reduceMean = false;     // mean over dimensions instead of ½·sum
    double pMean = -1.2, pStd = 1.2, sigmaData = 0.5;  // EDM weighting
};

// Per-sample losses with their times: everything a per-time view needs to bin the loss scale.
struct LossBatch {
    torch::Tensor loss;       // scalar, differentiable: mean of perSample
    torch::Tensor t;          // [B] double, CPU
    torch::Tensor perSample;  // [B] double, CPU, detached
};

// Denoising score matching: E_t w(t) ‖s_θ(x_t, t) + z/s(t)‖² with x_t = a(t) x_0 + s(t) z.
// All weightings are expressed in score-error units: w(t) = λ(t)/q(t) for the time density q.
class DenoisingScoreMatching {
public:
    DenoisingScoreMatching(std::shared_ptr<const Sde> sde, ObjectiveConfig config);

    struct TimeDraw {
        torch::Tensor t;       // [B] double
        torch::Tensor weight;  // [B] double
    };
    // Times in [tMin, T] and their weights; tMin is the truncation (fixed ε, or Soft Truncation's τ).
    TimeDraw drawTimes(int64_t batch, Rng& rng, double tMin) const;
    TimeDraw drawTimes(int64_t batch, Rng& rng) const { return drawTimes(batch, rng, eps()); }

    LossBatch loss(ScoreFunction& model, const torch::Tensor& x0, Rng& rng) const;
    // The same loss at given times and noise, for tests and analysis.
    LossBatch loss(ScoreFunction& model, const torch::Tensor& x0, const TimeDraw& times, const torch::Tensor& z) const;

    double eps() const;
    const ObjectiveConfig& config() const { return config_; }

private:
    std::shared_ptr<const Sde> sde_;
    ObjectiveConfig config_;
};

} // namespace scorescope
