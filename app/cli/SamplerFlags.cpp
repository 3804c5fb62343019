#include "app/cli/SamplerFlags.h"

#include "app/cli/ProgressReporter.h"

#include <torch/torch.h>

#include <chrono>

namespace scorescope::cli {

std::vector<OptionSpec> samplerOptions()
{
    return {{"sampler", "S", "em, pc, ode-euler, ode-heun, ode-rk45 or edm-heun (default em)"},
            {"sampler-steps", "N", "sampler time steps (default 1000; edm-heun 40; ignored by ode-rk45)"},
            {"sampler-eps", "E", "sampler end time (default: the SDE's sampling epsilon)"},
            {"snr", "X", "Langevin corrector signal-to-noise ratio for pc (default 0.16)"}};
}

std::string samplerFrom(const ArgParser& a) { return a.choice("sampler", samplerNames(), "em"); }

SamplerOptions samplerOptionsFrom(const ArgParser& a, uint64_t seed)
{
    SamplerOptions o;
    o.steps = a.positiveInt("sampler-steps", samplerFrom(a) == "edm-heun" ? 40 : 1000);
    o.eps = a.positive("sampler-eps", -1.0);
    o.snr = a.positive("snr", o.snr);
    o.seed = seed;
    return o;
}

torch::Tensor runSampler(ReverseSampler& sampler)
{
    torch::NoGradGuard noGrad;
    ProgressReporter progress("sample " + sampler.name());
    const auto start = std::chrono::steady_clock::now();
    while (!sampler.done()) {
        sampler.step();
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const int64_t total = sampler.totalSteps() > 0 ? sampler.totalSteps() : sampler.state().step;
        progress.update(sampler.state().step, total, sampler.state().step / std::max(secs, 1e-9),
                        "NFE " + std::to_string(sampler.state().nfe));
    }
    progress.finish();
    return sampler.state().x;
}

} // namespace scorescope::cli
