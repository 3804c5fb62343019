#pragma once
#include "core/truth/GaussianMixture.h"

#include <torch/types.h>

namespace scorescope {

// Closed-form quantities of a Gaussian mixture pushed through the kernel x = a y + s z (§5):
// C_k = a²Σ_k + s²I, p_t(x) = Σ π_k N(x; aμ_k, C_k), responsibilities r_k(x), the score, the
// posterior y | x (a mixture with weights r_k, means m_k, covariances P_k) and the optimal denoiser.
// a and s are scalars or per-point tensors [N]; everything is differentiable in x.
class MixtureTruth {
public:
    MixtureTruth(const GaussianMixture& mixture, const torch::Tensor& a, const torch::Tensor& s);

    torch::Tensor logDensity(const torch::Tensor& x) const;        // [N]
    torch::Tensor responsibilities(const torch::Tensor& x) const;  // [N, K]
    torch::Tensor score(const torch::Tensor& x) const;             // [N, D]
    torch::Tensor posteriorMeans(const torch::Tensor& x) const;    // m_k [N, K, D]
    torch::Tensor posteriorCovariances() const;                    // P_k [N or 1, K, D, D]
    torch::Tensor denoiser(const torch::Tensor& x) const;          // E[y | x], [N, D]
    torch::Tensor posteriorCovariance(const torch::Tensor& x) const; // Cov[y | x], [N, D, D]

private:
    struct Terms {
        torch::Tensor logJoint;   // ln π_k + ln N(x; aμ_k, C_k)  [N, K]
        torch::Tensor solved;     // C_k⁻¹ (x − aμ_k)              [N, K, D]
    };
    Terms terms(const torch::Tensor& x) const;

    GaussianMixture mixture_;
    torch::Tensor a_, s_;         // [N or 1, 1, 1, 1] for broadcasting against [N, K, D, D]
    torch::Tensor cholesky_;      // of C_k, [N or 1, K, D, D]
};

} // namespace scorescope
