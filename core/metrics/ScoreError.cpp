#include "core/metrics/ScoreError.h"

#include "core/common/Rng.h"
#include "core/nn/ScoreFunction.h"
#include "core/sde/Sde.h"
#include "core/truth/MixtureTruth.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace scorescope {

std::vector<double> scoreErrorTimes(const Sde& sde, int levels)
{
    const double sMin = sde.sigmaAt(sde.trainingEps()), sMax = sde.sigmaAt(sde.horizon());
    std::vector<double> times;
    for (int i = 0; i < levels; ++i)
        times.push_back(std::clamp(sde.timeOfSigmaAt(sMin * std::pow(sMax / sMin, i / double(levels - 1))),
                                   sde.trainingEps(), sde.horizon()));
    return times;
}

std::vector<ScoreErrorRow> scoreErrorByTime(ScoreFunction& model, const Sde& sde, const GaussianMixture& mixture,
                                            const std::vector<double>& times, int64_t points, Rng& rng)
{
    torch::NoGradGuard noGrad;
    const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
    std::vector<ScoreErrorRow> rows;
    for (const double t : times) {
        const double a = sde.meanCoeffAt(t), s = sde.stdAt(t);
        const auto x = a * mixture.sample(points, rng) + s * rng.normal({points, mixture.dim()}, f64);
        const MixtureTruth truth(mixture, torch::full({}, a, f64), torch::full({}, s, f64));
        const auto exact = truth.score(x);
        const auto err = (model.score(x, torch::full({points}, t, f64)).to(torch::kDouble) - exact).pow(2).sum(1);
        ScoreErrorRow row;
        row.t = t;
        row.sigma = sde.sigmaAt(t);
        row.mse = err.mean().item<double>();
        row.mseStderr = err.std().item<double>() / std::sqrt(double(points));
        row.relative = row.mse / exact.pow(2).sum(1).mean().item<double>();
        rows.push_back(row);
    }
    return rows;
}

} // namespace scorescope
