#include "core/objective/DenoisingScoreMatching.h"

#include "core/common/Error.h"
#include "core/common/Rng.h"
#include "core/nn/ScoreFunction.h"
#include "core/sde/Sde.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

Weighting parseWeighting(const std::string& name)
{
    if (name == "variance") return Weighting::Variance;
    if (name == "likelihood") return Weighting::Likelihood;
    if (name == "likelihood-is") return Weighting::LikelihoodIS;
    if (name == "edm") return Weighting::Edm;
    if (name == "mixed") return Weighting::Mixed;
    throw Error("unknown weighting '" + name + "' (expected variance, likelihood, likelihood-is, edm or mixed)");
}

std::string weightingName(Weighting w)
{
    switch (w) {
    case Weighting::Variance: return "variance";
    case Weighting::Likelihood: return "likelihood";
    case Weighting::LikelihoodIS: return "likelihood-is";
    case Weighting::Edm: return "edm";
    case Weighting::Mixed: return "mixed";
    }
    return "?";
}

Target parseTarget(const std::string& name)
{
    if (name == "dsm") return Target::Dsm;
    if (name == "stf") return Target::Stf;
    throw Error("unknown objective '" + name + "' (expected dsm or stf)");
}

std::string targetName(Target t) { return t == Target::Stf ? "stf" : "dsm"; }

DenoisingScoreMatching::DenoisingScoreMatching(std::shared_ptr<const Sde> sde, ObjectiveConfig config)
    : sde_(std::move(sde)), config_(config)
{
    if (config_.softTruncationK > 0.0)
        truncation_ = std::make_unique<SoftTruncation>(eps(), sde_->horizon(), config_.softTruncationK);
}

double DenoisingScoreMatching::eps() const { return config_.eps >= 0.0 ? config_.eps : sde_->trainingEps(); }

double DenoisingScoreMatching::edmSigmaCdf(double sigma) const
{
    return 0.5 * std::erfc(-(std::log(sigma) - config_.pMean) / (config_.pStd * std::sqrt(2.0)));
}

DenoisingScoreMatching::TimeDraw DenoisingScoreMatching::drawTimes(int64_t batch, Rng& rng, double tMin) const
{
    const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
    const double T = sde_->horizon();
    const auto u = rng.uniform({batch}, f64);
    switch (config_.weighting) {
    case Weighting::Variance: {
        const auto t = tMin + u * (T - tMin);
        return {t, sde_->std(t).pow(2)};
    }
    case Weighting::Likelihood: {
        const auto t = tMin + u * (T - tMin);
        return {t, sde_->diffusion(t).pow(2)};
    }
    case Weighting::LikelihoodIS: {
        const auto t = sde_->importanceSampledTime(u, tMin);
        return {t, sde_->importanceNormaliser(tMin) * sde_->std(t).pow(2)};
    }
    case Weighting::Edm: {
        // ln σ ~ N(P_mean, P_std²) truncated to the SDE's range [σ(tMin), σ(T)], by inverse CDF.
        const double lo = edmSigmaCdf(sde_->sigmaAt(tMin)), hi = edmSigmaCdf(sde_->sigmaAt(T));
        const auto n = std::sqrt(2.0) * torch::erfinv((2.0 * (lo + u * (hi - lo)) - 1.0).clamp(-1.0 + 1e-15, 1.0 - 1e-15));
        const auto sigma = torch::exp(config_.pMean + config_.pStd * n);
        const auto t = sde_->timeOfSigma(sigma).clamp(tMin, T);
        const double sd2 = config_.sigmaData * config_.sigmaData;
        const auto s = sde_->sigma(t), a = sde_->meanCoeff(t);
        // λ(σ)‖D − y‖² = λ(σ) a²σ⁴ ‖s_θ + z/s‖²
        return {t, (s * s + sd2) / (s * s * sd2) * a * a * s.pow(4)};
    }
    case Weighting::Mixed: {
        const int64_t half = batch / 2;
        const auto tIs = sde_->importanceSampledTime(u.slice(0, 0, batch - half), tMin);
        const auto tUniform = tMin + u.slice(0, batch - half) * (T - tMin);
        // ½·Z on the IS half against mixedWeight on the uniform half, as in the reference code (§2.2).
        return {torch::cat({tIs, tUniform}),
                torch::cat({0.5 * sde_->importanceNormaliser(tMin) * sde_->std(tIs).pow(2), config_.mixedWeight * sde_->std(tUniform).pow(2)})};
    }
    }
    throw Error("unknown weighting");
}

