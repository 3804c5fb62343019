#include "app/cli/Analyses.h"
#include "app/cli/ArgParser.h"
#include "core/common/Error.h"
#include "core/data/Dataset.h"
#include "core/data/ImageDataset.h"
#include "core/run/PointsCsv.h"
#include "core/sde/SdeFactory.h"
#include "core/truth/MixtureTruth.h"

#include <torch/torch.h>

#include <cstdio>

namespace scorescope::cli {

int analyzeTruth(const std::vector<std::string>& args)
{
    ArgParser a("analyze truth",
                "Closed-form log-density and score of a Gaussian-mixture dataset diffused to time t (§5).\n"
                "Writes columns x0,x1,…,logp,score0,score1,… for the given points (default: a 41x41 grid\n"
                "over [-3,3]^2).",
                {{"dataset", "D", "a mixture preset (ring8, grid25) or mixture .json"},
                 {"sde", "KIND", "ve, vp, subvp or edm (default vp)"},
                 {"t", "T", "diffusion time (default 0: the data density)"},
                 {"points", "FILE", "CSV of points, one per row"},
                 {"csv", "FILE", "output CSV (required)"}});
    if (!a.parseOrShowHelp(args))
        return 0;
    const std::string csvPath = a.required("csv");
    const auto sde = makeSde(SdeConfig::defaults(parseSdeKind(a.choice("sde", {"ve", "vp", "subvp", "edm"}, "vp"))));
    const double t = a.number("t", 0.0);
    if (t < 0.0 || t > sde->horizon())
        throw UsageError("--t must lie in [0, " + std::to_string(sde->horizon()) + "] for this SDE");
    const auto dataset = loadDataset(a.required("dataset"), {});
    const auto* mix = dataset->mixture();
    if (!mix)
        throw Error(a.str("dataset"), "has no closed form (only Gaussian mixtures do)");

    torch::Tensor x;
    if (a.has("points")) {
        x = readPointsCsv(a.str("points"));
        if (x.size(1) != mix->dim())
            throw Error(a.str("points"), "points have " + std::to_string(x.size(1)) + " columns, the mixture has dimension " +
                                             std::to_string(mix->dim()));
    } else {
        if (mix->dim() != 2)
            throw UsageError("--points is required for mixtures that are not 2-D");
        const auto axis = torch::linspace(-3.0, 3.0, 41, torch::kDouble);
        const auto g = torch::meshgrid({axis, axis}, "xy");
        x = torch::stack({g[0].flatten(), g[1].flatten()}, 1);
    }
    // At t = 0 the VE kernel still has s = σ_min; the data density itself is a = 1, s = 0.
    const auto tt = torch::full({}, t, torch::kDouble);
    const auto a0 = t == 0.0 ? torch::ones({}, torch::kDouble) : sde->meanCoeff(tt);
    const auto s0 = t == 0.0 ? torch::zeros({}, torch::kDouble) : sde->std(tt);
    const MixtureTruth truth(*mix, a0, s0);
    const auto logp = truth.logDensity(x);
    const auto score = truth.score(x);
    std::vector<std::string> header;
    std::vector<torch::Tensor> cols;
    for (int64_t d = 0; d < x.size(1); ++d) {
        header.push_back("x" + std::to_string(d));
        cols.push_back(x.select(1, d));
    }
    header.push_back("logp");
    cols.push_back(logp);
    for (int64_t d = 0; d < x.size(1); ++d) {
        header.push_back("score" + std::to_string(d));
        cols.push_back(score.select(1, d));
    }
    writeColumnsCsv(csvPath, header, cols);
    std::printf("%lld points at t = %g (%s): written to %s\n", static_cast<long long>(x.size(0)), t,
                sde->name().c_str(), csvPath.c_str());
    return 0;
}

} // namespace scorescope::cli
