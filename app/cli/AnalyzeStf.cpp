#include "core/analysis/StfVarianceAnalysis.h"
#include "app/cli/Analyses.h"
#include "app/cli/ArgParser.h"
#include "core/common/Rng.h"
#include "core/data/Dataset.h"
#include "core/data/ImageDataset.h"
#include "core/run/AtomicFile.h"
#include "core/sde/SdeFactory.h"
#include "core/truth/DataPosterior.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace scorescope::cli {

// Diffusion times from --t, or from --sigmas through the SDE's σ(t), or a log-spaced σ grid.
namespace {

std::vector<double> timesFrom(const ArgParser& a, const Sde& sde)
{
    const double tMin = sde.trainingEps(), tMax = sde.horizon();
    const double sMin = sde.sigmaAt(tMin), sMax = sde.sigmaAt(tMax);
    std::vector<double> times;
    if (a.has("t") && a.has("sigmas"))
        throw UsageError("give --sigmas or --t, not both");
    if (a.has("t")) {
        times = a.numberList("t");
        for (double t : times)
            if (t < tMin || t > tMax)
                throw UsageError("--t: " + std::to_string(t) + " is outside [" + std::to_string(tMin) + ", " +
                                 std::to_string(tMax) + "] for " + sde.name());
        return times;
    }
    std::vector<double> sigmas;
    if (a.has("sigmas")) {
        sigmas = a.numberList("sigmas");
    } else {
        const int steps = 13;
        for (int i = 0; i < steps; ++i)
            sigmas.push_back(sMin * std::pow(sMax / sMin, double(i) / (steps - 1)));
    }
    for (double sigma : sigmas) {
        if (!(sigma >= sMin * (1 - 1e-9) && sigma <= sMax * (1 + 1e-9)))
            throw UsageError("--sigmas: " + std::to_string(sigma) + " is outside " + sde.name() + "'s range [" +
                             std::to_string(sMin) + ", " + std::to_string(sMax) + "]");
        times.push_back(std::clamp(sde.timeOfSigmaAt(sigma), tMin, tMax));
    }
    return times;
}

} // namespace

int analyzeStf(const std::vector<std::string>& args)
{
    ArgParser a("analyze stf",
                "Variance and bias of Stable Target Field targets against denoising-score-matching targets\n"
                "across noise levels (§3). Mixtures use the closed-form posterior; other data (images, moons)\n"
                "an empirical distribution over a pool of samples, whose posterior is exact too. Writes\n"
                "sigma,t,v_dsm,v_stf,ratio,bias,max_weight,ess,regime (variances in score units).",
                {{"dataset", "D", "a toy dataset, a mixture .json, fashion-mnist, folder:DIR or cifar10:DIR"},
                 {"data-dir", "DIR", "Fashion-MNIST directory (default /usr/share/datasets/fashion-mnist)"},
                 {"sde", "KIND", "ve, vp, subvp or edm (default ve)"},
                 {"ref-size", "N", "reference batch size n, own sample included (default 1024)"},
                 {"sigmas", "LIST", "noise levels, comma-separated (default: 13 log-spaced over the SDE's range)"},
                 {"t", "LIST", "diffusion times instead of --sigmas"},
                 {"samples", "N", "noisy points per noise level (default 256)"},
                 {"without-own", "", "leave the own sample out: n draws of the data, plain self-normalised IS"},
                 {"replicates", "N", "reference batches per point, at least 2 (default 32)"},
                 {"pool", "N", "non-mixture data: samples forming the empirical distribution (default 10000)"},
                 {"near-weight", "W", "near field where the mean max weight is at least W (default 0.9)"},
                 {"far-ess", "F", "far field where the mean ESS is at least F*n (default 0.5)"},
                 {"seed", "N", "random seed (default 0)"},
                 {"csv", "FILE", "output CSV (required)"}});
    if (!a.parseOrShowHelp(args))
        return 0;
    const std::string csvPath = a.required("csv");
    const auto sde = makeSde(SdeConfig::defaults(parseSdeKind(a.choice("sde", {"ve", "vp", "subvp", "edm"}, "ve"))));
    StfVarianceOptions options;
    options.referenceSize = a.positiveInt("ref-size", options.referenceSize);
    options.samples = a.positiveInt("samples", options.samples);
    options.replicates = a.positiveInt("replicates", options.replicates);
    if (options.replicates < 2)
        throw UsageError("--replicates must be at least 2 (a variance needs two)");
    options.includeOwn = !a.has("without-own");
    options.nearMaxWeight = a.positive("near-weight", options.nearMaxWeight);
    options.farEss = a.positive("far-ess", options.farEss);
    const auto times = timesFrom(a, *sde);
    Rng rng(a.unsignedInt("seed", 0));

    ImageOptions images;
    if (a.has("data-dir"))
        images.dataDir = a.str("data-dir");
    const auto dataset = loadDataset(a.required("dataset"), images);
    const auto posterior = dataset->mixture() ? mixturePosterior(*dataset->mixture())
                                              : empiricalPosterior(dataset->sample(a.positiveInt("pool", 10000), rng));
    const auto rows = analyseStfVariance(*posterior, *sde, times, options, rng);

    std::ostringstream csv;
    csv.precision(10);
    csv << "sigma,t,v_dsm,v_stf,ratio,bias,max_weight,ess,regime\n";
    std::printf("%s, %s, n = %lld (1/(n-1) = %.3g)\n%10s %10s %12s %12s %10s %12s %10s %9s  %s\n", dataset->name().c_str(),
                sde->name().c_str(), static_cast<long long>(options.referenceSize), 1.0 / std::max<int64_t>(1, options.referenceSize - 1),
                "sigma", "t", "v_dsm", "v_stf", "ratio", "bias", "max_w", "ess", "regime");
    for (const auto& r : rows) {
        csv << r.sigma << ',' << r.t << ',' << r.vDsm << ',' << r.vStf << ',' << r.ratio << ',' << r.bias << ','
            << r.maxWeight << ',' << r.ess << ',' << r.regime << '\n';
        std::printf("%10.4g %10.4g %12.4g %12.4g %10.4g %12.4g %10.4f %9.1f  %s\n", r.sigma, r.t, r.vDsm, r.vStf, r.ratio,
                    r.bias, r.maxWeight, r.ess, r.regime.c_str());
    }
    writeFileAtomically(csvPath, csv.str());
    std::printf("written to %s\n", csvPath.c_str());
    return 0;
}

} // namespace scorescope::cli
