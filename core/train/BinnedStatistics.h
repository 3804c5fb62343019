#pragma once
#include "core/run/BinnedWindow.h"

#include <torch/types.h>

#include <string>
#include <vector>

namespace scorescope {

// Per-sample values binned over log10 σ (or another positive variable, such as t) and accumulated
// over a window of steps: mean, spread and count per bin, as the live per-time views show them
// (loss scale, STF weights, the drawn t).
class BinnedStatistics {
public:
    // `axis` names the bin centres of take()'s window: "log10_sigma", or "log10_t" when binning times.
    BinnedStatistics(double sigmaMin, double sigmaMax, int bins = 16, std::string axis = "log10_sigma");

    // The bin of each σ [B] as a long tensor; σ outside [σ_min, σ_max] goes to the end bins.
    torch::Tensor binOf(const torch::Tensor& sigma) const;
    // sigma and each value: [B] per-sample tensors.
    void add(const torch::Tensor& sigma, const std::vector<std::pair<std::string, torch::Tensor>>& values);

    // The window since the last take (means and spreads NaN in empty bins); then starts a new one.
    BinnedWindow take();

    int bins() const { return bins_; }

private:
    struct Series {
        std::string name;
        std::vector<double> sum, sumSquares;
    };
    double lo_, hi_;
    int bins_;
    std::string axis_;
    std::vector<double> count_;
    std::vector<Series> series_;
};

} // namespace scorescope
