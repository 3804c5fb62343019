#include "core/prior/GaussianPrior.h"

#include "core/common/Rng.h"

#include "core/run/TensorArchive.h"
#include <torch/torch.h>

#include <cmath>

namespace scorescope {

torch::Tensor GaussianPrior::logProb(const torch::Tensor& x) const
{
    const double var = std_ * std_;
    const auto flat = x.flatten(1);
    const double d = static_cast<double>(flat.size(1));
    return -0.5 * d * std::log(2.0 * M_PI * var) - flat.pow(2).sum(1) / (2.0 * var);
}

torch::Tensor GaussianPrior::sample(int64_t n, const std::vector<int64_t>& sampleShape, Rng& rng,
                                    const torch::TensorOptions& options) const
{
    std::vector<int64_t> shape{n};
    shape.insert(shape.end(), sampleShape.begin(), sampleShape.end());
    return rng.normal(shape, options) * std_;
}

void GaussianPrior::save(TensorArchive& archive) const
{
    archive.write("kind", kind());
    archive.write("std", torch::tensor(std_, torch::kDouble));
}

} // namespace scorescope
