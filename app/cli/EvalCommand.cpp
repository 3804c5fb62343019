#include "app/cli/ArgParser.h"
#include "app/cli/Commands.h"
#include "app/cli/ModelSource.h"
#include "app/cli/SamplerFlags.h"
#include "core/common/MeanEstimate.h"
#include "core/common/Rng.h"
#include "core/data/ImageDataset.h"
#include "core/likelihood/BitsPerDim.h"
#include "core/metrics/ImageQuality.h"
#include "core/metrics/SampleMetrics.h"
#include "core/metrics/ScoreError.h"
#include "core/prior/GaussianPrior.h"
#include "core/run/AtomicFile.h"
#include "core/run/ImageGrid.h"
#include "core/sde/Sde.h"
#include "core/truth/MixtureTruth.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace scorescope::cli {

namespace {


// The likelihood is integrated from the training truncation ε, where the model was fitted, with
// the prior the sampler starts from as its prior term (§4.4).
LikelihoodOptions likelihoodOptions(const Sde& sde, const ReverseSampler& sampler, uint64_t seed)
{
    LikelihoodOptions o;
    o.eps = sde.trainingEps();
    o.seed = seed;
    o.prior = sampler.prior();
    return o;
}

// Toy data: held-out NLL (against the true NLL for mixtures) and point-set distances of samples
// to fresh true samples, beside the true-vs-true floor.
void evalToy(const ArgParser& a, LoadedModel& loaded, ReverseSampler& sampler, nlohmann::json& result)
{
    const uint64_t seed = a.unsignedInt("seed", 0);
    const auto& data = *loaded.dataset;
    const auto& sde = *loaded.sde;
    const int64_t n = a.positiveInt("n", 2000);
    Rng rng(seed + 0x5eed);
    std::printf("%-28s %14s %14s\n", "metric", "model", "reference");

    const auto held = data.sample(a.positiveInt("nll-points", 500), rng);
    const auto likelihood = probabilityFlowLikelihood(sde, *loaded.model, held, likelihoodOptions(sde, sampler, seed));
    const auto nll = meanWithError(-likelihood.logLikelihood);
    result["nll"] = nll.mean;
    result["nll_stderr"] = nll.stderr_;
    result["nll_nfe"] = likelihood.nfe;
    if (sampler.prior()->kind() != "gaussian") {
        // The same ODE solutions under N(0, σ_T² I): the auxiliary prior's gain, free of ODE noise.
        const auto standard = meanWithError(-likelihood.logLikelihoodUnder(GaussianPrior(sde.priorStd())));
        result["nll_gaussian_prior"] = standard.mean;
        std::printf("%-28s %8.4f±%.4f\n", "NLL with the Gaussian prior", standard.mean, standard.stderr_);
    }
    if (const auto* mix = data.mixture()) {
        const MixtureTruth truth(*mix, torch::ones({}, torch::kDouble), torch::zeros({}, torch::kDouble));
        const auto trueNll = meanWithError(-truth.logDensity(held));
        result["nll_true"] = trueNll.mean;
        std::printf("%-28s %8.4f±%.4f %8.4f (true)\n", "NLL (nats/point)", nll.mean, nll.stderr_, trueNll.mean);
    } else {
        std::printf("%-28s %8.4f±%.4f %14s\n", "NLL (nats/point)", nll.mean, nll.stderr_, "-");
    }

    sampler.reset({n, data.dim()});
    const auto samples = runSampler(sampler).to(torch::kDouble);
    const auto reference = data.sample(n, rng);
    const auto floor = data.sample(n, rng);
    auto row = [&](const char* name, const char* key, double model, double ref) {
        std::printf("%-28s %14.6f %14.6f (true vs true)\n", name, model, ref);
        result[key] = model;
        result[std::string(key) + "_floor"] = ref;
    };
    row("energy distance", "energy_distance", energyDistance(samples, reference), energyDistance(floor, reference));
    row("MMD^2 (RBF, median)", "mmd2", mmdRbf(samples, reference), mmdRbf(floor, reference));
    Rng projections(seed), projectionsFloor(seed);
    row("sliced Wasserstein-2", "sliced_w2", slicedWasserstein(samples, reference, projections),
        slicedWasserstein(floor, reference, projectionsFloor));
    if (const auto* mix = data.mixture()) {
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

        // The learned score against the closed form at 8 noise levels, log-spaced over the training range.
        std::printf("\n%12s %12s %14s %12s   (score error against the closed form)\n", "sigma", "t", "mse", "relative");
        auto& rows = result["score_error"] = nlohmann::json::array();
        for (const auto& r : scoreErrorByTime(*loaded.model, sde, *mix, scoreErrorTimes(sde), 2000, rng)) {
            std::printf("%12.4g %12.4g %8.4g±%-5.2g %12.4g\n", r.sigma, r.t, r.mse, r.mseStderr, r.relative);
            rows.push_back({{"sigma", r.sigma}, {"t", r.t}, {"mse", r.mse}, {"mse_stderr", r.mseStderr}, {"relative", r.relative}});
        }
    }
}

// Images: bits/dim on test images (PF-ODE, Hutchinson), FD-FMNIST and KID of samples against
// test images beside the floor of training images against the same test images, and a grid.
void evalImages(const ArgParser& a, LoadedModel& loaded, ReverseSampler& sampler, nlohmann::json& result)
{
    const uint64_t seed = a.unsignedInt("seed", 0);
    const auto& data = dynamic_cast<const ImageDataset&>(*loaded.dataset);
    const auto& sde = *loaded.sde;
    const int64_t n = a.positiveInt("n", 1000);
    std::printf("%-28s %14s %14s\n", "metric", "model", "reference");

    // 0 skips bits/dim: it costs far more than the sample metrics, and FD against training steps needs only those.
    const auto bpdImages = std::min<int64_t>(a.unsignedInt("bpd-images", 100), data.testImages().size(0));
    if (bpdImages > 0) {
        const auto bpd = bitsPerDim(sde, *loaded.model, data.testImages().slice(0, 0, bpdImages), likelihoodOptions(sde, sampler, seed));
        std::printf("%-28s %8.4f±%.4f %14s\n", "bits/dim (test)", bpd.mean, bpd.stderr_, "-");
        result["bpd"] = bpd.mean;
        result["bpd_stderr"] = bpd.stderr_;
        result["bpd_images"] = bpdImages;
        result["bpd_nfe"] = bpd.nfe;
        if (sampler.prior()->kind() != "gaussian") {
            const auto standard = meanWithError(bpd.perImageGaussianPrior);
            std::printf("%-28s %8.4f±%.4f\n", "bits/dim, Gaussian prior", standard.mean, standard.stderr_);
            result["bpd_gaussian_prior"] = standard.mean;
        }
    }

    sampler.resetPerParticle(particleSeeds(seed, n), data.sampleShape());
    const auto samples = runSampler(sampler);
    ImageQuality quality(data, a.str("models-dir", ImageQuality::defaultModelsDir()), loaded.device);
    const auto test = ImageDataset::toModelRange(data.testImages().slice(0, 0, std::min<int64_t>(n, data.testImages().size(0))));
    const auto train = ImageDataset::toModelRange(data.trainImages().slice(0, 0, n));
    Rng rng(seed), rngFloor(seed);
    const auto model = quality.compare(samples, test, rng);
    const auto floor = quality.compare(train, test, rngFloor);
    std::printf("%-28s %14.3f %14.3f (train vs test)\n", "FD-FMNIST", model.fd, floor.fd);
    std::printf("%-28s %8.4f±%.4f %8.4f±%.4f\n", "KID", model.kid, model.kidStderr, floor.kid, floor.kidStderr);
    std::printf("%-28s %14.3f\n", "feature classifier accuracy", quality.testAccuracy());
    result["fd_fmnist"] = model.fd;
    result["fd_fmnist_floor"] = floor.fd;
    result["kid"] = model.kid;
    result["kid_stderr"] = model.kidStderr;
    result["kid_floor"] = floor.kid;
    result["classifier_accuracy"] = quality.testAccuracy();
    const std::string grid = loaded.directory + "/eval-samples.png";
    writeImageGrid(grid, samples.slice(0, 0, std::min<int64_t>(64, n)), 8, 2);
    result["grid"] = grid;
}

} // namespace

