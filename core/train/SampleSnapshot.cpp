#include "core/train/SampleSnapshot.h"

#include "core/run/ImageGrid.h"
#include "core/run/PointsCsv.h"
#include "core/run/RunDirectory.h"
#include "core/sampling/ReverseSampler.h"
#include "core/train/Trainer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <filesystem>

namespace scorescope {

namespace {
// Building the EMA copy initialises a network from the global generator, which dropout also
// draws from: the guard puts the training stream back exactly as it was, also when sampling throws.
struct GlobalGeneratorGuard {
    at::Generator generator = at::detail::getDefaultCPUGenerator();
    torch::Tensor state = generator.get_state();
    ~GlobalGeneratorGuard() { generator.set_state(state); }
};
} // namespace

void writeSampleSnapshot(const Trainer& trainer, const std::string& runDirectory)
{
    const GlobalGeneratorGuard keepTrainingStream;
    torch::NoGradGuard noGrad;
    auto model = trainer.emaModel();
    model->eval();
    const auto& data = trainer.dataset();
    const bool image = data.isImage();
    SamplerOptions options;
    options.steps = 18;
    options.prior = trainer.prior();
    auto sampler = makeSampler("edm-heun", trainer.sde(), *model, options);
    sampler->resetPerParticle(particleSeeds(trainer.config().seed, image ? 16 : 1000), data.sampleShape());
    const auto x = sampler->run().cpu();

    const RunDirectory dir{runDirectory};
    std::filesystem::create_directories(dir.snapshots());
    if (image)
        writeImageGrid(dir.snapshot(trainer.stepCount(), true), x, 4, 2);
    else
        writePointsCsv(dir.snapshot(trainer.stepCount(), false), x);
}

} // namespace scorescope
