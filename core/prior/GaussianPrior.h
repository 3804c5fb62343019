#pragma once
#include "core/prior/Prior.h"

namespace scorescope {

// The SDE's own prior N(0, σ_T² I) (§1.1, §4.1).
class GaussianPrior : public Prior {
public:
    explicit GaussianPrior(double std) : std_(std) {}
    std::string kind() const override { return "gaussian"; }
    torch::Tensor logProb(const torch::Tensor& x) const override;
    torch::Tensor sample(int64_t n, const std::vector<int64_t>& sampleShape, Rng& rng,
                         const torch::TensorOptions& options) const override;
    void save(TensorArchive& archive) const override;
    double std() const { return std_; }

private:
    double std_;
};

} // namespace scorescope
