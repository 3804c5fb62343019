#pragma once
#include "core/data/Dataset.h"
#include "core/nn/ScoreModel.h"
#include "core/train/DataPaths.h"
#include "core/train/TrainConfig.h"

#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace scorescope {

class Prior;
class Sde;

// A run restored from its checkpoint for inference: what sampling, evaluation and the playground
// need, and nothing of training (no optimiser, no RNG state, no raw weights). The CLI's eval,
// sample and analyze horizon and the GUI's playground load runs so.
struct TrainedModel {
    TrainConfig config;  // the checkpoint's, its automatic values resolved (ResolveAutomatic.h)
    int64_t step = 0;    // steps the weights were trained for
    torch::Device device{torch::kCPU};
    std::shared_ptr<const Sde> sde;
    std::shared_ptr<const Dataset> dataset;
    std::shared_ptr<const Prior> prior;  // x_T's law: the fitted auxiliary prior, or the SDE's Gaussian
    ScoreModel model{nullptr};           // the EMA weights, in eval mode
};

// `device` as a run config names it ("auto", "cpu", "cuda"). The run's data is read inside the
// checkpoint's directory, or where `given` says (DataPaths.h). Fits the run's auxiliary prior,
// reporting through `report`, when the checkpoint does not hold one yet. Throws Error naming the file.
TrainedModel loadTrainedModel(const std::string& checkpoint, const std::string& device,
                              const std::function<void(const std::string&)>& report, const GivenData& given = {});

} // namespace scorescope
