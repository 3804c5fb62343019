// scorescope-cli: every training, analysis and evaluation, headless.
#include "app/cli/ArgParser.h"
#include "app/cli/Commands.h"
#include "core/common/Allocator.h"
#include "core/common/BuildInfo.h"
#include "core/common/SystemError.h"
#include "core/distributed/DataParallel.h"

#include <c10/util/Exception.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>

namespace {

const char* kUsage =
    "usage: scorescope-cli <command> [options]\n\n"
    "commands:\n"
    "  train     train a score model; writes a run directory\n"
    "  sample    draw samples from a run or checkpoint\n"
    "  eval      NLL and sample metrics of a run against the true distribution\n"
    "  fit-prior fit a run's auxiliary prior at its horizon T\n"
    "  analyze   closed-form and diagnostic analyses (analyze horizon, stf, …)\n\n"
    "'scorescope-cli <command> --help' describes a command's options; --version prints the build.\n";

// docs/RELIABILITY.md: 1 when the machine failed the run (a write, a held lock), 4 when another rank
// did, 2 for any other Error — a bad file, value or variable is an input error, as a bad flag is.
int exitStatus(const scorescope::Error& e)
{
    if (dynamic_cast<const scorescope::PeerFailure*>(&e))
        return 4;
    if (dynamic_cast<const scorescope::SystemError*>(&e))
        return 1;
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace scorescope::cli;
    scorescope::retainFreedMemory();
    // Past a file-size limit (ulimit -f) a write should fail and be reported, not kill the process.
    std::signal(SIGXFSZ, SIG_IGN);
    const std::map<std::string, std::function<int(const std::vector<std::string>&)>> commands{
        {"train", trainCommand}, {"sample", sampleCommand}, {"eval", evalCommand}, {"analyze", analyzeCommand},
        {"fit-prior", fitPriorCommand}};
    if (argc < 2) {
        std::fprintf(stderr, "%s", kUsage);
        return 2;
    }
    const std::string command = argv[1];
    if (command == "--version") {
        std::printf("scorescope-cli %s\n", scorescope::buildInfo().c_str());
        return 0;
    }
    if (command == "--help" || command == "-h" || command == "help") {
        std::printf("%s", kUsage);
        return 0;
    }
    const auto it = commands.find(command);
    if (it == commands.end()) {
        std::fprintf(stderr, "scorescope-cli: unknown command '%s'\n\n%s", command.c_str(), kUsage);
        return 2;
    }
    try {
        return it->second(std::vector<std::string>(argv + 2, argv + argc));
    } catch (const UsageError& e) {
        std::fprintf(stderr, "scorescope-cli %s: %s\n", command.c_str(), e.what());
        return 2;
    } catch (const scorescope::Error& e) {
        std::fprintf(stderr, "scorescope-cli %s: error: %s\n", command.c_str(), e.what());
        return exitStatus(e);
    } catch (const c10::Error& e) {
        std::fprintf(stderr, "scorescope-cli %s: internal error: %s\n", command.c_str(), e.what_without_backtrace());
        return 3;
    } catch (const std::exception& e) {  // anything else that got through is a bug too, but no crash
        std::fprintf(stderr, "scorescope-cli %s: internal error: %s\n", command.c_str(), e.what());
        return 3;
    }
}
