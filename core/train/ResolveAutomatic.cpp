#include "core/train/ResolveAutomatic.h"

#include "core/common/Rng.h"

namespace scorescope {

TrainConfig resolveAutomatic(TrainConfig c, const Dataset& data, const torch::Device& device)
{
    if (c.model.sigmaData <= 0.0) {
        Rng probe(c.seed ^ 0x9e3779b97f4a7c15ULL);
        c.model.sigmaData = data.sample(8192, probe).std().item<double>();
    }
    c.objective.sigmaData = c.model.sigmaData;
    if (c.objective.target == Target::Stf && c.objective.referenceSize <= 0)
        c.objective.referenceSize = device.is_cuda() ? 4096 : 1024;
    return c;
}

} // namespace scorescope
