#include "core/analysis/HorizonAnalysis.h"

#include "core/common/Error.h"
#include "core/common/Rng.h"
#include "core/data/MixtureDataset.h"
#include "core/metrics/ScoreError.h"
#include "core/prior/GaussianPrior.h"
#include "core/truth/MixtureTruth.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scorescope {

namespace {

// KL[p_T ‖ ν] = E_{p_T}[ln p_T − ln ν], with the closed-form p_T (§5).
MeanEstimate klFromMarginal(const Sde& sde, const GaussianMixture& mixture, const Prior& nu, int64_t n, Rng& rng)
{
    const double T = sde.horizon();
    const auto a = torch::full({}, sde.meanCoeffAt(T), torch::kDouble), s = torch::full({}, sde.stdAt(T), torch::kDouble);
    const auto x = a * mixture.sample(n, rng) + s * rng.normal({n, mixture.dim()}, torch::TensorOptions().dtype(torch::kDouble));
    return meanWithError(MixtureTruth(mixture, a, s).logDensity(x) - nu.logProb(x));
}

// G(θ, T) by the trapezoid rule in u = ln t over log-spaced nodes that include every T asked for;
// the nodes are independent Monte-Carlo estimates, so their variances add with the weights squared.
std::vector<MeanEstimate> scoreMatchingGap(ScoreFunction& model, const Sde& sde, const GaussianMixture& mixture,
                                         const std::vector<double>& horizons, const HorizonOptions& o, Rng& rng)
{
    const double top = *std::max_element(horizons.begin(), horizons.end());
    std::vector<double> nodes;
    for (int64_t j = 0; j < o.gapNodes; ++j)
        nodes.push_back(o.eps * std::pow(top / o.eps, static_cast<double>(j) / static_cast<double>(o.gapNodes - 1)));
    nodes.insert(nodes.end(), horizons.begin(), horizons.end());
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());

    const auto rows = scoreErrorByTime(model, sde, mixture, nodes, o.gapPoints, rng);
    std::vector<MeanEstimate> gaps;
    for (double T : horizons) {
        const auto last = static_cast<size_t>(std::find(nodes.begin(), nodes.end(), T) - nodes.begin());
        double sum = 0.0, variance = 0.0;
        for (size_t j = 0; j <= last; ++j) {
            // Trapezoid weight of node j in u = ln t, times dt/du = t and the ½g² of the integrand.
            const double left = j > 0 ? std::log(nodes[j]) - std::log(nodes[j - 1]) : 0.0;
            const double right = j < last ? std::log(nodes[j + 1]) - std::log(nodes[j]) : 0.0;
            const double g = sde.diffusionAt(nodes[j]);
            const double w = 0.5 * (left + right) * nodes[j] * 0.5 * g * g;
            sum += w * rows[j].mse;
            variance += w * w * rows[j].mseStderr * rows[j].mseStderr;
        }
        gaps.push_back({sum, std::sqrt(variance)});
    }
    return gaps;
}

} // namespace

std::vector<HorizonRow> analyzeHorizon(const GaussianMixture& mixture, const SdeConfig& base, const HorizonOptions& o,
                                       ScoreFunction* model, double modelHorizon)
{
    if (o.horizons.empty() || o.points < 2 || o.gapNodes < 2 || o.gapPoints < 2 || !(o.eps > 0.0))
        throw Error("horizon analysis: a non-empty T grid, at least two points and nodes, and ε > 0 are needed");
    validate(o.auxiliary);
    Rng rng(o.seed);
    const MixtureDataset data(mixture);
    std::vector<HorizonRow> rows;
    for (double T : o.horizons) {
        if (!(T > o.eps))
            throw Error("horizon analysis: every T must exceed ε = " + std::to_string(o.eps));
        SdeConfig config = base;
        config.T = T;
        const auto sde = makeSde(config);
        HorizonRow r;
        r.T = T;
        r.meanCoeff = sde->meanCoeffAt(T);
        r.std = sde->stdAt(T);
        r.klGaussian = klFromMarginal(*sde, mixture, GaussianPrior(sde->priorStd()), o.points, rng);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        r.klAuxiliary = r.gap = {nan, nan};
        if (o.auxiliary.auxiliary()) {
            const auto nu = makePrior(o.auxiliary, *sde, data, o.seed + static_cast<uint64_t>(rows.size()), torch::kCPU);
            r.klAuxiliary = klFromMarginal(*sde, mixture, *nu, o.points, rng);
        }
        rows.push_back(r);
    }
    if (model) {
        std::vector<double> within;
        for (const auto& r : rows)
            if (r.T <= modelHorizon + 1e-12)
                within.push_back(r.T);
        if (!within.empty()) {
            SdeConfig config = base;
            config.T = *std::max_element(within.begin(), within.end());
            const auto gaps = scoreMatchingGap(*model, *makeSde(config), mixture, within, o, rng);
            for (size_t i = 0; i < within.size(); ++i)
                for (auto& r : rows)
                    if (r.T == within[i])
                        r.gap = gaps[i];
        }
    }
    return rows;
}

} // namespace scorescope
