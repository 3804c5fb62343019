#include "train/TrainedModel.h"

#include <filesystem>

namespace scorescope {

TrainedModel loadTrainedModel(const std::string& checkpoint, const std::string& device,
                              const std::function<void(const std::string&)>& report, const GivenData& given)
{
    const auto dir = std::filesystem::path(checkpoint).parent_path();
    auto config = confinedToRun(readCheckpointConfig(checkpoint), dir.empty() ? "." : dir.string(), checkpoint, given);
    config.device = device;
    TrainedModel m;
    m.trainer = std::make_unique<Trainer>(config);
    m.trainer->loadCheckpoint(checkpoint);
    if (!m.trainer->priorFitted())
        m.trainer->fitPrior(report);
    m.model = m.trainer->emaModel();
    return m;
}

} // namespace scorescope
