#include "app/cli/ModelSource.h"

#include "app/cli/SamplerFlags.h"
#include "core/prior/GaussianPrior.h"
#include "core/run/RunDirectory.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <thread>

namespace scorescope::cli {

std::vector<OptionSpec> modelCommandOptions(const std::vector<OptionSpec>& extra)
{
    std::vector<OptionSpec> options{{"run", "DIR", "run directory (uses its checkpoint.pt)"},
                                    {"checkpoint", "FILE", "a checkpoint file instead of --run"},
                                    {"gaussian-prior", "", "start x_T from the SDE's Gaussian even if the run has an\n"
                                                           "auxiliary prior (and use it as the NLL's prior term)"}};
    for (const auto& o : samplerOptions())
        options.push_back(o);
    options.insert(options.end(), extra.begin(), extra.end());
    // A run's config names its data; outside the run directory only these may (DataPaths.h).
    if (std::none_of(extra.begin(), extra.end(), [](const OptionSpec& o) { return o.name == "dataset"; }))
        options.push_back({"dataset", "SPEC", "the run's data set, where its config names one outside the run directory"});
    options.push_back({"data-dir", "DIR", "the run's image directory, where its config names one outside the run directory"});
    options.push_back(threadsOption());
    return options;
}

LoadedModel loadModel(const ArgParser& args)
{
    if (args.has("run") == args.has("checkpoint"))
        throw UsageError("give exactly one of --run DIR and --checkpoint FILE");
    LoadedModel m;
    std::string checkpoint;
    if (args.has("run")) {
        RunDirectory dir{args.str("run")};
        checkpoint = dir.checkpoint();
        m.directory = dir.root;
    } else {
        checkpoint = args.str("checkpoint");
        m.directory = std::filesystem::path(checkpoint).parent_path().string();
        if (m.directory.empty())
            m.directory = ".";
    }
    static_cast<TrainedModel&>(m) =
        loadTrainedModel(checkpoint, "auto", [](const std::string& line) { std::printf("%s\n", line.c_str()); },
                         {args.str("dataset"), args.str("data-dir")});
    return m;
}

std::shared_ptr<const Prior> priorOf(const ArgParser& args, const LoadedModel& loaded)
{
    if (args.has("gaussian-prior"))
        return std::make_shared<GaussianPrior>(loaded.sde->priorStd());
    return loaded.prior;
}

OptionSpec threadsOption()
{
    return {"threads", "N", "CPU threads for LibTorch (default: all cores, shared among LOCAL_WORLD_SIZE processes)"};
}

void applyThreads(const ArgParser& args)
{
    // Processes of one data-parallel job on one machine split its cores (scorescope-launch, torchrun
    // set LOCAL_WORLD_SIZE); more threads than cores make OpenMP teams wait on each other.
    const char* local = std::getenv("LOCAL_WORLD_SIZE");
    const int64_t sharing = local ? std::max(1L, std::strtol(local, nullptr, 10)) : 1;
    const int64_t cores = std::max<int64_t>(1, std::thread::hardware_concurrency() / sharing);
    torch::set_num_threads(static_cast<int>(args.positiveInt("threads", cores)));
}

} // namespace scorescope::cli
