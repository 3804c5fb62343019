#include "core/truth/DataPosterior.h"

#include "core/common/Rng.h"
#include "core/objective/StableTargetField.h"
#include "core/truth/GaussianMixture.h"
#include "core/truth/MixtureTruth.h"

#include <torch/torch.h>

namespace scorescope {

namespace {

torch::Tensor scalar(double v) { return torch::full({}, v, torch::kDouble); }

class MixturePosterior : public DataPosterior {
public:
    explicit MixturePosterior(const GaussianMixture& mixture) : mixture_(mixture) {}

    torch::Tensor samplePrior(int64_t n, Rng& rng) const override { return mixture_.sample(n, rng); }

    torch::Tensor samplePosterior(const torch::Tensor& x, double a, double s, int64_t count, Rng& rng) const override
    {
        const MixtureTruth truth(mixture_, scalar(a), scalar(s));
        const int64_t N = x.size(0), D = x.size(1);
        const auto k = rng.categorical(truth.responsibilities(x), count).t().reshape({-1});  // [count·N]
        const auto rows = torch::arange(N, torch::kLong).repeat({count});
        const auto means = truth.posteriorMeans(x).index({rows, k});                        // [count·N, D]
        const auto chol = torch::linalg_cholesky(truth.posteriorCovariances()[0]).index_select(0, k);
        const auto z = rng.normal({count * N, D, 1}, torch::TensorOptions().dtype(torch::kDouble));
        return (means + torch::matmul(chol, z).squeeze(-1)).reshape({count, N, D});
    }

    Truth truth(const torch::Tensor& x, double a, double s) const override
    {
        const MixtureTruth truth(mixture_, scalar(a), scalar(s));
        return {truth.score(x), truth.posteriorCovariance(x).diagonal(0, -2, -1).sum(-1)};
    }

private:
    GaussianMixture mixture_;
};

class EmpiricalPosterior : public DataPosterior {
public:
    explicit EmpiricalPosterior(const torch::Tensor& pool) : pool_(pool.to(torch::kDouble).flatten(1)) {}

    torch::Tensor samplePrior(int64_t n, Rng& rng) const override
    {
        return pool_.index_select(0, rng.categorical(torch::ones({pool_.size(0)}, torch::kDouble), n));
    }

    torch::Tensor samplePosterior(const torch::Tensor& x, double a, double s, int64_t count, Rng& rng) const override
    {
        const auto w = torch::softmax(referenceLogits(x, scalar(a), scalar(s), pool_), 1);
        const auto k = rng.categorical(w, count).t().reshape({-1});
        return pool_.index_select(0, k).reshape({count, x.size(0), pool_.size(1)});
    }

    Truth truth(const torch::Tensor& x, double a, double s) const override
    {
        const auto weights = stableTargets(x, scalar(a), scalar(s), {}, pool_, 4096, /*diagnostics=*/false);
        return {weights.score(x.to(torch::kDouble), scalar(a), scalar(s)), weights.posteriorTrace};
    }

private:
    torch::Tensor pool_;
};

} // namespace

std::unique_ptr<DataPosterior> mixturePosterior(const GaussianMixture& mixture)
{
    return std::make_unique<MixturePosterior>(mixture);
}

std::unique_ptr<DataPosterior> empiricalPosterior(const torch::Tensor& pool)
{
    return std::make_unique<EmpiricalPosterior>(pool);
}

} // namespace scorescope
