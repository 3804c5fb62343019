#include "core/playground/PlanarMixture.h"

#include "core/common/Error.h"
#include "core/data/MixtureJson.h"
#include "core/data/ToyPresets.h"
#include "core/truth/GaussianMixture.h"

#include <torch/torch.h>

namespace scorescope {

GaussianMixture toGaussianMixture(const PlanarMixture& mixture)
{
    const auto n = static_cast<int64_t>(mixture.components.size());
    if (n == 0)
        throw Error(mixture.name, "the mixture has no component");
    const auto options = torch::TensorOptions().dtype(torch::kDouble);
    auto weights = torch::empty({n}, options), means = torch::empty({n, 2}, options), covs = torch::empty({n, 2, 2}, options);
    for (int64_t k = 0; k < n; ++k) {
        const auto& c = mixture.components[k];
        if (!(c.weight > 0.0))
            throw Error(mixture.name, "component " + std::to_string(k) + " has a weight that is not positive");
        if (!(c.cxx > 0.0 && c.cyy > 0.0 && c.cxx * c.cyy - c.cxy * c.cxy > 0.0))
            throw Error(mixture.name, "component " + std::to_string(k) + " has a covariance that is not positive definite");
        weights[k] = c.weight;
        means[k][0] = c.mx;
        means[k][1] = c.my;
        covs[k][0][0] = c.cxx;
        covs[k][0][1] = c.cxy;
        covs[k][1][0] = c.cxy;
        covs[k][1][1] = c.cyy;
    }
    return {mixture.name, weights / weights.sum(), means, covs};
}

PlanarMixture toPlanarMixture(const GaussianMixture& mixture, const std::string& origin)
{
    if (mixture.dim() != 2)
        throw Error(origin, "the playground edits 2-D mixtures; this one has " + std::to_string(mixture.dim()) +
                                      " dimensions");
    PlanarMixture planar{mixture.name, {}};
    const auto w = mixture.weights.contiguous(), m = mixture.means.contiguous(), c = mixture.covariances.contiguous();
    for (int64_t k = 0; k < mixture.components(); ++k)
        planar.components.push_back({w[k].item<double>(), m[k][0].item<double>(), m[k][1].item<double>(),
                                     c[k][0][0].item<double>(), c[k][0][1].item<double>(), c[k][1][1].item<double>()});
    return planar;
}

PlanarMixture readPlanarMixture(const std::string& path)
{
    return toPlanarMixture(readMixtureJson(path), path);
}

void writePlanarMixture(const PlanarMixture& mixture, const std::string& path)
{
    writeMixtureJson(toGaussianMixture(mixture), path);
}

std::vector<std::string> planarPresetNames()
{
    std::vector<std::string> names;
    for (const auto& name : toyPresetNames())
        if (auto data = makeToyPreset(name); data && data->mixture() && data->mixture()->dim() == 2)
            names.push_back(name);
    return names;
}

PlanarMixture planarPreset(const std::string& name)
{
    const auto data = makeToyPreset(name);
    if (!data || !data->mixture())
        throw Error(name, "not a mixture preset");
    return toPlanarMixture(*data->mixture(), name);
}

} // namespace scorescope
