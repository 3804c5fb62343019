#pragma once
#include "app/cli/ArgParser.h"
#include "core/train/TrainedModel.h"

#include <memory>

#include <string>
#include <vector>

namespace scorescope::cli {

// The options of a command that runs a trained model's sampler: --run/--checkpoint, the sampler
// flags, the command's own `extra` options and --threads.
std::vector<OptionSpec> modelCommandOptions(const std::vector<OptionSpec>& extra);

struct LoadedModel : TrainedModel {
    std::string directory;  // where outputs go by default
};
// Fits the run's auxiliary prior if its checkpoint does not hold one yet.
LoadedModel loadModel(const ArgParser& args);
// x_T's law for sampling and the likelihood: the run's own, or the SDE's Gaussian with --gaussian-prior.
std::shared_ptr<const Prior> priorOf(const ArgParser& args, const LoadedModel& loaded);

// --threads N (default: all cores); LibTorch starts with one thread on some machines.
OptionSpec threadsOption();
void applyThreads(const ArgParser& args);

} // namespace scorescope::cli
