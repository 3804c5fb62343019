#include "cli/ModelSource.h"

#include "cli/SamplerFlags.h"
#include "run/RunDirectory.h"

#include <torch/torch.h>

#include <filesystem>
#include <thread>

namespace scorescope::cli {

std::vector<OptionSpec> modelCommandOptions(const std::vector<OptionSpec>& extra)
{
    std::vector<OptionSpec> options{{"run", "DIR", "run directory (uses its checkpoint.pt)"},
                                    {"checkpoint", "FILE", "a checkpoint file instead of --run"}};
    for (const auto& o : samplerOptions())
        options.push_back(o);
    options.insert(options.end(), extra.begin(), extra.end());
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
    auto config = readCheckpointConfig(checkpoint);
    config.device = "auto";
    m.trainer = std::make_unique<Trainer>(config);
    m.trainer->loadCheckpoint(checkpoint);
    m.model = m.trainer->emaModel();
    return m;
}

OptionSpec threadsOption() { return {"threads", "N", "CPU threads for LibTorch (default: all cores)"}; }

void applyThreads(const ArgParser& args)
{
    const int64_t cores = std::max(1u, std::thread::hardware_concurrency());
    torch::set_num_threads(static_cast<int>(args.positiveInt("threads", cores)));
}

} // namespace scorescope::cli
