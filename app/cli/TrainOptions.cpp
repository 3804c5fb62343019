#include "app/cli/TrainOptions.h"

#include "core/train/TrainParameters.h"

namespace scorescope::cli {

std::vector<OptionSpec> trainConfigOptions()
{
    std::vector<OptionSpec> options{{"config", "FILE", "run configuration JSON (as written to a run's config.json)"}};
    for (const auto& p : trainParameters())
        if (!p.flag.empty()) {
            std::string help = p.help;
            // The choices, where the help does not already explain each of them.
            bool named = true;
            for (const auto& c : p.choices)
                named = named && help.find(c) != std::string::npos;
            if (!named)
                help += ": " + choiceList(p.choices);
            const std::string d = defaultText(p);
            options.push_back({p.flag, p.placeholder, help + (d.empty() ? "" : " (" + d + ")")});
        }
    return options;
}

namespace {

// The table's flags given on the command line, over `base`, checked as a whole; `only`: the keys
// that start with it.
TrainConfig chooseFlags(const ArgParser& a, TrainConfig base, const std::string& only)
{
    std::map<std::string, std::string> text;
    for (const auto& p : trainParameters())
        if (!p.flag.empty() && a.has(p.flag) && p.key.rfind(only, 0) == 0)
            text[p.flag] = a.str(p.flag);
    TrainConfig c;
    try {
        c = chooseParameters(text, std::move(base));
    } catch (const ParameterError& e) {
        throw UsageError("--" + parameterByKey(e.issue().key)->flag + ": " + e.issue().message);
    }
    for (const auto& issue : validate(c))
        if (issue.key.rfind(only, 0) == 0) {
            const auto* p = parameterByKey(issue.key);
            throw UsageError((p->flag.empty() ? "\"" + issue.key + "\"" : "--" + p->flag) + ": " + issue.message);
        }
    return c;
}

} // namespace

PriorConfig priorConfigFromFlags(const ArgParser& a, PriorConfig prior)
{
    TrainConfig c;
    c.prior = std::move(prior);
    return chooseFlags(a, std::move(c), "prior.").prior;
}

TrainConfig trainConfigFromFlags(const ArgParser& a)
{
    return chooseFlags(a, a.has("config") ? readTrainConfig(a.str("config")) : TrainConfig{}, "");
}

} // namespace scorescope::cli
