#pragma once
#include "core/train/TrainConfig.h"

#include <string>

namespace scorescope {

// Data the user named on the command line for a run that already exists (train --resume, sample,
// eval: --dataset and --data-dir); empty: not given.
struct GivenData {
    std::string dataset, dataDir;
};

// A run directory may come from someone else, and its config names files: a mixture .json, an
// image folder (folder:DIR), a CIFAR-10 directory (cifar10:DIR), a data_dir. Such a path is read
// only where it lies inside the run directory — relative paths are taken from there — unless the
// user gave the data on the command line (#13, docs/RELIABILITY.md).

// The config as read from the run in `runDir`: relative data paths resolved there, `given` put in
// place of the config's own. Throws Error naming `origin` when a path of the config leaves the run.
TrainConfig confinedToRun(TrainConfig config, const std::string& runDir, const std::string& origin,
                          const GivenData& given = {});
// The directory a file lies in ("." for a bare name).
std::string directoryOf(const std::string& file);
// The config as stored in `dir` (a checkpoint's): relative data paths taken from there, unchecked.
TrainConfig anchoredAt(TrainConfig config, const std::string& dir);
// The config as written into the run in `runDir` (config.json, checkpoints): data paths that lie
// inside it become relative, so that the directory can move.
TrainConfig relativeToRun(TrainConfig config, const std::string& runDir);
// Writes `config` as the run in `runDir` keeps it, config.json: relativeToRun, atomically.
void writeRunConfig(const std::string& runDir, const TrainConfig& config);
// A new run's mixture .json is copied into it (`mixture.json`), so that the run keeps its data;
// returns the config naming the copy. Any other data set is left where it is.
TrainConfig withMixtureCopied(TrainConfig config, const std::string& runDir);

} // namespace scorescope
