#pragma once
#include <torch/types.h>

namespace scorescope {

class Sde;

// s(x, t) ≈ ∇_x log p_t(x). Implemented by trained networks and by closed-form truth, so
// samplers, likelihood and the GUI treat both alike. t is a scalar tensor or one time per row.
class ScoreFunction {
public:
    virtual ~ScoreFunction() = default;
    virtual torch::Tensor score(const torch::Tensor& x, const torch::Tensor& t) = 0;
};

// Tweedie's denoised estimate E[x_0 | x_t] = (x_t + s(t)² ∇log p_t(x_t)) / a(t)  (§5).
torch::Tensor tweedieDenoise(const Sde& sde, const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& score);

} // namespace scorescope
