#pragma once
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace scorescope::cli {

// A bad flag or value on the command line: printed as one line, exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name;   // without the leading dashes
    std::string value;  // placeholder such as "N"; empty for a switch
    std::string help;
};

// Parses `--name value`, `--name=value` and `--switch` against a command's declared options.
class ArgParser {
public:
    ArgParser(std::string command, std::string summary, std::vector<OptionSpec> options);

    void parse(const std::vector<std::string>& args);  // throws UsageError
    // parse(), then print the help if --help was given; returns false when the command should stop.
    bool parseOrShowHelp(const std::vector<std::string>& args);
    std::string help() const;

    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::string str(const std::string& name, const std::string& fallback = "") const;
    std::string required(const std::string& name) const;  // the value, or UsageError "--name is required"
    int64_t positiveInt(const std::string& name, int64_t fallback) const;
    uint64_t unsignedInt(const std::string& name, uint64_t fallback) const;
    double number(const std::string& name, double fallback) const;
    double positive(const std::string& name, double fallback) const;
    std::vector<double> numberList(const std::string& name) const;  // comma-separated
    // A value from a fixed set.
    std::string choice(const std::string& name, const std::vector<std::string>& allowed, const std::string& fallback) const;

private:
    const OptionSpec* find(const std::string& name) const;
    template <typename Parse> auto typed(const std::string& name, Parse parse) const;
    std::string command_, summary_;
    std::vector<OptionSpec> options_;
    std::map<std::string, std::string> values_;
    bool help_ = false;
};

} // namespace scorescope::cli
