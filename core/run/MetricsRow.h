#pragma once
#include "core/run/BinnedWindow.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

namespace scorescope {

// One row of a run's metrics log (metrics.jsonl), written at each logging step by the
// TrainingSession and read by the workbench's panels, its run follower, `analyze loss-scale` and
// the studies. Scalars a row lacks (older runs) read as NaN; windows it lacks as empty.
struct MetricsRow {
    static constexpr double missing = std::numeric_limits<double>::quiet_NaN();
    int64_t step = 0;
    double loss = missing;
    double lr = missing;
    double gradNorm = missing;
    double stepsPerSecond = missing;  // over the logging window
    double timeSeconds = missing;     // since this process began training
    // Per-sample loss over log10 σ, with the per-bin gradient shares and norms of --gradient-bins.
    std::optional<BinnedWindow> lossBins;
    std::optional<BinnedWindow> stfBins;   // STF's weights and target variances (STF runs)
    std::optional<BinnedWindow> timeBins;  // the drawn t over log10 t
    std::vector<double> tau;               // Soft Truncation's τ of each step in the window
};

nlohmann::ordered_json toJson(const MetricsRow& row);
// Throws std::invalid_argument naming what is wrong: no integer "step", a scalar that is not a
// number, bins that binnedWindowFromJson refuses. Keys it does not know are ignored.
MetricsRow metricsRowFromJson(const nlohmann::ordered_json& json);
// One line of metrics.jsonl; nullopt for a line that is not a row (cut by a crash, or not one).
std::optional<MetricsRow> parseMetricsLine(std::string_view line);

} // namespace scorescope
