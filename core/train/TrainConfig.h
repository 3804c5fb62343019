#pragma once
#include "core/data/ImageDataset.h"
#include "core/nn/ScoreModel.h"
#include "core/objective/DenoisingScoreMatching.h"
#include "core/prior/AuxiliaryPrior.h"
#include "core/sde/SdeFactory.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

namespace scorescope {

// The fully resolved configuration of a training run; written to the run's config.json and
// into every checkpoint, so a run can be resumed or sampled from either.
struct TrainConfig {
    std::string dataset = "ring8";
    ImageOptions images;  // "data" in JSON
    SdeConfig sde;
    ModelConfig model;
    ObjectiveConfig objective;
    PriorConfig prior;  // x_T's law: the SDE's Gaussian or an auxiliary model fitted at T (§4.4)
    int64_t steps = 20000;
    int64_t batch = 512;
    double lr = 1e-3;
    double adamBeta2 = 0.999;  // Adam's second-moment decay
    int64_t warmup = 200;
    double gradClip = 1.0;
    double emaDecay = 0.999;
    uint64_t seed = 0;
    std::string device = "cpu";  // cpu, cuda or auto
    int64_t logEvery = 50;
    int64_t checkpointEvery = 1000;
    // Steps between sample snapshots for the workbench (writeSampleSnapshot); 0: none.
    int64_t sampleEvery = 1000;
    // On logging steps, each σ bin's share of the gradient (one backward pass per occupied bin).
    bool gradientBins = false;
};

// Switches the run to another SDE with that SDE's defaults; EDM also gets EDM's
// preconditioning and loss weighting (§1.5).
void selectSde(TrainConfig& config, SdeKind kind);
// Sets the dataset; moving between toy and image data also switches the network (mlp/unet)
// and the batch, step and learning-rate defaults that suit it.
void selectDataset(TrainConfig& config, const std::string& spec);

nlohmann::json toJson(const TrainConfig& config);
// Overlays the keys present in `j` onto `base`; unknown keys and bad values throw Error naming `origin`.
TrainConfig trainConfigFromJson(const nlohmann::json& j, const std::string& origin, TrainConfig base = {});
TrainConfig readTrainConfig(const std::string& path);

} // namespace scorescope
