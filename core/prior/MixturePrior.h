#pragma once
#include "core/prior/Prior.h"

namespace scorescope {

struct EmOptions {
    int64_t components = 8;
    bool fullCovariance = true;    // false: diagonal covariances
    int64_t iterations = 200;      // at most
    double tolerance = 1e-7;       // stop when the objective per point gains less than this
    // λ of the covariance penalty −½λ Σ_k tr(Σ_k⁻¹), as a fraction of the data's mean variance: it
    // keeps components from collapsing onto a point while every step stays an exact (MAP) EM step.
    double regularisation = 1e-3;
    int64_t restarts = 1;          // independent starts; the best final objective wins
};

// An auxiliary prior ν = Σ_k π_k N(μ_k, Σ_k) fitted by maximum likelihood with EM (§4.4), in any
// dimension, with full or diagonal covariances. Parameters in double; Σ_k kept as its Cholesky
// factor (full) or its standard deviations (diagonal).
class MixturePrior : public Prior {
public:
    // `scale`: Cholesky factors [K, D, D], or standard deviations [K, D] for diagonal covariances.
    MixturePrior(torch::Tensor weights, torch::Tensor means, torch::Tensor scale);

    // Fits to `data` [N, ...] from k-means++ seeds as means. `objective` receives the penalised
    // mean log-likelihood of the start and of every iterate of the best start; EM never decreases it.
    static std::shared_ptr<MixturePrior> fit(const torch::Tensor& data, const EmOptions& options, Rng& rng,
                                             std::vector<double>* objective = nullptr);

    std::string kind() const override { return "gmm"; }
    torch::Tensor logProb(const torch::Tensor& x) const override;
    torch::Tensor sample(int64_t n, const std::vector<int64_t>& sampleShape, Rng& rng,
                         const torch::TensorOptions& options) const override;
    void save(TensorArchive& archive) const override;
    static std::shared_ptr<MixturePrior> load(const TensorArchive& archive);

    bool fullCovariance() const { return scale_.dim() == 3; }
    const torch::Tensor& weights() const { return weights_; }
    const torch::Tensor& means() const { return means_; }
    torch::Tensor covariances() const;  // [K, D, D]

private:
    static std::shared_ptr<MixturePrior> fitOnce(const torch::Tensor& data, const EmOptions& options, Rng& rng,
                                                 std::vector<double>& objective);
    torch::Tensor componentLogDensity(const torch::Tensor& x) const;  // ln π_k + ln N(x; μ_k, Σ_k), [N, K]

    torch::Tensor weights_, means_, scale_;
};

} // namespace scorescope
