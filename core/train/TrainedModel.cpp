#include "train/TrainedModel.h"

namespace scorescope {

TrainedModel loadTrainedModel(const std::string& checkpoint, const std::string& device,
                              const std::function<void(const std::string&)>& report, const GivenData& given)
{
    auto config = confinedToRun(readCheckpointConfig(checkpoint), directoryOf(checkpoint), checkpoint, given);
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
