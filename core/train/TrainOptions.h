#pragma once
#include "run/ArgParser.h"
#include "train/TrainConfig.h"

#include <string>
#include <vector>

namespace scorescope::cli {

// The flags that configure a training run: `scorescope-cli train` takes them on the command line
// and the GUI's New-run dialog builds them from its fields, so both validate a value the same way.
std::vector<OptionSpec> trainConfigOptions();

// The run configuration the parsed flags describe (--config first, the other flags over it).
// Throws UsageError for a malformed value and Error for a file that cannot be used.
TrainConfig trainConfigFromFlags(const ArgParser& flags);
// The --prior* flags over `base` (train takes them, and fit-prior for an existing run).
PriorConfig priorConfigFromFlags(const ArgParser& flags, PriorConfig base);

} // namespace scorescope::cli
