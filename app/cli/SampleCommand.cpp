#include "app/cli/ArgParser.h"
#include "app/cli/Commands.h"
#include "app/cli/ModelSource.h"
#include "app/cli/SamplerFlags.h"
#include "core/run/ImageGrid.h"
#include "core/run/PointsCsv.h"
#include "core/sampling/ReverseSampler.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstdio>

namespace scorescope::cli {

int sampleCommand(const std::vector<std::string>& args)
{
    const auto options = modelCommandOptions(
        {{"n", "N", "number of samples (default 2000 points, or 64 images)"},
         {"seed", "N", "toy: seed of the whole draw; images: seed of the first grid cell (cell k uses seed+k)"},
         {"out", "FILE", "output: CSV for points, PNG grid for images (default: samples.csv/.png beside the checkpoint)"},
         {"scale", "N", "images: pixel enlargement of the PNG grid (default 2)"}});
    ArgParser a("sample",
                "Draw samples from a trained model with a reverse-time sampler. Points are written as CSV,\n"
                "images as a PNG grid in which cell k always uses seed k, so grids of different steps and\n"
                "runs are comparable.",
                options);
    if (!a.parseOrShowHelp(args))
        return 0;
    applyThreads(a);
    const std::string samplerName = samplerFrom(a);
    const uint64_t seed = a.unsignedInt("seed", 0);
    auto samplerOpts = samplerOptionsFrom(a, seed);
    const int64_t scale = a.positiveInt("scale", 2);
    auto loaded = loadModel(a);
    samplerOpts.prior = priorOf(a, loaded);
    const auto& data = *loaded.dataset;
    const bool images = data.isImage();
    const int64_t n = a.positiveInt("n", images ? 64 : 2000);
    auto sampler = makeSampler(samplerName, loaded.sde, *loaded.model, samplerOpts);
    if (images) {
        sampler->resetPerParticle(particleSeeds(seed, n), data.sampleShape());
    } else {
        std::vector<int64_t> shape{n};
        for (int64_t s : data.sampleShape())
            shape.push_back(s);
        sampler->reset(shape);
    }
    const auto start = std::chrono::steady_clock::now();
    const auto x = runSampler(*sampler);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string out = a.str("out", loaded.directory + (images ? "/samples.png" : "/samples.csv"));
    if (images)
        writeImageGrid(out, x, static_cast<int64_t>(std::ceil(std::sqrt(double(n)))), scale);
    else
        writePointsCsv(out, x);
    std::printf("%lld samples with %s: %lld NFE in %.2f s (%.1f NFE/s); written to %s\n", static_cast<long long>(n),
                samplerName.c_str(), static_cast<long long>(sampler->state().nfe), secs, sampler->state().nfe / secs,
                out.c_str());
    return 0;
}

} // namespace scorescope::cli
