#include "core/sde/LinearBetaSchedule.h"

#include <torch/torch.h>

namespace scorescope {

torch::Tensor LinearBetaSchedule::beta(const torch::Tensor& t) const { return beta0 + t * (beta1 - beta0); }

torch::Tensor LinearBetaSchedule::integral(const torch::Tensor& t) const
{
    return beta0 * t + 0.5 * (beta1 - beta0) * t * t;
}

torch::Tensor LinearBetaSchedule::timeOfIntegral(const torch::Tensor& B) const
{
    const double d = beta1 - beta0;
    if (d == 0.0)
        return B / beta0;
    // Rationalised root 2B / (β0 + sqrt(β0² + 2dB)) avoids cancellation at small B.
    return 2.0 * B / (beta0 + torch::sqrt(beta0 * beta0 + 2.0 * d * B));
}

} // namespace scorescope
