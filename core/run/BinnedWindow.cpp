#include "core/run/BinnedWindow.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace scorescope {

namespace {
constexpr const char* axes[] = {"log10_sigma", "log10_t"};
constexpr std::string_view spreadSuffix = "_std";

nlohmann::ordered_json numbers(const std::vector<double>& values)
{
    auto out = nlohmann::ordered_json::array();
    for (double v : values)
        out.push_back(std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr));
    return out;
}

std::vector<double> numbers(const nlohmann::ordered_json& json, const std::string& key, size_t bins)
{
    const auto& values = json.at(key);
    if (!values.is_array())
        throw std::invalid_argument("bins: '" + key + "' is not an array");
    if (bins != 0 && values.size() != bins)
        throw std::invalid_argument("bins: '" + key + "' has " + std::to_string(values.size()) + " values for " +
                                    std::to_string(bins) + " bins");
    std::vector<double> out;
    out.reserve(values.size());
    for (const auto& v : values) {
        if (!v.is_null() && !v.is_number())
            throw std::invalid_argument("bins: '" + key + "' holds " + v.dump() + ", not a number");
        out.push_back(v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>());
    }
    return out;
}

bool endsWithSpread(const std::string& key)
{
    return key.size() > spreadSuffix.size() && key.compare(key.size() - spreadSuffix.size(), std::string::npos, spreadSuffix) == 0;
}
}

const BinnedWindow::Series* BinnedWindow::find(std::string_view name) const
{
    for (const auto& s : series)
        if (s.name == name)
            return &s;
    return nullptr;
}

std::vector<double> BinnedWindow::mean(std::string_view name) const
{
    const auto* s = find(name);
    return s ? s->mean : std::vector<double>{};
}

std::vector<double> BinnedWindow::sigmas() const
{
    std::vector<double> out;
    out.reserve(centres.size());
    for (double c : centres)
        out.push_back(std::pow(10.0, c));
    return out;
}

nlohmann::ordered_json toJson(const BinnedWindow& window)
{
    nlohmann::ordered_json out;
    out[window.axis] = numbers(window.centres);
    out["count"] = numbers(window.count);
    // The sampled series, the times, then the per-bin values without a spread: the order the
    // versions before this struct wrote, so that a log reads back to the same bytes.
    for (const auto& s : window.series)
        if (!s.spread.empty()) {
            out[s.name] = numbers(s.mean);
            out[s.name + std::string(spreadSuffix)] = numbers(s.spread);
        }
    if (!window.t.empty())
        out["t"] = numbers(window.t);
    for (const auto& s : window.series)
        if (s.spread.empty())
            out[s.name] = numbers(s.mean);
    return out;
}

BinnedWindow binnedWindowFromJson(const nlohmann::ordered_json& json)
{
    if (!json.is_object())
        throw std::invalid_argument("bins are not an object");
    BinnedWindow window;
    window.axis.clear();
    for (const char* axis : axes)
        if (json.contains(axis))
            window.axis = axis;
    if (window.axis.empty())
        throw std::invalid_argument("bins have no axis (log10_sigma or log10_t)");
    window.centres = numbers(json, window.axis, 0);
    const size_t bins = window.centres.size();
    window.count = json.contains("count") ? numbers(json, "count", bins) : std::vector<double>(bins, 0.0);
    if (json.contains("t"))
        window.t = numbers(json, "t", bins);
    for (auto it = json.begin(); it != json.end(); ++it) {
        const std::string& key = it.key();
        if (key == window.axis || key == "count" || key == "t")
            continue;
        // A spread is read with its series: "loss_std" beside "loss".
        if (endsWithSpread(key) && json.contains(key.substr(0, key.size() - spreadSuffix.size())))
            continue;
        BinnedWindow::Series s{key, numbers(json, key, bins), {}};
        if (const auto spread = key + std::string(spreadSuffix); json.contains(spread))
            s.spread = numbers(json, spread, bins);
        window.series.push_back(std::move(s));
    }
    return window;
}

} // namespace scorescope
