#pragma once
#include "nn/ScoreModel.h"
#include "train/DataPaths.h"
#include "train/Trainer.h"

#include <functional>
#include <memory>
#include <string>

namespace scorescope {

// A run restored from its checkpoint for evaluation: its config, SDE, data and prior (Trainer)
// and its EMA weights in eval mode. The CLI's eval/sample and the GUI's playground load runs so.
struct TrainedModel {
    std::unique_ptr<Trainer> trainer;
    ScoreModel model{nullptr};
};

// `device` as a run config names it ("auto", "cpu", "cuda"). The run's data is read inside the
// checkpoint's directory, or where `given` says (DataPaths.h). Fits the run's auxiliary prior,
// reporting through `report`, when the checkpoint does not hold one yet. Throws Error naming the file.
TrainedModel loadTrainedModel(const std::string& checkpoint, const std::string& device,
                              const std::function<void(const std::string&)>& report, const GivenData& given = {});

} // namespace scorescope
