#include "cli/ArgParser.h"
#include "cli/Commands.h"
#include "cli/ModelSource.h"
#include "cli/SamplerFlags.h"
#include "run/PointsCsv.h"
#include "sampling/ReverseSampler.h"
#include "sde/SdeFactory.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdio>

namespace scorescope::cli {

int sampleCommand(const std::vector<std::string>& args)
{
    auto options = modelSourceOptions();
    for (auto o : samplerOptions())
        options.push_back(o);
    options.push_back({"n", "N", "number of samples (default 2000)"});
    options.push_back({"seed", "N", "seed of x_T and the sampler's noise (default 0)"});
    options.push_back({"out", "FILE", "CSV to write (default: samples.csv beside the checkpoint)"});
    options.push_back(threadsOption());
    ArgParser a("sample", "Draw samples from a trained model with a reverse-time sampler; writes them as CSV.", options);
    a.parse(args);
    if (a.helpRequested()) {
        std::printf("%s", a.help().c_str());
        return 0;
    }
    applyThreads(a);
    const std::string samplerName = samplerFrom(a);
    const auto samplerOpts = samplerOptionsFrom(a, a.unsignedInt("seed", 0));
    const int64_t n = a.positiveInt("n", 2000);
    auto loaded = loadModel(a);
    auto sampler = makeSampler(samplerName, makeSde(loaded.config.sde), *loaded.model, samplerOpts);
    const auto start = std::chrono::steady_clock::now();
    const auto x = runSampler(*sampler, n, loaded.dim);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string out = a.str("out", loaded.directory + "/samples.csv");
    writePointsCsv(out, x);
    std::printf("%lld samples with %s: %lld NFE in %.2f s (%.1f NFE/s); written to %s\n", static_cast<long long>(n),
                samplerName.c_str(), static_cast<long long>(sampler->state().nfe), secs, sampler->state().nfe / secs,
                out.c_str());
    return 0;
}

} // namespace scorescope::cli
