#include "core/data/ToyPresets.h"

#include "core/common/Rng.h"
#include "core/data/MixtureDataset.h"

#include <torch/torch.h>

#include <cmath>
#include <functional>

namespace scorescope {

namespace {

const auto kDouble = torch::TensorOptions().dtype(torch::kDouble);

// ring8: eight equal components on a circle of radius 2, std 0.1.
GaussianMixture ring8()
{
    const auto angle = torch::arange(8, kDouble) * (2.0 * M_PI / 8.0);
    const auto means = 2.0 * torch::stack({torch::cos(angle), torch::sin(angle)}, 1);
    return GaussianMixture::isotropic("ring8", torch::ones({8}, kDouble), means, torch::full({8}, 0.1, kDouble));
}

// grid25: a 5×5 grid with spacing 1 centred at the origin, std 0.1.
GaussianMixture grid25()
{
    const auto axis = torch::arange(-2, 3, kDouble);
    const auto grid = torch::meshgrid({axis, axis}, "ij");
    const auto means = torch::stack({grid[0].flatten(), grid[1].flatten()}, 1);
    return GaussianMixture::isotropic("grid25", torch::ones({25}, kDouble), means, torch::full({25}, 0.1, kDouble));
}

// Sample-only shapes: no closed form, compared by sample metrics.
class SampledDataset : public Dataset {
public:
    using Sampler = std::function<torch::Tensor(int64_t, Rng&)>;
    SampledDataset(std::string name, Sampler sampler) : name_(std::move(name)), sampler_(std::move(sampler)) {}
    std::string name() const override { return name_; }
    std::vector<int64_t> sampleShape() const override { return {2}; }
    torch::Tensor sample(int64_t n, Rng& rng) const override { return sampler_(n, rng); }

private:
    std::string name_;
    Sampler sampler_;
};

// Two interleaved half circles, centred and scaled to about unit spread, noise 0.05.
torch::Tensor moons(int64_t n, Rng& rng)
{
    const auto u = rng.uniform({n}, kDouble) * M_PI;
    const auto upper = rng.uniform({n}, kDouble) < 0.5;
    const auto x = torch::where(upper, torch::cos(u), 1.0 - torch::cos(u));
    const auto y = torch::where(upper, torch::sin(u), 0.5 - torch::sin(u));
    const auto pts = torch::stack({x - 0.5, y - 0.25}, 1) * 1.5;
    return pts + 0.05 * rng.normal({n, 2}, kDouble);
}

// Swiss roll: r = θ/(3π) for θ ∈ [1.5π, 4.5π], scaled to radius ~2, noise 0.05.
torch::Tensor swissroll(int64_t n, Rng& rng)
{
    const auto theta = M_PI * (1.5 + 3.0 * rng.uniform({n}, kDouble));
    const auto r = theta / (4.5 * M_PI) * 2.0;
    const auto pts = torch::stack({r * torch::cos(theta), r * torch::sin(theta)}, 1);
    return pts + 0.05 * rng.normal({n, 2}, kDouble);
}

// Checkerboard: uniform on the 8 dark cells of a 4×4 board over [-2, 2]².
torch::Tensor checkerboard(int64_t n, Rng& rng)
{
    const auto x = rng.uniform({n}, kDouble) * 4.0 - 2.0;
    const auto row = torch::floor(rng.uniform({n}, kDouble) * 2.0) * 2.0;    // 0 or 2
    const auto col = torch::floor(x + 2.0);                                   // 0..3
    const auto y = rng.uniform({n}, kDouble) + row + torch::remainder(col, 2.0) - 2.0;
    return torch::stack({x, y}, 1);
}

// Two concentric circles of radius 1 and 2, noise 0.05.
torch::Tensor circles(int64_t n, Rng& rng)
{
    const auto theta = rng.uniform({n}, kDouble) * (2.0 * M_PI);
    const auto r = torch::where(rng.uniform({n}, kDouble) < 0.5, 1.0, 2.0);
    const auto pts = torch::stack({r * torch::cos(theta), r * torch::sin(theta)}, 1);
    return pts + 0.05 * rng.normal({n, 2}, kDouble);
}

} // namespace

const std::vector<std::string>& toyPresetNames()
{
    static const std::vector<std::string> names{"ring8", "grid25", "moons", "swissroll", "checkerboard", "circles"};
    return names;
}

std::unique_ptr<Dataset> makeToyPreset(const std::string& name)
{
    if (name == "ring8") return std::make_unique<MixtureDataset>(ring8());
    if (name == "grid25") return std::make_unique<MixtureDataset>(grid25());
    if (name == "moons") return std::make_unique<SampledDataset>(name, moons);
    if (name == "swissroll") return std::make_unique<SampledDataset>(name, swissroll);
    if (name == "checkerboard") return std::make_unique<SampledDataset>(name, checkerboard);
    if (name == "circles") return std::make_unique<SampledDataset>(name, circles);
    return nullptr;
}

} // namespace scorescope
