#pragma once
#include "app/cli/ArgParser.h"
#include "core/train/TrainConfig.h"

#include <string>
#include <vector>

namespace scorescope::cli {

// The flags that configure a training run, one per flagged entry of core's parameter table
// (TrainParameters.h), with its help and default; --config besides.
std::vector<OptionSpec> trainConfigOptions();

// The run configuration the parsed flags describe (--config first, the other flags over it),
// checked by the table's validate(). Throws UsageError "--flag: problem" for a bad value or
// combination and Error for a file that cannot be used.
TrainConfig trainConfigFromFlags(const ArgParser& flags);
// The --prior* flags over `base` (train takes them, and fit-prior for an existing run).
PriorConfig priorConfigFromFlags(const ArgParser& flags, PriorConfig base);

} // namespace scorescope::cli
