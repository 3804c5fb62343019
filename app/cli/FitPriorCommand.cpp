#include "app/cli/Commands.h"
#include "app/cli/ArgParser.h"
#include "app/cli/ModelSource.h"
#include "app/cli/TrainOptions.h"
#include "core/run/RunDirectory.h"
#include "core/train/DataPaths.h"
#include "core/train/Trainer.h"

#include <cstdio>
#include <vector>

namespace scorescope::cli {

int fitPriorCommand(const std::vector<std::string>& args)
{
    std::vector<OptionSpec> options{{"run", "DIR", "the run whose prior to (re)fit"}};
    for (const auto& o : trainConfigOptions())
        if (o.name.rfind("prior", 0) == 0)
            options.push_back(o);
    options.push_back(threadsOption());
    ArgParser a("fit-prior",
                "Fit (or refit) a run's auxiliary prior at its horizon T (§4.4): a Gaussian mixture by EM or a\n"
                "coupling flow, by maximum likelihood on the forward-diffused data. The score model is untouched;\n"
                "the prior goes into the run's checkpoint and config.json, so sample and eval start from it.",
                options);
    if (!a.parseOrShowHelp(args))
        return 0;
    applyThreads(a);
    const RunDirectory dir{a.required("run")};
    // The whole training state, not a TrainedModel: the refitted prior goes into a checkpoint that
    // must still resume training bit for bit.
    auto config = confinedToRun(readCheckpointConfig(dir.checkpoint()), dir.root, dir.checkpoint());
    config.device = "auto";
    Trainer trainer(config);
    trainer.loadCheckpoint(dir.checkpoint());
    trainer.setPriorConfig(priorConfigFromFlags(a, trainer.config().prior));
    trainer.fitPrior([](const std::string& line) { std::printf("%s\n", line.c_str()); });
    trainer.saveCheckpoint(dir.checkpoint());
    writeRunConfig(dir.root, trainer.config());
    std::printf("prior %s written to %s and %s\n", trainer.config().prior.kind.c_str(), dir.checkpoint().c_str(),
                dir.config().c_str());
    return 0;
}

} // namespace scorescope::cli
