#pragma once
#include "core/objective/SoftTruncation.h"
#include "core/objective/StableTargetField.h"

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
    Edm,           // ln σ ~ N(P_mean, P_std²) truncated to [σ(ε), σ(T)], λ(σ) = (σ²+σ_d²)/(σσ_d)² on the denoiser  (§1.5)
    Mixed          // first half of the batch LikelihoodIS at ½ weight, second half Variance × mixedWeight (§2.2, FID configs)
};

Weighting parseWeighting(const std::string& name);
std::string weightingName(Weighting w);

enum class Target {
    Dsm,  // ∇ log p_t(x | y) of the sample's own clean y
    Stf   // Stable Target Field: weighted over a reference batch of n (§3.3)
};

Target parseTarget(const std::string& name);
std::string targetName(Target t);

struct ObjectiveConfig {
    Weighting weighting = Weighting::Variance;
    double eps = -1.0;           // truncation ε; < 0 means the SDE's default
    bool reduceMean = false;     // mean over dimensions instead of ½·sum
    double pMean = -1.2, pStd = 1.2, sigmaData = 0.5;  // EDM weighting
    double mixedWeight = 100.0;  // the uniform half's weight in Mixed (ddpm_weight, §2.4)
    double softTruncationK = 0.0;  // > 0: Soft Truncation, τ ~ P(τ) ∝ τ^−k on [ε, T] per step (§2.2); 0: fixed ε
    Target target = Target::Dsm;
    int64_t referenceSize = 0;   // STF's n, the own sample included; ≤ 0: chosen by the trainer for the device
    int64_t referenceChunk = 4096;  // reference rows per pass of the STF accumulator
};

// Per-sample losses with their times: everything a per-time view needs to bin the loss scale.
struct LossBatch {
    torch::Tensor loss;       // scalar, differentiable: mean of perSample
    torch::Tensor losses;     // [B], differentiable: the per-sample losses themselves
    torch::Tensor t;          // [B] double, CPU
    double tau = 0.0;         // the step's truncation: ε, or Soft Truncation's τ
    torch::Tensor sigma;      // [B] double, CPU: the noise level s/a at t
    torch::Tensor perSample;  // [B] double, CPU, detached
    StfTargets stf;           // the batch's STF weights and their diagnostics; undefined for DSM
    torch::Tensor xt;         // the noisy inputs, detached: with diagnostics only
};

// Denoising score matching: E_t w(t) ‖s_θ(x_t, t) − target‖² with x_t = a(t) x_0 + s(t) z, and the
// target −z/s(t) (DSM) or the Stable Target Field's (a·Σw_i y_i − x_t)/s² (§3.3).
// All weightings are expressed in score-error units: w(t) = λ(t)/q(t) for the time density q.
class DenoisingScoreMatching {
public:
    DenoisingScoreMatching(std::shared_ptr<const Sde> sde, ObjectiveConfig config);

    struct TimeDraw {
        torch::Tensor t;       // [B] double
        torch::Tensor weight;  // [B] double
    };
    // Times in [tMin, T] and their weights; tMin is the truncation (fixed ε, or Soft Truncation's τ).
    // IS weights carry Z(tMin); the uniform ones are not rescaled by T − tMin (§2.2, as coded).
    TimeDraw drawTimes(int64_t batch, Rng& rng, double tMin) const;
    TimeDraw drawTimes(int64_t batch, Rng& rng) const { return drawTimes(batch, rng, eps()); }

    // Everything random in one step's loss: the truncation τ (one per batch), each sample's time
    // and weight, and its noise z. Drawn for a whole batch, it can be cut into slices that give
    // the same per-sample losses, which is how data-parallel ranks share one batch.
    struct NoiseDraw {
        double tau = 0.0;
        TimeDraw times;
        torch::Tensor z;
        NoiseDraw slice(int64_t begin, int64_t end) const;
    };
    NoiseDraw drawNoise(const torch::Tensor& x0, Rng& rng) const;

    // Data samples the loss needs beyond the minibatch: STF's reference batch holds each sample's
    // own clean image and n − 1 more, shared by the minibatch; DSM needs none.
    int64_t extraSamples() const;
    // `extras`: extraSamples() further data samples. `diagnostics`: STF also reports its weights'
    // ESS and target variance (a second pass over the weights; the trainer asks on logging steps).
    LossBatch loss(ScoreFunction& model, const torch::Tensor& x0, Rng& rng, const torch::Tensor& extras = {},
                   bool diagnostics = false) const;
    // The same loss with drawn noise (a slice of a batch's draw, for data parallelism).
    LossBatch loss(ScoreFunction& model, const torch::Tensor& x0, const NoiseDraw& noise, const torch::Tensor& extras = {},
                   bool diagnostics = false) const;
    // The same loss at given times and noise, for tests and analysis.
    LossBatch loss(ScoreFunction& model, const torch::Tensor& x0, const TimeDraw& times, const torch::Tensor& z,
                   const torch::Tensor& extras = {}, bool diagnostics = false) const;

    double eps() const;
    // P(σ' ≤ σ) under EDM's training law ln σ' ~ N(P_mean, P_std²) (§1.5), before truncation.
    double edmSigmaCdf(double sigma) const;
    const ObjectiveConfig& config() const { return config_; }
    const SoftTruncation* softTruncation() const { return truncation_.get(); }

private:
    std::shared_ptr<const Sde> sde_;
    ObjectiveConfig config_;
    std::unique_ptr<SoftTruncation> truncation_;
};

} // namespace scorescope
