#pragma once
#include "core/data/Dataset.h"

namespace scorescope {

// A Gaussian mixture as training data: fresh samples every step, exact density on request.
class MixtureDataset : public Dataset {
public:
    explicit MixtureDataset(GaussianMixture mixture) : mixture_(std::move(mixture)) {}
    std::string name() const override { return mixture_.name; }
    std::vector<int64_t> sampleShape() const override { return {mixture_.dim()}; }
    torch::Tensor sample(int64_t n, Rng& rng) const override { return mixture_.sample(n, rng); }
    const GaussianMixture* mixture() const override { return &mixture_; }

private:
    GaussianMixture mixture_;
};

} // namespace scorescope
