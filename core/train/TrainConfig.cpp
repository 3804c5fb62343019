#include "core/train/TrainConfig.h"

#include "core/common/Error.h"
#include "core/train/TrainParameters.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace scorescope {

using json = nlohmann::json;

void selectSde(TrainConfig& c, SdeKind kind)
{
    const double T = c.sde.T;
    c.sde = SdeConfig::defaults(kind);
    c.sde.T = T;
    if (kind == SdeKind::EDM) {
        c.model.parameterisation = Parameterisation::Edm;
        c.objective.weighting = Weighting::Edm;
    }
}

void selectDataset(TrainConfig& c, const std::string& spec)
{
    const bool wasImage = isImageDatasetSpec(c.dataset), image = isImageDatasetSpec(spec);
    c.dataset = spec;
    if (wasImage == image)
        return;
    const TrainConfig defaults;
    if (image) {
        c.model.arch = "unet";
        c.batch = 64;
        c.steps = 5000;
        c.lr = 5e-4;
        c.objective.reduceMean = true;
        c.model.sigmaData = 0.5;
        c.logEvery = 25;
        c.checkpointEvery = 250;
        c.sampleEvery = 500;
    } else {
        c.model.arch = defaults.model.arch;
        c.batch = defaults.batch;
        c.steps = defaults.steps;
        c.lr = defaults.lr;
        c.objective.reduceMean = defaults.objective.reduceMean;
        c.logEvery = defaults.logEvery;
        c.checkpointEvery = defaults.checkpointEvery;
        c.sampleEvery = defaults.sampleEvery;
    }
}

namespace {

// "objective.eps" → ("objective", "eps"); a top-level key has no group.
std::pair<std::string, std::string> splitKey(const std::string& key)
{
    const auto dot = key.find('.');
    return dot == std::string::npos ? std::pair{std::string(), key} : std::pair{key.substr(0, dot), key.substr(dot + 1)};
}

// The JSON type a parameter's kind takes, or the problem with `v`'s: empty when it fits.
std::string typeProblem(const TrainParameter& p, const json& v)
{
    switch (p.kind) {
    // An integer field takes an integer only: nlohmann would convert 1e129 to int64_t, which is
    // undefined behaviour (found by fuzzing), and 2.5 silently to 2.
    case ParameterKind::PositiveInteger:
    case ParameterKind::Count:
        return v.is_number_integer() ? "" : "must be an integer";
    case ParameterKind::Seed:
        return v.is_number_unsigned() ? "" : "must be a non-negative integer";
    case ParameterKind::IntegerList:
        for (const auto& x : v.is_array() ? v : json())
            if (!x.is_number_integer())
                return "must be a list of integers";
        return v.is_array() ? "" : "must be a list of integers";
    case ParameterKind::PositiveNumber:
    case ParameterKind::Number:
    case ParameterKind::Fraction:
        return v.is_number() ? "" : std::string("has the wrong type (") + v.type_name() + ")";
    case ParameterKind::Switch:
        return v.is_boolean() ? "" : std::string("has the wrong type (") + v.type_name() + ")";
    case ParameterKind::Text:
    case ParameterKind::Choice:
        return v.is_string() ? "" : std::string("has the wrong type (") + v.type_name() + ")";
    }
    return {};
}

} // namespace

json toJson(const TrainConfig& c)
{
    json j = json::object();
    for (const auto& p : trainParameters()) {
        const auto [group, name] = splitKey(p.key);
        (group.empty() ? j : j[group])[name] = p.get(c);
    }
    return j;
}

TrainConfig trainConfigFromJson(const json& j, const std::string& origin, TrainConfig c)
{
    const auto fail = [&](const std::string& key, const std::string& problem) {
        throw Error(origin, "\"" + key + "\" " + problem);
    };
    if (!j.is_object())
        throw Error(origin, "the config must be an object");
    // Every key must be the table's: any other is a typo or a key of another version.
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (parameterByKey(it.key()))
            continue;
        bool known = false;
        for (const auto& p : trainParameters())
            known = known || splitKey(p.key).first == it.key();
        if (!known)
            throw Error(origin, "unknown key \"" + it.key() + "\"");
        if (!it.value().is_object())
            fail(it.key(), "must be an object");
        for (auto in = it.value().begin(); in != it.value().end(); ++in)
            if (!parameterByKey(it.key() + "." + in.key()))
                throw Error(origin, "unknown key \"" + it.key() + "." + in.key() + "\"");
    }
    for (const auto& p : trainParameters()) {
        const auto [group, name] = splitKey(p.key);
        const json& in = group.empty() ? j : j.value(group, json::object());
        if (!in.contains(name))
            continue;
        const json& v = in.at(name);
        if (auto problem = typeProblem(p, v); !problem.empty())
            fail(p.key, problem);
        // A choice is checked before its setter parses it.
        if (p.kind == ParameterKind::Choice)
            if (auto problem = parameterRuleProblem(p, v); !problem.empty())
                fail(p.key, problem);
        p.set(c, v);
    }
    if (const auto issues = validate(c); !issues.empty())
        fail(issues.front().key, issues.front().message);
    return c;
}

TrainConfig readTrainConfig(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw Error(path, "cannot open config file");
    json j;
    try {
        j = json::parse(in);
    } catch (const json::exception& e) {  // parse_error, or out_of_range for a number past double
        throw Error(path, std::string("not valid JSON: ") + e.what());
    }
    return trainConfigFromJson(j, path);
}

} // namespace scorescope
