#pragma once
// Values at the edges of each training parameter's rule (train/TrainParameters.h), for the tests
// that feed them through config.json, the command line's chooseParameters and the New-run dialog.
#include "core/train/TrainParameters.h"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace scorescope::testing {

using json = nlohmann::json;

// A value as JSON holds it: a number where the text is one, else the text.
inline json asJson(const TrainParameter& p, const std::string& text)
{
    if (p.kind == ParameterKind::Choice || p.kind == ParameterKind::Text)
        return text;
    return json::parse(text);
}

inline bool integral(const TrainParameter& p)
{
    return p.kind == ParameterKind::PositiveInteger || p.kind == ParameterKind::Count;
}

// The parameter's automatic marker as config.json holds it.
inline json automaticMarker(const TrainParameter& p)
{
    return integral(p) ? json(static_cast<int64_t>(*p.automatic)) : json(*p.automatic);
}

// Values at the edges of each kind's rule, and whether the rule takes them.
inline std::vector<std::pair<std::string, bool>> boundaryValues(const TrainParameter& p)
{
    switch (p.kind) {
    case ParameterKind::PositiveInteger:
        return {{"1", true}, {"0", false}, {"-3", false}};
    case ParameterKind::Count:
        return {{"0", true}, {"1", true}, {"-1", false}};
    case ParameterKind::Seed:
        return {{"0", true}, {"18446744073709551615", true}, {"-1", false}};
    case ParameterKind::PositiveNumber:
        return {{"1e-6", true}, {"0", false}, {"-0.5", false}};
    case ParameterKind::Number:
        return {{"-1e300", true}, {"1e300", true}};
    case ParameterKind::Fraction:
        return {{"0", true}, {"0.999", true}, {"1", false}, {"-0.001", false}};
    case ParameterKind::Choice: {
        std::vector<std::pair<std::string, bool>> v{{"bogus", false}};
        for (const auto& c : p.choices)
            v.push_back({c, true});
        return v;
    }
    case ParameterKind::Switch:
    case ParameterKind::Text:
    case ParameterKind::IntegerList:
        return {};
    }
    return {};
}

// The boundary values of `p` without its automatic marker: a file's way of leaving the value out.
inline std::vector<std::pair<std::string, bool>> boundaryValuesBesidesAutomatic(const TrainParameter& p)
{
    std::vector<std::pair<std::string, bool>> out;
    for (const auto& v : boundaryValues(p))
        if (!p.automatic || asJson(p, v.first) != automaticMarker(p))
            out.push_back(v);
    return out;
}

} // namespace scorescope::testing
