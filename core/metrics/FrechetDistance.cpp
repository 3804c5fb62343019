#include "core/metrics/FrechetDistance.h"

#include "core/common/Rng.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

namespace {
torch::Tensor sqrtm(const torch::Tensor& s)
{
    const auto [evals, evecs] = torch::linalg_eigh(s, "L");
    return torch::matmul(evecs * evals.clamp_min(0.0).sqrt().unsqueeze(0), evecs.t());
}

torch::Tensor covariance(const torch::Tensor& x)
{
    const auto c = x - x.mean(0, true);
    return torch::matmul(c.t(), c) / static_cast<double>(x.size(0) - 1);
}
}

double frechetDistance(const torch::Tensor& ain, const torch::Tensor& bin)
{
    const auto a = ain.to(torch::kCPU, torch::kDouble), b = bin.to(torch::kCPU, torch::kDouble);
    const auto s1 = covariance(a), s2 = covariance(b);
    const auto r1 = sqrtm(s1);
    const auto cross = sqrtm(torch::matmul(torch::matmul(r1, s2), r1));
    return ((a.mean(0) - b.mean(0)).pow(2).sum() + torch::trace(s1) + torch::trace(s2) - 2.0 * torch::trace(cross))
        .item<double>();
}

KidEstimate kernelDistance(const torch::Tensor& ain, const torch::Tensor& bin, Rng& rng, int64_t subsets,
                           int64_t subsetSize)
{
    const auto a = ain.to(torch::kCPU, torch::kDouble), b = bin.to(torch::kCPU, torch::kDouble);
    const int64_t n = std::min(a.size(0), b.size(0));
    const int64_t m = std::max<int64_t>(2, std::min(subsetSize, n / 2));
    const double d = static_cast<double>(a.size(1));
    auto kernel = [&](const torch::Tensor& x, const torch::Tensor& y) { return (torch::matmul(x, y.t()) / d + 1.0).pow(3); };
    auto offDiag = [&](const torch::Tensor& k) { return ((k.sum() - k.diagonal().sum()) / double(m * (m - 1))).item<double>(); };
    std::vector<double> values;
    for (int64_t i = 0; i < subsets; ++i) {
        const auto ia = std::get<1>(torch::sort(rng.uniform({a.size(0)}))).slice(0, 0, m);
        const auto ib = std::get<1>(torch::sort(rng.uniform({b.size(0)}))).slice(0, 0, m);
        const auto x = a.index_select(0, ia), y = b.index_select(0, ib);
        values.push_back(offDiag(kernel(x, x)) + offDiag(kernel(y, y)) - 2.0 * kernel(x, y).mean().item<double>());
    }
    const auto v = torch::tensor(values, torch::kDouble);
    return {v.mean().item<double>(), subsets > 1 ? v.std().item<double>() * std::sqrt(double(m) / double(n - m)) : 0.0};
}

} // namespace scorescope
