#include "cli/ArgParser.h"
#include "cli/Commands.h"
#include "cli/ModelSource.h"
#include "cli/SamplerFlags.h"
#include "common/Rng.h"
#include "data/ToyDataset.h"
#include "likelihood/ProbabilityFlowLikelihood.h"
#include "metrics/SampleMetrics.h"
#include "run/AtomicFile.h"
#include "sde/SdeFactory.h"
#include "truth/MixtureTruth.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <cstdio>

namespace scorescope::cli {

namespace {
struct Estimate {
    double mean, stderr_;
};
Estimate meanAndError(const torch::Tensor& v)
{
    return {v.mean().item<double>(), v.std().item<double>() / std::sqrt(static_cast<double>(v.numel()))};
}
}

int evalCommand(const std::vector<std::string>& args)
{
    auto options = modelSourceOptions();
    for (auto o : samplerOptions())
        options.push_back(o);
    options.push_back({"n", "N", "samples for the sample metrics (default 2000)"});
    options.push_back({"nll-points", "N", "held-out points for the PF-ODE NLL (default 500)"});
    options.push_back({"seed", "N", "seed of the held-out data and the sampler (default 0)"});
    options.push_back({"json", "FILE", "where to write the results (default: eval.json beside the checkpoint)"});
    options.push_back(threadsOption());
    ArgParser a("eval",
                "Evaluate a trained model against its data distribution: held-out NLL by the probability-flow\n"
                "ODE (against the true NLL for mixtures), and energy distance, RBF MMD, sliced Wasserstein and\n"
                "mode coverage of its samples against fresh true samples (beside the true-vs-true floor).",
                options);
    a.parse(args);
    if (a.helpRequested()) {
        std::printf("%s", a.help().c_str());
        return 0;
    }
    applyThreads(a);
    const uint64_t seed = a.unsignedInt("seed", 0);
    const auto samplerOpts = samplerOptionsFrom(a, seed);
    const std::string samplerName = samplerFrom(a);
    const int64_t n = a.positiveInt("n", 2000);
    const int64_t nllPoints = a.positiveInt("nll-points", 500);
    auto loaded = loadModel(a);
    const auto sde = makeSde(loaded.config.sde);
    const auto dataset = loadToyDataset(loaded.config.dataset);
    Rng rng(seed + 0x5eed);

    nlohmann::json result{{"dataset", dataset->name()}, {"sde", sde->name()}, {"sampler", samplerName},
                          {"sampler_steps", samplerOpts.steps}, {"n", n}};
    std::printf("%-28s %14s %14s\n", "metric", "model", "reference");

    const auto held = dataset->sample(nllPoints, rng);
    LikelihoodOptions lo;
    lo.eps = sde->trainingEps();
    lo.seed = seed;
    const auto nll = meanAndError(-probabilityFlowLikelihood(*sde, *loaded.model, held, lo).logLikelihood);
    result["nll"] = nll.mean;
    result["nll_stderr"] = nll.stderr_;
    if (const auto* mix = dataset->mixture()) {
        const MixtureTruth truth(*mix, torch::ones({}, torch::kDouble), torch::zeros({}, torch::kDouble));
        const auto trueNll = meanAndError(-truth.logDensity(held));
        result["nll_true"] = trueNll.mean;
        std::printf("%-28s %8.4f±%.4f %8.4f (true)\n", "NLL (nats/point)", nll.mean, nll.stderr_, trueNll.mean);
    } else {
        std::printf("%-28s %8.4f±%.4f %14s\n", "NLL (nats/point)", nll.mean, nll.stderr_, "-");
    }

    auto sampler = makeSampler(samplerName, sde, *loaded.model, samplerOpts);
    const auto samples = runSampler(*sampler, n, loaded.dim).to(torch::kDouble);
    result["nfe"] = sampler->state().nfe;
    const auto reference = dataset->sample(n, rng);
    const auto floor = dataset->sample(n, rng);
    auto row = [&](const char* name, const char* key, double model, double ref) {
        std::printf("%-28s %14.6f %14.6f (true vs true)\n", name, model, ref);
        result[key] = model;
        result[std::string(key) + "_floor"] = ref;
    };
    row("energy distance", "energy_distance", energyDistance(samples, reference), energyDistance(floor, reference));
    row("MMD^2 (RBF, median)", "mmd2", mmdRbf(samples, reference), mmdRbf(floor, reference));
    Rng projections(seed);
    Rng projectionsFloor(seed);
    row("sliced Wasserstein-2", "sliced_w2", slicedWasserstein(samples, reference, projections),
        slicedWasserstein(floor, reference, projectionsFloor));
    if (const auto* mix = dataset->mixture()) {
        const auto cov = modeCoverage(samples, *mix);
        const auto covFloor = modeCoverage(floor, *mix);
        std::printf("%-28s %14s %14s\n", "modes covered",
                    (std::to_string(cov.covered) + "/" + std::to_string(cov.modes)).c_str(),
                    (std::to_string(covFloor.covered) + "/" + std::to_string(covFloor.modes)).c_str());
        std::printf("%-28s %13.2f%% %13.2f%%\n", "within 4 std of a mode", 100.0 * cov.fractionWithin4Std,
                    100.0 * covFloor.fractionWithin4Std);
        result["modes"] = cov.modes;
        result["modes_covered"] = cov.covered;
        result["within_4std"] = cov.fractionWithin4Std;
        result["within_4std_floor"] = covFloor.fractionWithin4Std;
    }
    std::printf("%-28s %14lld\n", "sampler NFE", static_cast<long long>(sampler->state().nfe));
    const std::string out = a.str("json", loaded.directory + "/eval.json");
    writeFileAtomically(out, result.dump(2) + "\n");
    std::printf("written to %s\n", out.c_str());
    return 0;
}

} // namespace scorescope::cli
