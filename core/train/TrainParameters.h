#pragma once
#include "core/common/Error.h"
#include "core/train/TrainConfig.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scorescope {

// What values a parameter takes; the same rule holds in JSON, on the command line and in the dialog.
enum class ParameterKind {
    PositiveInteger,
    Count,     // an integer ≥ 0
    Seed,      // an unsigned 64-bit integer
    PositiveNumber,
    Number,
    Fraction,  // a number in [0, 1)
    Switch,    // a bool; on the command line a flag without a value
    Text,
    Choice,    // one of `choices`
    IntegerList,
};

// One training parameter: where it lives in config.json, its flag, its rule and its meaning.
// The table of them (trainParameters) is the one description of a run's configuration: the JSON
// reader and writer, validate(), `scorescope-cli train`'s flags and the New-run dialog follow it.
struct TrainParameter {
    std::string key;          // JSON path, "objective.eps"
    std::string flag;         // command-line flag without dashes; empty: config.json only
    std::string placeholder;  // the flag's value in help, "N"
    ParameterKind kind;
    std::string help;
    std::string section;                // THEORY.md section the parameter is from, "§2.2"; may be empty
    std::vector<std::string> choices;   // Choice
    std::string noun;                   // Choice: "unknown NOUN 'x' (expected …)"
    // A value outside the rule that config.json may hold for "chosen when training starts" (filled
    // in by resolveAutomatic, or by the SDE: ε = −1) or "off" (Soft Truncation's k = 0); the
    // command line and the dialog say it by leaving the value out.
    std::optional<double> automatic;
    std::string defaultMeaning;  // help's default where the value alone would not say it ("the SDE's")
    std::function<nlohmann::json(const TrainConfig&)> get;
    std::function<void(TrainConfig&, const nlohmann::json&)> set;
    // A user's choice of the value on the command line or in the dialog, with the defaults it brings
    // (another SDE's parameters, an image data set's network); empty: the same as set.
    std::function<void(TrainConfig&, const nlohmann::json&)> choose;
};

const std::vector<TrainParameter>& trainParameters();
const TrainParameter* parameterByKey(const std::string& key);
const TrainParameter* parameterByFlag(const std::string& flag);

// A value of `key` that its rule refuses, or a combination of values that cannot train.
struct ParameterIssue {
    std::string key;
    std::string message;  // without the key: "must be positive"
};

class ParameterError : public Error {
public:
    explicit ParameterError(ParameterIssue issue) : Error(issue.key + ": " + issue.message), issue_(std::move(issue)) {}
    const ParameterIssue& issue() const { return issue_; }

private:
    ParameterIssue issue_;
};

// What the rule of `p` refuses in `v`, a value of the JSON type its kind takes ("must be
// positive"); empty: nothing.
std::string parameterRuleProblem(const TrainParameter& p, const nlohmann::json& v);

// Every check of a configuration, each naming the key it is about (ε < T included); empty: valid.
std::vector<ParameterIssue> validate(const TrainConfig& config);

// Values typed as text, by flag (a switch: any text, it is on), chosen over `base` in the table's
// order (the SDE before the parameterisation it brings); throws ParameterError for a value that
// is not of its kind ("expected a positive integer, got 'ten'"), without validate()'s checks.
TrainConfig chooseParameters(const std::map<std::string, std::string>& textByFlag, TrainConfig base = {});

// "ve, vp, subvp or edm".
std::string choiceList(const std::vector<std::string>& choices);

// "(default 512, images 64)": the table's default, as help shows it.
std::string defaultText(const TrainParameter& p);

} // namespace scorescope
