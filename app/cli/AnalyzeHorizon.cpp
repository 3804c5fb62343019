#include "core/analysis/HorizonAnalysis.h"
#include "app/cli/Analyses.h"
#include "app/cli/ModelSource.h"
#include "core/common/Error.h"
#include "core/data/Dataset.h"
#include "core/run/PointsCsv.h"
#include "app/cli/TrainOptions.h"

#include <torch/torch.h>

#include <cmath>
#include <cstdio>

namespace scorescope::cli {

int analyzeHorizon(const std::vector<std::string>& args)
{
    ArgParser a("analyze horizon",
                "The ELBO's horizon trade-off on a Gaussian mixture (§4.2–4.3): at each T, the prior mismatch\n"
                "KL[p_T || N(0, s_T^2 I)] and KL[p_T || nu] for an auxiliary prior nu fitted to p_T (Monte\n"
                "Carlo with the closed-form p_T), and with --run, the trained model's score-matching gap\n"
                "G(theta, T) = 1/2 int_eps^T g^2 E||s_theta - grad log p_t||^2 dt and the sums gap + KL\n"
                "(the ELBO's shortfall from E log p_data). Standard errors are Monte-Carlo errors.",
                {{"dataset", "D", "a mixture preset (ring8, grid25) or mixture .json (with --run: in place of the run's)"},
                 {"sde", "KIND", "ve, vp or subvp (default: the run's, else vp)"},
                 {"t-grid", "T1,T2,...", "horizons (default 0.1,0.2,0.3,0.5,0.7,1)"},
                 {"points", "N", "Monte-Carlo points of each KL (default 20000)"},
                 {"aux", "KIND", "auxiliary prior fitted at each T: gmm, flow or none (default gmm)"},
                 {"aux-components", "K", "gmm: components (default: the mixture's)"},
                 {"aux-covariance", "C", "gmm: full or diag (default full)"},
                 {"aux-steps", "N", "EM iterations or flow steps (default 200 / 3000)"},
                 {"aux-restarts", "N", "gmm: EM starts, the best kept (default 4)"},
                 {"run", "DIR", "a trained run: adds its score-matching gap for every T up to its horizon"},
                 {"gap-nodes", "N", "quadrature nodes in log t for the gap (default 40)"},
                 {"gap-points", "N", "Monte-Carlo points at each node (default 2000)"},
                 {"eps", "E", "lower end of the gap's integral (default: the run's training eps, else 1e-5)"},
                 {"seed", "N", "seed (default 0)"},
                 {"csv", "FILE", "output CSV (required)"},
                 threadsOption()});
    if (!a.parseOrShowHelp(args))
        return 0;
    applyThreads(a);
    const std::string csvPath = a.required("csv");
    HorizonOptions o;
    if (a.has("t-grid"))
        o.horizons = a.numberList("t-grid");
    else
        o.horizons = {0.1, 0.2, 0.3, 0.5, 0.7, 1.0};
    o.points = a.positiveInt("points", o.points);
    o.gapNodes = a.positiveInt("gap-nodes", o.gapNodes);
    o.gapPoints = a.positiveInt("gap-points", o.gapPoints);
    o.seed = a.unsignedInt("seed", 0);

    std::unique_ptr<LoadedModel> loaded;
    SdeConfig sde = SdeConfig::defaults(SdeKind::VP);
    std::string dataset = a.str("dataset");
    if (a.has("run")) {
        loaded = std::make_unique<LoadedModel>(loadModel(a));
        sde = loaded->config.sde;
        o.eps = loaded->sde->trainingEps();
        dataset = loaded->config.dataset;  // --dataset, when given, replaced the run's (DataPaths.h)
    }
    if (dataset.empty())
        throw UsageError("give --dataset or --run");
    if (a.has("sde")) {
        const auto kind = parseSdeKind(a.choice("sde", {"ve", "vp", "subvp"}, ""));
        if (loaded && kind != sde.kind)
            throw UsageError("--sde differs from the run's SDE");
        sde = SdeConfig::defaults(kind);
    }
    if (sde.kind == SdeKind::EDM)
        throw UsageError("the horizon analysis needs a VE, VP or sub-VP SDE (EDM has no horizon T)");
    o.eps = a.positive("eps", o.eps);
    const auto data = loadDataset(dataset, {});
    const auto* mixture = data->mixture();
    if (!mixture)
        throw Error(dataset, "has no closed form (only Gaussian mixtures do)");

    const std::string aux = a.choice("aux", {"gmm", "flow", "none"}, "gmm");
    o.auxiliary.kind = aux == "none" ? "gaussian" : aux;
    o.auxiliary.components = a.positiveInt("aux-components", mixture->components());
    o.auxiliary.fullCovariance = a.choice("aux-covariance", {"full", "diag"}, "full") == "full";
    o.auxiliary.restarts = a.positiveInt("aux-restarts", 4);
    if (a.has("aux-steps"))
        o.auxiliary.fitSteps = a.positiveInt("aux-steps", 0);

    const double modelHorizon = loaded ? loaded->sde->horizon() : 0.0;
    const auto rows = analyzeHorizon(*mixture, sde, o, loaded ? loaded->model.get() : nullptr, modelHorizon);

    std::printf("%-6s %7s %7s %18s %18s %18s %12s %12s\n", "T", "a(T)", "s(T)", "KL gaussian", "KL auxiliary",
                "gap G", "gap+KL gau", "gap+KL aux");
    std::vector<std::vector<double>> cols(13);
    for (const auto& r : rows) {
        const double sumGaussian = r.gap.mean + r.klGaussian.mean, sumAux = r.gap.mean + r.klAuxiliary.mean;
        std::printf("%-6.3g %7.4f %7.4f %10.4g±%-7.2g %10.4g±%-7.2g %10.4g±%-7.2g %12.4g %12.4g\n", r.T, r.meanCoeff, r.std,
                    r.klGaussian.mean, r.klGaussian.stderr_, r.klAuxiliary.mean, r.klAuxiliary.stderr_, r.gap.mean,
                    r.gap.stderr_, sumGaussian, sumAux);
        const double values[] = {r.T, r.meanCoeff, r.std, r.klGaussian.mean, r.klGaussian.stderr_, r.klAuxiliary.mean,
                                 r.klAuxiliary.stderr_, r.gap.mean, r.gap.stderr_, sumGaussian, sumAux,
                                 r.klGaussian.mean - r.klAuxiliary.mean, modelHorizon};
        for (size_t i = 0; i < cols.size(); ++i)
            cols[i].push_back(values[i]);
    }
    std::vector<torch::Tensor> tensors;
    for (auto& c : cols)
        tensors.push_back(torch::tensor(c, torch::kDouble));
    writeColumnsCsv(csvPath,
                    {"T", "mean_coeff", "std", "kl_gaussian", "kl_gaussian_se", "kl_aux", "kl_aux_se", "gap", "gap_se",
                     "excess_gaussian", "excess_aux", "aux_gain", "model_T"},
                    tensors);
    std::printf("(nats per point; NaN: not computed)\nwritten to %s\n", csvPath.c_str());
    return 0;
}

} // namespace scorescope::cli