int evalCommand(const std::vector<std::string>& args)
{
    const auto options = modelCommandOptions(
        {{"n", "N", "samples for the sample metrics (default 2000 points, 1000 images)"},
         {"nll-points", "N", "toy: held-out points for the PF-ODE NLL (default 500)"},
         {"bpd-images", "N", "images: test images for bits/dim (default 100; 0 skips it)"},
         {"models-dir", "DIR", "images: where the FD-FMNIST classifier is cached"},
         {"seed", "N", "seed of the held-out data and the sampler (default 0)"},
         {"json", "FILE", "where to write the results (default: eval.json beside the checkpoint)"}});
    ArgParser a("eval",
                "Evaluate a trained model. Toy data: held-out NLL by the probability-flow ODE (against the true\n"
                "NLL for mixtures), and energy distance, RBF MMD, sliced Wasserstein and mode coverage of its\n"
                "samples against fresh true samples, beside the true-vs-true floor. Images: bits/dim on test\n"
                "images, FD-FMNIST and KID (features of a classifier trained in-app; not comparable to FID)\n"
                "against test images, beside the train-vs-test floor, and a sample grid.",
                options);
    if (!a.parseOrShowHelp(args))
        return 0;
    applyThreads(a);
    const std::string samplerName = samplerFrom(a);
    auto samplerOpts = samplerOptionsFrom(a, a.unsignedInt("seed", 0));
    auto loaded = loadModel(a);
    samplerOpts.prior = priorOf(a, loaded);
    const auto& data = *loaded.dataset;
    auto sampler = makeSampler(samplerName, loaded.sde, *loaded.model, samplerOpts);
    nlohmann::json result{{"dataset", data.name()}, {"sde", loaded.sde->name()},
                          {"step", loaded.step}, {"sampler", samplerName},
                          {"sampler_steps", samplerOpts.steps}, {"prior", samplerOpts.prior->kind()},
                          {"T", loaded.sde->horizon()}};
    if (data.isImage())
        evalImages(a, loaded, *sampler, result);
    else
        evalToy(a, loaded, *sampler, result);
    result["nfe"] = sampler->state().nfe;
    std::printf("%-28s %14lld\n", "sampler NFE", static_cast<long long>(sampler->state().nfe));
    const std::string out = a.str("json", loaded.directory + "/eval.json");
    writeFileAtomically(out, result.dump(2) + "\n");
    std::printf("written to %s\n", out.c_str());
    return 0;
}

} // namespace scorescope::cli
