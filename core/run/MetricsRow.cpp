#include "core/run/MetricsRow.h"

#include <cmath>
#include <stdexcept>

namespace scorescope {

namespace {
// The row's scalars by key, in the order they are written (the CSV's columns).
struct Scalar {
    const char* key;
    double MetricsRow::*field;
};
constexpr Scalar scalars[] = {{"loss", &MetricsRow::loss},
                              {"lr", &MetricsRow::lr},
                              {"grad_norm", &MetricsRow::gradNorm},
                              {"steps_per_s", &MetricsRow::stepsPerSecond},
                              {"time_s", &MetricsRow::timeSeconds}};
struct Window {
    const char* key;
    std::optional<BinnedWindow> MetricsRow::*field;
};
constexpr Window windows[] = {{"bins", &MetricsRow::lossBins},
                              {"stf_bins", &MetricsRow::stfBins},
                              {"t_bins", &MetricsRow::timeBins}};
}

nlohmann::ordered_json toJson(const MetricsRow& row)
{
    nlohmann::ordered_json out{{"step", row.step}};
    for (const auto& s : scalars) {
        const double v = row.*s.field;
        out[s.key] = std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
    }
    for (const auto& w : windows)
        if (const auto& window = row.*w.field)
            out[w.key] = toJson(*window);
    if (!row.tau.empty())
        out["tau"] = row.tau;
    return out;
}

MetricsRow metricsRowFromJson(const nlohmann::ordered_json& json)
{
    if (!json.is_object())
        throw std::invalid_argument("a metrics row is a JSON object");
    const auto step = json.find("step");
    if (step == json.end() || !step->is_number_integer())
        throw std::invalid_argument("a metrics row needs an integer \"step\"");
    MetricsRow row;
    row.step = step->get<int64_t>();
    for (const auto& s : scalars) {
        const auto v = json.find(s.key);
        if (v == json.end() || v->is_null())
            continue;
        if (!v->is_number())
            throw std::invalid_argument(std::string("\"") + s.key + "\" is " + v->dump() + ", not a number");
        row.*s.field = v->get<double>();
    }
    for (const auto& w : windows)
        if (const auto v = json.find(w.key); v != json.end())
            row.*w.field = binnedWindowFromJson(*v);
    if (const auto tau = json.find("tau"); tau != json.end()) {
        if (!tau->is_array())
            throw std::invalid_argument("\"tau\" is not an array");
        for (const auto& v : *tau) {
            if (!v.is_null() && !v.is_number())
                throw std::invalid_argument("\"tau\" holds " + v.dump() + ", not a number");
            row.tau.push_back(v.is_null() ? MetricsRow::missing : v.get<double>());  // null: a τ that was not finite
        }
    }
    return row;
}

std::optional<MetricsRow> parseMetricsLine(std::string_view line)
{
    const auto json = nlohmann::ordered_json::parse(line.begin(), line.end(), nullptr, false);
    if (json.is_discarded())
        return std::nullopt;
    try {
        return metricsRowFromJson(json);
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
}

} // namespace scorescope
