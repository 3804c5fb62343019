#include "app/cli/ArgParser.h"
#include "app/cli/Commands.h"
#include "core/distributed/DataParallel.h"
#include "app/cli/ModelSource.h"
#include "app/cli/ProgressReporter.h"
#include "app/cli/TrainOptions.h"
#include "core/train/TrainingSession.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <csignal>
#include <chrono>
#include <cstdio>
#include <optional>

namespace scorescope::cli {

namespace {

std::atomic<bool> interrupted{false};
void onSignal(int) { interrupted = true; }

} // namespace

int trainCommand(const std::vector<std::string>& args)
{
    ArgParser a("train",
                "Train a score model on a toy or image dataset. Writes a run directory: config.json,\n"
                "metrics.jsonl, metrics.csv, train.log and checkpoint.pt. Flags override --config.\n"
                "Data parallel: started by a launcher that sets RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT\n"
                "(and LOCAL_RANK) — scorescope-launch --nproc N, torchrun or srun — every process runs this\n"
                "same command; --batch is the whole batch, shared equally; rank 0 writes the run directory.",
                [] {
                    auto options = trainConfigOptions();
                    options.push_back({"out", "DIR", "run directory to create"});
                    options.push_back({"resume", "DIR", "continue the run in DIR from its checkpoint (--steps may extend it)"});
                    options.push_back(threadsOption());
                    options.push_back({"peer-timeout", "S", "data parallel: seconds to wait for the other processes (default 300)"});
                    return options;
                }());
    if (!a.parseOrShowHelp(args))
        return 0;
    applyThreads(a);

    std::unique_ptr<TrainingSession> session;
    std::optional<TrainConfig> config;
    if (a.has("resume")) {
        // The data may be named again: a config's paths outside the run are not read (DataPaths.h).
        for (const auto& option : trainConfigOptions())
            if (option.name != "steps" && option.name != "dataset" && option.name != "data-dir" && a.has(option.name))
                throw UsageError("--" + option.name + " cannot be combined with --resume (a resumed run keeps its config; only --steps and its data may change)");
        if (a.has("out"))
            throw UsageError("--out cannot be combined with --resume");
    } else {
        if (!a.has("out"))
            throw UsageError("--out DIR is required (or --resume DIR)");
        config = trainConfigFromFlags(a);
    }
    const auto env = processEnvironment();
    std::shared_ptr<DataParallel> parallel;
    if (env.distributed()) {
        const auto device = config ? config->device : readTrainConfig(RunDirectory{a.str("resume")}.config()).device;
        parallel = std::make_shared<DataParallel>(env, resolveDevice(device),
                                                  std::chrono::seconds(a.positiveInt("peer-timeout", 300)));
    }
    const bool leads = !parallel || parallel->leads();
    bool stoppedShort = false;
    try {
        if (config) {
            session = TrainingSession::create(a.str("out"), *config, parallel);
        } else {
            session = TrainingSession::resume(a.str("resume"), parallel, {a.str("dataset"), a.str("data-dir")});
            if (a.has("steps"))
                session->extendTo(a.positiveInt("steps", 0));
        }
        auto& trainer = session->trainer();
        if (leads) {
            std::fprintf(stderr, "run %s: %s on %s, %s target, %s weighting, %lld parameters, device %s, %d threads",
                         session->directory().root.c_str(), trainer.config().dataset.c_str(), trainer.sde()->name().c_str(),
                         targetName(trainer.config().objective.target).c_str(),
                         weightingName(trainer.config().objective.weighting).c_str(),
                         static_cast<long long>(trainer.model()->parameterCount()), trainer.device().str().c_str(),
                         torch::get_num_threads());
            if (parallel)
                std::fprintf(stderr, " per process; %d processes (%s)", parallel->size(), parallel->backend().c_str());
            std::fprintf(stderr, "\n");
            if (!trainer.priorFitted())  // minutes for a flow on images, before the first step
                std::fprintf(stderr, "fitting the auxiliary prior (%s) at T = %g first\n", trainer.config().prior.kind.c_str(),
                             trainer.sde()->horizon());
        }

        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        ProgressReporter progress("train");
        char extra[64];
        session->run(
            [&](const TrainingProgress& p) {
                if (!leads)
                    return;
                std::snprintf(extra, sizeof extra, "loss %.4g", p.loss);
                progress.update(p.step, p.total, p.stepsPerSecond, extra);
            },
            &interrupted);
        // Stopped short: by a signal here, or on another rank (the stop is agreed on by all).
        stoppedShort = trainer.stepCount() < trainer.config().steps;
        if (leads) {
            progress.finish();
            std::fprintf(stderr, "%s at step %lld; checkpoint %s\n", stoppedShort ? "interrupted" : "done",
                         static_cast<long long>(trainer.stepCount()), session->directory().checkpoint().c_str());
        }
    } catch (const PeerFailure&) {
        throw;
    } catch (const std::exception& e) {
        if (parallel)  // this rank's own failure: the others stop with its reason
            parallel->abandon(e.what());
        throw;
    }
    return stoppedShort ? 130 : 0;
}

} // namespace scorescope::cli
