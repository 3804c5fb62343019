#include "core/playground/RegimeMap.h"

#include "core/analysis/StfVarianceAnalysis.h"
#include "core/common/Rng.h"
#include "core/objective/StableTargetField.h"
#include "core/sde/Sde.h"
#include "core/truth/GaussianMixture.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

Regime regimeOf(double maxWeight, double ess, int64_t referenceSize)
{
    StfVarianceOptions thresholds;
    thresholds.referenceSize = referenceSize;
    const auto name = stfRegime(maxWeight, ess, thresholds);
    return name == "near" ? Regime::Near : name == "far" ? Regime::Far : Regime::Intermediate;
}

std::string regimeName(Regime regime)
{
    switch (regime) {
    case Regime::Near: return "near";
    case Regime::Far: return "far";
    default: return "intermediate";
    }
}

namespace {

// Weights of each row of x [N, 2] over one reference batch (no own sample): max weight and ESS.
std::pair<torch::Tensor, torch::Tensor> weightStatistics(const torch::Tensor& x, const torch::Tensor& reference,
                                                         double a, double s)
{
    const auto targets = stableTargets(x, torch::tensor(a, torch::kDouble), torch::tensor(s, torch::kDouble),
                                       torch::Tensor(), reference);
    return {targets.maxWeight, targets.ess};
}

torch::Tensor referenceBatch(const GaussianMixture& mixture, int64_t n, uint64_t seed)
{
    Rng rng(seed);
    return mixture.sample(n, rng);
}

} // namespace

std::vector<Regime> regimeMap(const GaussianMixture& mixture, const Sde& sde, double t, const PlaneGrid& grid,
                              int64_t referenceSize, uint64_t seed)
{
    auto centres = grid.centres();
    const auto x = torch::from_blob(centres.data(), {grid.cells(), 2}, torch::kDouble);
    const auto [maxWeight, ess] = weightStatistics(x, referenceBatch(mixture, referenceSize, seed), sde.meanCoeffAt(t),
                                                   sde.stdAt(t));
    const auto mw = maxWeight.contiguous(), e = ess.contiguous();
    std::vector<Regime> out(grid.cells());
    for (int i = 0; i < grid.cells(); ++i)
        out[i] = regimeOf(mw.data_ptr<double>()[i], e.data_ptr<double>()[i], referenceSize);
    return out;
}

RegimeStrip regimeStrip(const GaussianMixture& mixture, const Sde& sde, double maxRadius, int times, int radii,
                        int64_t referenceSize, uint64_t seed, int directions)
{
    RegimeStrip strip;
    const auto reference = referenceBatch(mixture, referenceSize, seed);
    const auto centre = (mixture.weights.unsqueeze(1) * mixture.means).sum(0);  // E[y]
    const double lo = std::log(sde.samplingEps()), hi = std::log(sde.horizon());
    for (int i = 0; i < times; ++i)
        strip.times.push_back(std::exp(lo + (hi - lo) * i / std::max(1, times - 1)));
    for (int j = 0; j < radii; ++j)
        strip.radii.push_back(maxRadius * j / std::max(1, radii - 1));
    const auto angle = torch::arange(directions, torch::kDouble) * (2.0 * M_PI / directions);
    const auto unit = torch::stack({torch::cos(angle), torch::sin(angle)}, 1);                 // [dirs, 2]
    const auto r = torch::tensor(strip.radii, torch::kDouble).view({-1, 1, 1});                 // [radii, 1, 1]
    const auto ring = (r * unit.unsqueeze(0)).reshape({-1, 2});                                // [radii·dirs, 2]
    for (double t : strip.times) {
        const double a = sde.meanCoeffAt(t);
        const auto [maxWeight, ess] = weightStatistics(a * centre + ring, reference, a, sde.stdAt(t));
        const auto mw = maxWeight.view({radii, directions}).mean(1), e = ess.view({radii, directions}).mean(1);
        for (int j = 0; j < radii; ++j)
            strip.regime.push_back(regimeOf(mw[j].item<double>(), e[j].item<double>(), referenceSize));
    }
    return strip;
}

} // namespace scorescope
