#include "run/ArgParser.h"
#include "cli/Commands.h"
#include "cli/ModelSource.h"
#include "cli/ProgressReporter.h"
#include "train/TrainOptions.h"
#include "train/TrainingSession.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <csignal>
#include <cstdio>

namespace scorescope::cli {

namespace {

std::atomic<bool> interrupted{false};
void onSignal(int) { interrupted = true; }

} // namespace

int trainCommand(const std::vector<std::string>& args)
{
    ArgParser a("train",
                "Train a score model on a toy or image dataset. Writes a run directory: config.json,\n"
                "metrics.jsonl, metrics.csv, train.log and checkpoint.pt. Flags override --config.",
                [] {
                    auto options = trainConfigOptions();
                    options.push_back({"out", "DIR", "run directory to create"});
                    options.push_back({"resume", "DIR", "continue the run in DIR from its checkpoint (--steps may extend it)"});
                    options.push_back(threadsOption());
                    return options;
                }());
    if (!a.parseOrShowHelp(args))
        return 0;
    applyThreads(a);

    std::unique_ptr<TrainingSession> session;
    if (a.has("resume")) {
        for (const auto& option : trainConfigOptions())
            if (option.name != "steps" && a.has(option.name))
                throw UsageError("--" + option.name + " cannot be combined with --resume (a resumed run keeps its config; only --steps may change)");
        if (a.has("out"))
            throw UsageError("--out cannot be combined with --resume");
        session = TrainingSession::resume(a.str("resume"));
        if (a.has("steps"))
            session->extendTo(a.positiveInt("steps", 0));
    } else {
        if (!a.has("out"))
            throw UsageError("--out DIR is required (or --resume DIR)");
        session = TrainingSession::create(a.str("out"), trainConfigFromFlags(a));
    }
    auto& trainer = session->trainer();
    std::fprintf(stderr, "run %s: %s on %s, %s target, %s weighting, %lld parameters, device %s, %d threads\n",
                 session->directory().root.c_str(), trainer.config().dataset.c_str(), trainer.sde()->name().c_str(),
                 targetName(trainer.config().objective.target).c_str(),
                 weightingName(trainer.config().objective.weighting).c_str(),
                 static_cast<long long>(trainer.model()->parameterCount()), trainer.device().str().c_str(),
                 torch::get_num_threads());
    if (!trainer.priorFitted())  // minutes for a flow on images, before the first step
        std::fprintf(stderr, "fitting the auxiliary prior (%s) at T = %g first\n", trainer.config().prior.kind.c_str(),
                     trainer.sde()->horizon());

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    ProgressReporter progress("train");
    char extra[64];
    session->run(
        [&](const TrainingProgress& p) {
            std::snprintf(extra, sizeof extra, "loss %.4g", p.loss);
            progress.update(p.step, p.total, p.stepsPerSecond, extra);
        },
        &interrupted);
    progress.finish();
    std::fprintf(stderr, "%s at step %lld; checkpoint %s\n", interrupted ? "interrupted" : "done",
                 static_cast<long long>(trainer.stepCount()), session->directory().checkpoint().c_str());
    return interrupted ? 130 : 0;
}

} // namespace scorescope::cli
