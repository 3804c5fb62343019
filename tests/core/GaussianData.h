#pragma once
// Data N(0, vI) in D dimensions: diffused it stays Gaussian, so the exact score and the DSM loss
// of the exact score are closed form at every t (shared by the objective tests).
#include "core/nn/ScoreFunction.h"
#include "core/sde/Sde.h"

#include <torch/torch.h>

#include <memory>

namespace scorescope::testing {

constexpr double gaussianVariance = 0.7;  // v, per dimension
constexpr int64_t gaussianDim = 3;        // D

// ∇ log p_t(x) = −x/(a²v + s²)
class GaussianScore : public ScoreFunction {
public:
    explicit GaussianScore(std::shared_ptr<const Sde> sde) : sde_(std::move(sde)) {}
    torch::Tensor score(const torch::Tensor& x, const torch::Tensor& t) override
    {
        return -x / broadcastTo(sde_->meanCoeff(t).pow(2) * gaussianVariance + sde_->std(t).pow(2), x);
    }

private:
    std::shared_ptr<const Sde> sde_;
};

// ½ E‖s* + z/s‖² = ½ D a²v / (s² (a²v + s²))  (from s* = −x/c, x = a y + s z)
inline double optimalLossPerUnitWeight(const Sde& sde, double t)
{
    const double a = sde.meanCoeffAt(t), s = sde.stdAt(t), v = gaussianVariance;
    return 0.5 * gaussianDim * a * a * v / (s * s * (a * a * v + s * s));
}

} // namespace scorescope::testing
