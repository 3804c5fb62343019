#pragma once
#include <string>
#include <vector>

namespace scorescope::cli {

// Each returns the process exit code; bad flags throw UsageError, bad input files scorescope::Error.
int trainCommand(const std::vector<std::string>& args);
int sampleCommand(const std::vector<std::string>& args);
int evalCommand(const std::vector<std::string>& args);
int analyzeCommand(const std::vector<std::string>& args);
int fitPriorCommand(const std::vector<std::string>& args);

} // namespace scorescope::cli
