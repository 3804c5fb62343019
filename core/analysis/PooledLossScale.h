#pragma once
#include "core/run/MetricsRow.h"

#include <string>
#include <vector>

namespace scorescope {

// A training run's per-noise-level statistics pooled over its last logging windows (`analyze
// loss-scale`; the loss scale of Soft Truncation §2.1): per σ bin the count; each series that has
// a spread ("loss") with its mean and spread pooled over the windows, weighted by count; the
// bin's share of the total loss; and its mean share of the gradient (runs with --gradient-bins).
struct PooledLossScale {
    struct Bin {
        double log10Sigma = 0.0;
        double t = MetricsRow::missing;  // runs written before bins carried their times lack it
        double count = 0.0;
        double lossShare = 0.0;
        double gradShare = MetricsRow::missing;
        std::vector<double> mean, spread;  // per name; NaN where no window had a value
    };
    std::vector<std::string> names;
    std::vector<Bin> bins;
    size_t windows = 0;  // how many were pooled
};

// The last `windows` rows with loss bins. Throws Error naming `logPath` when none has bins, or
// when the bins change between the rows pooled.
PooledLossScale poolLossScale(const std::vector<MetricsRow>& rows, size_t windows, const std::string& logPath);

} // namespace scorescope
