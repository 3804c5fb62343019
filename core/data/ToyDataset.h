#pragma once
#include "truth/GaussianMixture.h"

#include <torch/types.h>

#include <memory>
#include <optional>
#include <string>

namespace scorescope {

class Rng;

// A 2-D (or D-dimensional) toy distribution that training draws fresh samples from every step.
// Mixture-backed datasets also expose the exact density (closed-form truth, §5).
class ToyDataset {
public:
    virtual ~ToyDataset() = default;
    virtual std::string name() const = 0;
    virtual int64_t dim() const = 0;
    virtual torch::Tensor sample(int64_t n, Rng& rng) const = 0;  // [n, D] double
    virtual const GaussianMixture* mixture() const { return nullptr; }
};

class MixtureDataset : public ToyDataset {
public:
    explicit MixtureDataset(GaussianMixture mixture) : mixture_(std::move(mixture)) {}
    std::string name() const override { return mixture_.name; }
    int64_t dim() const override { return mixture_.dim(); }
    torch::Tensor sample(int64_t n, Rng& rng) const override { return mixture_.sample(n, rng); }
    const GaussianMixture* mixture() const override { return &mixture_; }

private:
    GaussianMixture mixture_;
};

// `spec` is a preset name (ring8, grid25, moons, swissroll, checkerboard, circles) or the path
// of a mixture JSON file. Throws Error naming the preset or file on failure.
std::unique_ptr<ToyDataset> loadToyDataset(const std::string& spec);

} // namespace scorescope
