#pragma once
#include "cli/ArgParser.h"
#include "nn/ScoreModel.h"
#include "train/TrainConfig.h"

#include <string>
#include <vector>

namespace scorescope::cli {

// The options that name a trained model: --run DIR or --checkpoint FILE.
std::vector<OptionSpec> modelSourceOptions();

struct LoadedModel {
    TrainConfig config;
    ScoreModel model{nullptr};  // EMA weights, eval mode
    std::string directory;      // where outputs go by default
    int64_t dim = 0;            // data dimension
};
LoadedModel loadModel(const ArgParser& args);

// --threads N (default: all cores); LibTorch starts with one thread on some machines.
OptionSpec threadsOption();
void applyThreads(const ArgParser& args);

} // namespace scorescope::cli
