#pragma once
#include <string>
#include <vector>

namespace scorescope::cli {

// The subcommands of `analyze`, each returning the exit code.
int analyzeTruth(const std::vector<std::string>& args);
int analyzeStf(const std::vector<std::string>& args);
int analyzeTruncation(const std::vector<std::string>& args);
int analyzeLossScale(const std::vector<std::string>& args);
int analyzeHorizon(const std::vector<std::string>& args);

} // namespace scorescope::cli
