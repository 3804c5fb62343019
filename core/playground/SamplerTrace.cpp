#include "core/playground/SamplerTrace.h"

#include "core/common/Rng.h"
#include "core/metrics/SampleMetrics.h"
#include "core/sampling/ReverseSampler.h"
#include "core/sde/Sde.h"

#include <torch/torch.h>

namespace scorescope {

struct SamplerTrace::Reference {
    torch::Tensor samples;
};

namespace {
std::vector<float> toFloats(const torch::Tensor& t)
{
    if (!t.defined())
        return {};
    const auto f = t.to(torch::kCPU, torch::kFloat).contiguous();
    return {f.data_ptr<float>(), f.data_ptr<float>() + f.numel()};
}
}

SamplerTrace::SamplerTrace(std::shared_ptr<const Sde> sde, std::shared_ptr<ScoreFunction> score,
                           const PlanarMixture& truth, const TraceOptions& options)
    : score_(std::move(score)), qualitySamples_(options.qualitySamples), reference_(std::make_unique<Reference>())
{
    SamplerOptions samplerOptions;
    samplerOptions.steps = options.steps;
    samplerOptions.seed = options.seed;
    samplerOptions.prior = options.prior;
    sampler_ = makeSampler(options.sampler, std::move(sde), *score_, samplerOptions);
    Rng rng(options.seed + 0x9e3779b97f4a7c15ull);  // p_0's draws: independent of the particles
    reference_->samples = toGaussianMixture(truth).sample(qualitySamples_, rng);
    sampler_->reset({options.particles, 2});
    record();
}

SamplerTrace::~SamplerTrace() = default;

void SamplerTrace::record()
{
    const auto& state = sampler_->state();
    TraceFrame f;
    f.step = state.step;
    f.t = state.t;
    f.nfe = state.nfe;
    f.x = toFloats(state.x);
    f.score = toFloats(state.score);
    f.denoised = toFloats(state.denoised);
    f.energyDistance = energyDistance(state.x.slice(0, 0, qualitySamples_), reference_->samples);
    frames_.push_back(std::move(f));
}

int64_t SamplerTrace::totalSteps() const
{
    const auto total = sampler_->totalSteps();
    return total >= 0 ? total : (sampler_->done() ? recorded() - 1 : -1);
}

bool SamplerTrace::atEnd() const { return sampler_->done() && position_ == recorded() - 1; }

bool SamplerTrace::forward()
{
    if (position_ + 1 < recorded()) {
        ++position_;
        return true;
    }
    if (sampler_->done())
        return false;
    torch::NoGradGuard noGrad;
    sampler_->step();
    record();
    ++position_;
    return true;
}

bool SamplerTrace::back()
{
    if (position_ == 0)
        return false;
    --position_;
    return true;
}

void SamplerTrace::jumpTo(int64_t step)
{
    step = std::max<int64_t>(step, 0);
    while (position_ < step && forward()) {
    }
    position_ = std::min(step, recorded() - 1);
}

std::string SamplerTrace::samplerName() const { return sampler_->name(); }

} // namespace scorescope
