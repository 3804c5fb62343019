#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace scorescope {

// One logging window of per-sample values binned over a log10 axis (BinnedStatistics::take): the
// bin centres, the count per bin, and each series' mean and spread per bin, NaN where a bin is
// empty. As written in a metrics row: {axis: centres, "count": [...], name: means,
// name + "_std": spreads, "t": times}, with null for NaN.
struct BinnedWindow {
    struct Series {
        std::string name;
        std::vector<double> mean;
        std::vector<double> spread;  // empty for per-bin values without one (the gradient shares)
    };
    std::string axis = "log10_sigma";  // or "log10_t"
    std::vector<double> centres;
    std::vector<double> count;
    // σ axes: the diffusion time of each bin centre. Empty in runs written before bins carried it.
    std::vector<double> t;
    std::vector<Series> series;

    // The series called `name`, or null.
    const Series* find(std::string_view name) const;
    // Its means, or an empty vector when this window has no such series.
    std::vector<double> mean(std::string_view name) const;
    std::vector<double> sigmas() const;  // 10^centre
};

nlohmann::ordered_json toJson(const BinnedWindow& window);
// Throws std::invalid_argument naming what is wrong (no axis, a value that is not a number, or
// a series whose length is not the number of bins).
BinnedWindow binnedWindowFromJson(const nlohmann::ordered_json& json);

} // namespace scorescope
