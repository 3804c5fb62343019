#include "core/truth/GaussianMixture.h"

#include "core/common/Rng.h"

#include <torch/torch.h>

namespace scorescope {

torch::Tensor GaussianMixture::sample(int64_t n, Rng& rng) const
{
    const auto k = rng.categorical(weights, n);
    const auto L = torch::linalg_cholesky(covariances).index_select(0, k);            // [n, D, D]
    const auto z = rng.normal({n, dim(), 1}, torch::TensorOptions().dtype(torch::kDouble));
    return means.index_select(0, k) + torch::matmul(L, z).squeeze(-1);
}

GaussianMixture GaussianMixture::isotropic(std::string name, const torch::Tensor& weights, const torch::Tensor& means,
                                           const torch::Tensor& stds)
{
    const auto w = weights.to(torch::kDouble);
    const auto m = means.to(torch::kDouble);
    const auto eye = torch::eye(m.size(1), torch::kDouble);
    const auto var = stds.to(torch::kDouble).pow(2).view({-1, 1, 1});
    return {std::move(name), w / w.sum(), m, var * eye};
}

} // namespace scorescope
