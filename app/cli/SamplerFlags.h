#pragma once
#include "app/cli/ArgParser.h"
#include "core/sampling/ReverseSampler.h"

namespace scorescope::cli {

// The flags that choose and tune a reverse sampler, shared by `sample` and `eval`.
std::vector<OptionSpec> samplerOptions();
std::string samplerFrom(const ArgParser& a);
SamplerOptions samplerOptionsFrom(const ArgParser& a, uint64_t seed);
// Runs a sampler that has been reset to the end, with a progress bar.
torch::Tensor runSampler(ReverseSampler& sampler);

} // namespace scorescope::cli
