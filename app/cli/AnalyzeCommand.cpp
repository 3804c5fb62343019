#include "app/cli/Analyses.h"
#include "app/cli/ArgParser.h"
#include "app/cli/Commands.h"

#include <cstdio>

namespace scorescope::cli {

int analyzeCommand(const std::vector<std::string>& args)
{
    const std::string usage = "usage: scorescope-cli analyze NAME [options]   (see 'analyze NAME --help')\n";
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::printf("%s\nanalyses:\n"
                    "  truth        closed-form log p_t and score of a Gaussian mixture\n"
                    "  stf          variance and bias of Stable Target Field targets across noise levels\n"
                    "  truncation   Soft Truncation's laws of tau and t, empirical against analytic\n"
                    "  loss-scale   per-noise-level loss statistics of a training run\n"
                    "  horizon      the ELBO's terms against the horizon T: prior KL and score-matching gap\n",
                    usage.c_str());
        return args.empty() ? 2 : 0;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "truth")
        return analyzeTruth(rest);
    if (args[0] == "stf")
        return analyzeStf(rest);
    if (args[0] == "truncation")
        return analyzeTruncation(rest);
    if (args[0] == "loss-scale")
        return analyzeLossScale(rest);
    if (args[0] == "horizon")
        return analyzeHorizon(rest);
    throw UsageError("unknown analysis '" + args[0] + "' (expected truth, stf, truncation, loss-scale or horizon)");
}

} // namespace scorescope::cli
