#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace scorescope {

class DataPosterior;
class Rng;
class Sde;

struct StfVarianceOptions {
    int64_t referenceSize = 1024;  // n, the own sample included
    int64_t samples = 256;         // noisy points x per noise level
    int64_t replicates = 32;       // STF reference batches drawn per x
    // STF puts the sample's own clean y_1 ~ p(y | x) in the batch (§3.3), which makes the target
    // exactly unbiased given x (the batch's law is symmetric once weighted by p_t(x | y_i)).
    // Without it the batch is n draws of p_0: plain self-normalised IS, biased by O(1/n) (§3.4).
    bool includeOwn = true;
    // Regimes (§3.2) from the weights: near field where the mean max weight reaches nearMaxWeight,
    // far field where the mean effective sample size reaches farEss·n, intermediate between.
    double nearMaxWeight = 0.9;
    double farEss = 0.5;
};

// One noise level: target variances in score units (mean over x of tr Cov[target | x]), the STF
// bias, and the weight statistics (§3.2–3.4).
struct StfVarianceRow {
    double sigma = 0.0, t = 0.0;
    double vDsm = 0.0;       // E_x a² tr Cov[y | x]/s⁴, exact given the posterior
    double vStf = 0.0;       // E_x tr Cov[ŝ_STF | x], across replicate reference batches
    double ratio = 0.0;      // vStf / vDsm
    double bias = 0.0;       // sqrt(E_x ‖E[ŝ_STF | x] − ∇log p_t(x)‖²), corrected for the replicate noise
    double maxWeight = 0.0;  // mean over x and replicates of max_i w_i
    double ess = 0.0;        // mean of 1/Σ w_i²
    std::string regime;      // near, intermediate or far
};

// The regime of a noise level from its mean max weight and effective sample size (§3.2), by the
// thresholds of `options`; the live view classifies the training log's σ bins the same way.
std::string stfRegime(double maxWeight, double ess, const StfVarianceOptions& options);

// For each time: x ~ p_t from y ~ p_0, the exact DSM target covariance from the posterior, and
// `replicates` STF targets per x with y_1 ~ p(y | x) and y_2..n ~ p_0 (§3.8, §5).
std::vector<StfVarianceRow> analyseStfVariance(const DataPosterior& data, const Sde& sde, const std::vector<double>& times,
                                               const StfVarianceOptions& options, Rng& rng);

} // namespace scorescope
