#include "core/metrics/SampleMetrics.h"

#include "core/common/Rng.h"
#include "core/truth/MixtureTruth.h"

#include <torch/torch.h>

namespace scorescope {

namespace {

torch::Tensor f64(const torch::Tensor& t) { return t.to(torch::kCPU, torch::kDouble).flatten(1); }

// Mean of the off-diagonal entries of a square matrix.
double offDiagonalMean(const torch::Tensor& K)
{
    const double n = static_cast<double>(K.size(0));
    return ((K.sum() - K.diagonal().sum()) / (n * (n - 1.0))).item<double>();
}

// Linear interpolation of sorted columns at `q` quantile levels in [0, 1].
torch::Tensor quantiles(const torch::Tensor& sorted, int64_t q)
{
    const int64_t n = sorted.size(0);
    const auto pos = torch::linspace(0.0, static_cast<double>(n - 1), q, torch::kDouble);
    const auto lo = pos.floor().to(torch::kLong).clamp_max(n - 1);
    const auto hi = (lo + 1).clamp_max(n - 1);
    const auto w = (pos - lo.to(torch::kDouble)).unsqueeze(1);
    return sorted.index_select(0, lo) * (1.0 - w) + sorted.index_select(0, hi) * w;
}

} // namespace

double energyDistance(const torch::Tensor& Xin, const torch::Tensor& Yin)
{
    const auto X = f64(Xin), Y = f64(Yin);
    return 2.0 * torch::cdist(X, Y).mean().item<double>() - offDiagonalMean(torch::cdist(X, X)) -
           offDiagonalMean(torch::cdist(Y, Y));
}

double mmdRbf(const torch::Tensor& Xin, const torch::Tensor& Yin)
{
    const auto X = f64(Xin), Y = f64(Yin);
    const auto Z = torch::cat({X, Y});
    const auto d2 = torch::cdist(Z, Z).pow(2);
    const int64_t N = Z.size(0);
    const auto upper = d2.masked_select(torch::ones({N, N}, torch::kBool).triu(1));
    const double h2 = std::max(upper.median().item<double>(), 1e-12);
    const auto K = torch::exp(-d2 / (2.0 * h2));
    const int64_t n = X.size(0);
    return offDiagonalMean(K.slice(0, 0, n).slice(1, 0, n)) + offDiagonalMean(K.slice(0, n).slice(1, n)) -
           2.0 * K.slice(0, 0, n).slice(1, n).mean().item<double>();
}

double slicedWasserstein(const torch::Tensor& Xin, const torch::Tensor& Yin, Rng& rng, int64_t projections)
{
    const auto X = f64(Xin), Y = f64(Yin);
    auto dirs = rng.normal({X.size(1), projections}, torch::TensorOptions().dtype(torch::kDouble));
    dirs = dirs / dirs.norm(2, 0, true);
    const auto px = std::get<0>(torch::sort(torch::matmul(X, dirs), 0));
    const auto py = std::get<0>(torch::sort(torch::matmul(Y, dirs), 0));
    const int64_t q = std::max(X.size(0), Y.size(0));
    const auto qx = px.size(0) == q ? px : quantiles(px, q);
    const auto qy = py.size(0) == q ? py : quantiles(py, q);
    return (qx - qy).pow(2).mean().sqrt().item<double>();
}

ModeCoverage modeCoverage(const torch::Tensor& samples, const GaussianMixture& mixture)
{
    const auto X = f64(samples);
    const auto zero = torch::zeros({}, torch::kDouble);
    const MixtureTruth truth(mixture, torch::ones({}, torch::kDouble), zero);
    const auto nearest = truth.responsibilities(X).argmax(1);
    const auto diff = X - mixture.means.index_select(0, nearest);
    const auto L = torch::linalg_cholesky(mixture.covariances).index_select(0, nearest);
    const auto maha = torch::cholesky_solve(diff.unsqueeze(-1), L).squeeze(-1).mul(diff).sum(1).sqrt();
    const auto within = maha <= 4.0;

    ModeCoverage c;
    c.modes = mixture.components();
    c.fractionWithin4Std = within.to(torch::kDouble).mean().item<double>();
    const auto counts = torch::bincount(nearest.masked_select(within), {}, c.modes);
    const double n = static_cast<double>(X.size(0));
    for (int64_t k = 0; k < c.modes; ++k) {
        const int64_t count = counts[k].item<int64_t>();
        c.counts.push_back(count);
        if (count >= 0.25 * mixture.weights[k].item<double>() * n)
            ++c.covered;
    }
    return c;
}

} // namespace scorescope