int64_t DenoisingScoreMatching::extraSamples() const
{
    if (config_.target == Target::Dsm)
        return 0;
    if (config_.referenceSize < 1)
        throw Error("the STF reference batch size must be at least 1 (got " + std::to_string(config_.referenceSize) + ")");
    return config_.referenceSize - 1;
}

DenoisingScoreMatching::NoiseDraw DenoisingScoreMatching::drawNoise(const torch::Tensor& x0, Rng& rng) const
{
    const double tau = truncation_ ? truncation_->sample(rng) : eps();
    auto times = drawTimes(x0.size(0), rng, tau);
    return {tau, std::move(times), rng.normal(x0.sizes(), x0.options())};
}

DenoisingScoreMatching::NoiseDraw DenoisingScoreMatching::NoiseDraw::slice(int64_t begin, int64_t end) const
{
    return {tau, {times.t.slice(0, begin, end), times.weight.slice(0, begin, end)}, z.slice(0, begin, end)};
}

LossBatch DenoisingScoreMatching::loss(ScoreFunction& model, const torch::Tensor& x0, Rng& rng, const torch::Tensor& extras,
                                       bool diagnostics) const
{
    return loss(model, x0, drawNoise(x0, rng), extras, diagnostics);
}

LossBatch DenoisingScoreMatching::loss(ScoreFunction& model, const torch::Tensor& x0, const NoiseDraw& noise,
                                       const torch::Tensor& extras, bool diagnostics) const
{
    auto batch = loss(model, x0, noise.times, noise.z, extras, diagnostics);
    batch.tau = noise.tau;
    return batch;
}

LossBatch DenoisingScoreMatching::loss(ScoreFunction& model, const torch::Tensor& x0, const TimeDraw& times,
                                       const torch::Tensor& z, const torch::Tensor& extras, bool diagnostics) const
{
    const auto a64 = sde_->meanCoeff(times.t), s64 = sde_->std(times.t);
    const auto a = broadcastTo(a64.to(x0.device(), x0.scalar_type()), x0);
    const auto s = broadcastTo(s64.to(x0.device(), x0.scalar_type()), x0);
    const auto xt = a * x0 + s * z;
    auto err = model.score(xt, times.t) + z / s;
    StfTargets stf;
    if (config_.target == Target::Stf) {
        if (extras.defined() ? extras.size(0) != extraSamples() : extraSamples() != 0)
            throw Error("STF needs " + std::to_string(extraSamples()) + " reference samples beside the minibatch");
        stf = stableTargets(xt, a64, s64, x0, extras, config_.referenceChunk, diagnostics);
        // (a·D − x)/s² = −z/s + a(D − y)/s²: written as DSM's target plus a correction that
        // vanishes exactly when the weights sit on the own sample (n = 1).
        err = err - a * (stf.denoised - x0) / (s * s);
    }
    err = err.flatten(1);
    const auto reduced = config_.reduceMean ? err.pow(2).mean(1) : 0.5 * err.pow(2).sum(1);
    const auto perSample = times.weight.to(reduced.device(), reduced.scalar_type()) * reduced;
    return {perSample.mean(), perSample, times.t, eps(), s64 / a64, perSample.detach().to(torch::kCPU, torch::kDouble),
            std::move(stf), diagnostics ? xt.detach() : torch::Tensor()};
}

} // namespace scorescope
