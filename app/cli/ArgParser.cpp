#include "app/cli/ArgParser.h"

#include "core/common/TextValue.h"

#include <cstdio>
#include <sstream>

namespace scorescope::cli {

ArgParser::ArgParser(std::string command, std::string summary, std::vector<OptionSpec> options)
    : command_(std::move(command)), summary_(std::move(summary)), options_(std::move(options))
{
}

const OptionSpec* ArgParser::find(const std::string& name) const
{
    for (const auto& o : options_)
        if (o.name == name)
            return &o;
    return nullptr;
}

void ArgParser::parse(const std::vector<std::string>& args)
{
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "-h" || arg == "--help") {
            help_ = true;
            continue;
        }
        if (arg.rfind("--", 0) != 0)
            throw UsageError("unexpected argument '" + arg + "' (see 'scorescope-cli " + command_ + " --help')");
        std::string name = arg.substr(2), value;
        const auto eq = name.find('=');
        const bool inlineValue = eq != std::string::npos;
        if (inlineValue) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const OptionSpec* spec = find(name);
        if (!spec)
            throw UsageError("unknown option '--" + name + "' for '" + command_ + "' (see 'scorescope-cli " + command_ +
                             " --help')");
        if (spec->value.empty()) {
            if (inlineValue)
                throw UsageError("--" + name + " takes no value");
            value = "1";
        } else if (!inlineValue) {
            if (i + 1 >= args.size())
                throw UsageError("--" + name + " needs a value (" + spec->value + ")");
            value = args[++i];
        }
        values_[name] = value;
    }
}

bool ArgParser::parseOrShowHelp(const std::vector<std::string>& args)
{
    parse(args);
    if (help_)
        std::printf("%s", help().c_str());
    return !help_;
}

std::string ArgParser::help() const
{
    std::ostringstream out;
    out << "usage: scorescope-cli " << command_ << " [options]\n\n" << summary_ << "\n\noptions:\n";
    constexpr size_t column = 28;  // where every option's help begins, its continuation lines too
    for (const auto& o : options_) {
        std::string left = "  --" + o.name + (o.value.empty() ? "" : " " + o.value);
        out << left << std::string(left.size() < column ? column - left.size() : 1, ' ');
        for (const char c : o.help)
            c == '\n' ? out << '\n' << std::string(column, ' ') : out << c;
        out << "\n";
    }
    out << "  --help                    show this help\n";
    return out.str();
}

std::string ArgParser::str(const std::string& name, const std::string& fallback) const
{
    const auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

std::string ArgParser::required(const std::string& name) const
{
    if (!has(name)) {
        const auto* spec = find(name);
        throw UsageError("--" + name + (spec && !spec->value.empty() ? " " + spec->value : "") + " is required");
    }
    return str(name);
}

// The typed getters read the text as core reads any typed-in value (common/TextValue.h).
template <typename Parse> auto ArgParser::typed(const std::string& name, Parse parse) const
{
    try {
        return parse(str(name));
    } catch (const TextValueError& e) {
        throw UsageError("--" + name + ": " + e.what());
    }
}

int64_t ArgParser::positiveInt(const std::string& name, int64_t fallback) const
{
    return has(name) ? typed(name, positiveIntegerFromText) : fallback;
}

uint64_t ArgParser::unsignedInt(const std::string& name, uint64_t fallback) const
{
    return has(name) ? typed(name, unsignedIntegerFromText) : fallback;
}

double ArgParser::number(const std::string& name, double fallback) const
{
    return has(name) ? typed(name, numberFromText) : fallback;
}

double ArgParser::positive(const std::string& name, double fallback) const
{
    return has(name) ? typed(name, positiveNumberFromText) : fallback;
}

std::vector<double> ArgParser::numberList(const std::string& name) const
{
    std::vector<double> out;
    std::stringstream ss(str(name));
    std::string item;
    while (std::getline(ss, item, ','))
        try {
            out.push_back(numberFromText(item));
        } catch (const TextValueError&) {
            throw UsageError("--" + name + ": expected comma-separated numbers, got '" + str(name) + "'");
        }
    return out;
}

std::string ArgParser::choice(const std::string& name, const std::vector<std::string>& allowed,
                              const std::string& fallback) const
{
    return has(name) ? typed(name, [&](const std::string& v) { return choiceFromText(v, allowed); }) : fallback;
}

} // namespace scorescope::cli
