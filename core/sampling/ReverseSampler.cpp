#include "core/sampling/ReverseSampler.h"

#include "core/common/Error.h"
#include "core/nn/ScoreFunction.h"
#include "core/prior/GaussianPrior.h"
#include "core/sampling/EdmHeunSampler.h"
#include "core/sampling/EulerMaruyamaSampler.h"
#include "core/sampling/PredictorCorrectorSampler.h"
#include "core/sampling/ProbabilityFlowSampler.h"
#include "core/sde/Sde.h"

#include <torch/torch.h>

namespace scorescope {

ReverseSampler::ReverseSampler(std::shared_ptr<const Sde> sde, ScoreFunction& score, SamplerOptions options)
    : sde_(std::move(sde)),
      prior_(options.prior ? options.prior : std::make_shared<GaussianPrior>(sde_->priorStd())),
      score_(score),
      options_(options),
      rng_(options.seed)
{
}

double ReverseSampler::endTime() const { return options_.eps >= 0.0 ? options_.eps : sde_->samplingEps(); }

void ReverseSampler::reset(const torch::Tensor& xT)
{
    state_ = SamplerState{};
    state_.x = xT;
    state_.t = sde_->horizon();
    onReset();
}

void ReverseSampler::reset(const std::vector<int64_t>& shape, torch::ScalarType dtype)
{
    particleRngs_.clear();
    reset(prior_->sample(shape.at(0), {shape.begin() + 1, shape.end()}, rng_, torch::TensorOptions().dtype(dtype)));
}

void ReverseSampler::resetPerParticle(const std::vector<uint64_t>& seeds, const std::vector<int64_t>& sampleShape,
                                      torch::ScalarType dtype)
{
    particleRngs_.clear();
    std::vector<torch::Tensor> rows;
    for (uint64_t seed : seeds) {
        particleRngs_.emplace_back(seed);
        rows.push_back(prior_->sample(1, sampleShape, particleRngs_.back(), torch::TensorOptions().dtype(dtype)));
    }
    reset(torch::cat(rows));
}

torch::Tensor ReverseSampler::noise(const torch::Tensor& like)
{
    if (particleRngs_.empty())
        return rng_.normal(like.sizes(), like.options());
    std::vector<torch::Tensor> rows;
    for (auto& r : particleRngs_)
        rows.push_back(r.normal(like[0].sizes(), like.options()).unsqueeze(0));
    return torch::cat(rows);
}

torch::Tensor ReverseSampler::run()
{
    torch::NoGradGuard noGrad;
    while (!done())
        step();
    return state_.x;
}

torch::Tensor ReverseSampler::evalScore(const torch::Tensor& x, double t)
{
    const auto tt = torch::full({}, t, torch::kDouble);
    auto s = score_.score(x, tt);
    state_.score = s;
    state_.denoised = tweedieDenoise(*sde_, x, tt, s);
    ++state_.nfe;
    return s;
}

// Probability-flow ODE drift f(x,t) − ½ g(t)² s(x,t)  (§1.3)
torch::Tensor ReverseSampler::probabilityFlowDrift(const torch::Tensor& x, double t)
{
    const double g = sde_->diffusion(torch::full({}, t, torch::kDouble)).item<double>();
    return sde_->drift(x, torch::full({}, t, torch::kDouble)) - 0.5 * g * g * evalScore(x, t);
}

double ReverseSampler::gridTime(int64_t i) const
{
    const double T = sde_->horizon();
    return T + (endTime() - T) * static_cast<double>(i) / static_cast<double>(totalSteps());
}

const std::vector<std::string>& samplerNames()
{
    static const std::vector<std::string> names{"em", "pc", "ode-euler", "ode-heun", "ode-rk45", "edm-heun"};
    return names;
}

std::unique_ptr<ReverseSampler> makeSampler(const std::string& name, std::shared_ptr<const Sde> sde, ScoreFunction& score,
                                            const SamplerOptions& options)
{
    if (options.steps < 1)
        throw Error("sampler steps must be at least 1");
    if (name == "em") return std::make_unique<EulerMaruyamaSampler>(std::move(sde), score, options);
    if (name == "pc") return std::make_unique<PredictorCorrectorSampler>(std::move(sde), score, options);
    if (name == "ode-euler")
        return std::make_unique<ProbabilityFlowSampler>(std::move(sde), score, options, ProbabilityFlowSampler::Method::Euler);
    if (name == "ode-heun")
        return std::make_unique<ProbabilityFlowSampler>(std::move(sde), score, options, ProbabilityFlowSampler::Method::Heun);
    if (name == "ode-rk45")
        return std::make_unique<ProbabilityFlowSampler>(std::move(sde), score, options, ProbabilityFlowSampler::Method::RK45);
    if (name == "edm-heun") return std::make_unique<EdmHeunSampler>(std::move(sde), score, options);
    std::string names;
    for (const auto& n : samplerNames())
        names += (names.empty() ? "" : ", ") + n;
    throw Error("unknown sampler '" + name + "' (expected " + names + ")");
}

std::vector<uint64_t> particleSeeds(uint64_t first, int64_t n)
{
    std::vector<uint64_t> seeds(static_cast<size_t>(n));
    for (int64_t k = 0; k < n; ++k)
        seeds[static_cast<size_t>(k)] = first + static_cast<uint64_t>(k);
    return seeds;
}

} // namespace scorescope
