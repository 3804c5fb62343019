#include "objective/DenoisingScoreMatching.h"

#include "common/Error.h"
#include "common/Rng.h"
#include "nn/ScoreFunction.h"
#include "sde/Sde.h"

#include <torch/torch.h>

namespace scorescope {

Weighting parseWeighting(const std::string& name)
{
    if (name == "variance") return Weighting::Variance;
    if (name == "likelihood") return Weighting::Likelihood;
    if (name == "likelihood-is") return Weighting::LikelihoodIS;
    if (name == "edm") return Weighting::Edm;
    throw Error("unknown weighting '" + name + "' (expected variance, likelihood, likelihood-is or edm)");
}

std::string weightingName(Weighting w)
{
    switch (w) {
    case Weighting::Variance: return "variance";
    case Weighting::Likelihood: return "likelihood";
    case Weighting::LikelihoodIS: return "likelihood-is";
    case Weighting::Edm: return "edm";
    }
    return "?";
}

DenoisingScoreMatching::DenoisingScoreMatching(std::shared_ptr<const Sde> sde, ObjectiveConfig config)
    : sde_(std::move(sde)), config_(config)
{
}

double DenoisingScoreMatching::eps() const { return config_.eps >= 0.0 ? config_.eps : sde_->trainingEps(); }

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
        const auto t = sde_->isSample(u, tMin);
        return {t, sde_->isNormaliser(tMin) * sde_->std(t).pow(2)};
    }
    case Weighting::Edm: {
        // ln σ ~ N(P_mean, P_std²) by inverse CDF of the same uniform, clamped to the SDE's σ range.
        const auto n = std::sqrt(2.0) * torch::erfinv(2.0 * u.clamp(1e-12, 1.0 - 1e-12) - 1.0);
        const auto sigma = torch::exp(config_.pMean + config_.pStd * n)
                               .clamp(sde_->sigmaAt(tMin), sde_->sigmaAt(T));
        const auto t = sde_->timeOfSigma(sigma).clamp(tMin, T);
        const double sd2 = config_.sigmaData * config_.sigmaData;
        const auto s = sde_->sigma(t), a = sde_->meanCoeff(t);
        // λ(σ)‖D − y‖² = λ(σ) a²σ⁴ ‖s_θ + z/s‖²
        return {t, (s * s + sd2) / (s * s * sd2) * a * a * s.pow(4)};
    }
    }
    throw Error("unknown weighting");
}

LossBatch DenoisingScoreMatching::loss(ScoreFunction& model, const torch::Tensor& x0, Rng& rng) const
{
    const auto times = drawTimes(x0.size(0), rng, eps());
    const auto z = rng.normal(x0.sizes(), x0.options());
    return loss(model, x0, times, z);
}

LossBatch DenoisingScoreMatching::loss(ScoreFunction& model, const torch::Tensor& x0, const TimeDraw& times,
                                       const torch::Tensor& z) const
{
    const auto a = broadcastTo(sde_->meanCoeff(times.t).to(x0.device()), x0);
    const auto s = broadcastTo(sde_->std(times.t).to(x0.device()), x0);
    const auto xt = a * x0 + s * z;
    const auto err = (model.score(xt, times.t) + z / s).flatten(1);
    const auto reduced = config_.reduceMean ? err.pow(2).mean(1) : 0.5 * err.pow(2).sum(1);
    const auto perSample = times.weight.to(reduced.device(), reduced.scalar_type()) * reduced;
    return {perSample.mean(), times.t, perSample.detach().to(torch::kCPU, torch::kDouble)};
}

} // namespace scorescope
