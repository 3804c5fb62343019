#include "core/truth/DensityFrame.h"

#include "core/data/Dataset.h"
#include "core/train/DataPaths.h"
#include "core/train/TrainConfig.h"
#include "core/truth/GaussianMixture.h"
#include "core/truth/MixtureTruth.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace scorescope {

DensityFrame densityFrame(const GaussianMixture& mixture, int cells)
{
    torch::NoGradGuard noGrad;
    const double spread = 3.0 * std::sqrt(torch::linalg_eigvalsh(mixture.covariances, "L").max().item<double>());
    const auto x = mixture.means.select(1, 0), y = mixture.means.select(1, 1);
    const double x0 = x.min().item<double>() - spread, x1 = x.max().item<double>() + spread;
    const double y0 = y.min().item<double>() - spread, y1 = y.max().item<double>() + spread;
    const double half = 0.5 * std::max(x1 - x0, y1 - y0), cx = 0.5 * (x0 + x1), cy = 0.5 * (y0 + y1);
    DensityFrame out{{cx - half, cx + half, cy - half, cy + half, cells, cells}, {}};
    const auto centres = out.grid.centres();
    const auto points = torch::tensor(centres, torch::kDouble).reshape({-1, 2});
    // At t = 0 the kernel is the identity: a = 1, s = 0 (§5).
    const MixtureTruth truth(mixture, torch::ones({}, torch::kDouble), torch::zeros({}, torch::kDouble));
    const auto logDensity = truth.logDensity(points);
    const auto relative = (logDensity - logDensity.max()).exp().to(torch::kFloat).contiguous();
    out.relative.assign(relative.data_ptr<float>(), relative.data_ptr<float>() + relative.numel());
    return out;
}

std::optional<DensityFrame> runDensityFrame(const TrainConfig& config, const std::string& runDir, int cells)
{
    const auto confined = confinedToRun(config, runDir, runDir + "/config.json");
    const auto data = loadDataset(confined.dataset, confined.images);
    const auto* mixture = data->mixture();
    if (!mixture || mixture->dim() != 2)
        return std::nullopt;
    return densityFrame(*mixture, cells);
}

} // namespace scorescope
