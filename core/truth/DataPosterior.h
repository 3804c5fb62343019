#pragma once
#include <torch/types.h>

#include <memory>

namespace scorescope {

class GaussianMixture;
class Rng;

// A data distribution p_0 seen through the kernel x = a y + s z: samples of p_0, samples of the
// posterior p(y | x), its trace tr Cov[y | x] and the exact score ∇ log p_t(x) — the ground truth
// that DSM and STF targets are measured against (§3.1, §3.8, §5). Everything in float64, [N, D].
class DataPosterior {
public:
    virtual ~DataPosterior() = default;
    virtual torch::Tensor samplePrior(int64_t n, Rng& rng) const = 0;
    // `count` draws of y | x for each row of x: [count, N, D].
    virtual torch::Tensor samplePosterior(const torch::Tensor& x, double a, double s, int64_t count, Rng& rng) const = 0;
    struct Truth {
        torch::Tensor score;           // ∇ log p_t(x), [N, D]
        torch::Tensor posteriorTrace;  // tr Cov[y | x], [N]
    };
    // Both from one pass (one sweep of an empirical pool, one factorisation for a mixture).
    virtual Truth truth(const torch::Tensor& x, double a, double s) const = 0;
};

// Closed form for a Gaussian mixture (§5).
std::unique_ptr<DataPosterior> mixturePosterior(const GaussianMixture& mixture);
// p_0 uniform over the rows of `pool` [M, D] (data without a closed form: images, moons, …),
// for which the posterior is the softmax over the pool (§5, "empirical data").
std::unique_ptr<DataPosterior> empiricalPosterior(const torch::Tensor& pool);

} // namespace scorescope
