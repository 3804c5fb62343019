#pragma once
#include "core/data/Dataset.h"
#include "core/train/TrainConfig.h"

#include <torch/types.h>

namespace scorescope {

// The values a configuration leaves to be chosen when training starts (TrainParameter::automatic),
// chosen: σ_data measured on 8 192 samples of the data (fixed into the config from then on), and
// STF's reference batch by device: the paper's 4096 where a GPU has the memory, 1024 on the CPU
// (§3.5, §3.7). The Trainer calls it first, so the config a run writes is this one.
TrainConfig resolveAutomatic(TrainConfig config, const Dataset& data, const torch::Device& device);

} // namespace scorescope
