#include "core/train/TrainedModel.h"

#include "core/prior/AuxiliaryPrior.h"
#include "core/prior/GaussianPrior.h"
#include "core/sde/SdeFactory.h"
#include "core/train/Checkpoint.h"
#include "core/train/Ema.h"
#include "core/train/ResolveAutomatic.h"
#include "core/train/Trainer.h"

#include <torch/torch.h>

namespace scorescope {

TrainedModel loadTrainedModel(const std::string& checkpoint, const std::string& device,
                              const std::function<void(const std::string&)>& report, const GivenData& given)
{
    const auto archive = openCheckpoint(checkpoint);
    auto config = confinedToRun(anchoredAt(checkpointConfig(archive, checkpoint), directoryOf(checkpoint)),
                                directoryOf(checkpoint), checkpoint, given);
    config.device = device;
    validate(config.prior);
    TrainedModel m;
    m.device = resolveDevice(config.device);
    m.sde = makeSde(config.sde);
    auto dataset = loadDataset(config.dataset, config.images);
    m.config = resolveAutomatic(std::move(config), *dataset, m.device);
    m.dataset = std::move(dataset);
    // As the Trainer seeds before building its network: a flow prior fitted below initialises its
    // layers from the same state, so a load fits the prior that resuming the run would.
    torch::manual_seed(m.config.seed);
    m.model = makeScoreModel(m.sde, m.config.model, m.dataset->sampleShape());
    readingCheckpoint(checkpoint, [&] {
        m.step = checkpointStep(archive);
        // The EMA's shadow weights are checked against this run's network as they are read.
        Ema ema(*m.model, m.config.emaDecay);
        ema.load(archive.nested("ema"));
        ema.copyTo(*m.model);
        m.prior = checkpointPrior(archive, m.config.prior, checkpoint);
    });
    m.model->to(m.device);
    m.model->eval();
    if (m.prior)
        return m;
    if (m.config.prior.auxiliary())
        m.prior = makePrior(m.config.prior, *m.sde, *m.dataset, m.config.seed, m.device, report);
    else
        m.prior = std::make_shared<GaussianPrior>(m.sde->priorStd());
    return m;
}

} // namespace scorescope
