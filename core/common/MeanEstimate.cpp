#include "core/common/MeanEstimate.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

MeanEstimate meanWithError(const torch::Tensor& samples)
{
    const auto n = samples.numel();
    return {samples.mean().item<double>(), n > 1 ? samples.std().item<double>() / std::sqrt(static_cast<double>(n)) : 0.0};
}

} // namespace scorescope
