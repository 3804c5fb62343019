#pragma once
#include "core/run/TensorArchive.h"
#include "core/train/TrainConfig.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace scorescope {

class Prior;

// A run's checkpoint (checkpoint.pt, a TensorArchive): "config" (its TrainConfig as JSON), "step",
// "rng", "model", "ema", "optimizer" and, once fitted, the auxiliary "prior". The Trainer writes and
// resumes all of it; a TrainedModel reads the parts that inference needs.

TensorArchive openCheckpoint(const std::string& path);  // Error when missing or not an archive
// The config stored inside a checkpoint (so `sample` works from a checkpoint file alone), its
// relative data paths taken from the checkpoint's directory (DataPaths.h).
TrainConfig readCheckpointConfig(const std::string& path);
TrainConfig checkpointConfig(const TensorArchive& archive, const std::string& path);
int64_t checkpointStep(const TensorArchive& archive);
// The fitted auxiliary prior the checkpoint holds for `config`, or null when it holds none yet (or
// the run's prior is the SDE's Gaussian). Error when it is of another kind than config asks for.
std::shared_ptr<const Prior> checkpointPrior(const TensorArchive& archive, const PriorConfig& config, const std::string& path);
// Runs `read`, turning what it throws into an Error naming the checkpoint: a tensor that does not
// fit the run's network is "checkpoint does not match this run's model".
void readingCheckpoint(const std::string& path, const std::function<void()>& read);

} // namespace scorescope
