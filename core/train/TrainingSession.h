#pragma once
#include "core/run/MetricsLog.h"
#include "core/run/RunDirectory.h"
#include "core/train/BinnedStatistics.h"
#include "core/train/DataPaths.h"
#include "core/train/Trainer.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace spdlog { class logger; }

namespace scorescope {

class RunLock;

struct TrainingProgress {
    int64_t step = 0, total = 0;
    double loss = 0.0;
    double stepsPerSecond = 0.0;
    double elapsedSeconds = 0.0;
};

// A training run bound to its run directory: writes config.json on a new run, logs metrics and
// the log file, checkpoints every `checkpoint_every` steps and at the end. The CLI and the GUI's
// worker thread both drive this.
class TrainingSession {
public:
    // A new run in `dir` (created; refuses a directory that already holds a run). Creating and
    // resuming take the directory's writer lock (RunLock): a second writer is refused.
    // With `parallel`, every rank trains and rank 0 alone writes the run directory.
    static std::unique_ptr<TrainingSession> create(const std::string& dir, const TrainConfig& config,
                                                   std::shared_ptr<DataParallel> parallel = nullptr);
    // Continues the run in `dir` from its checkpoint (or from step 0 if none was written yet); every
    // rank reads the directory (a shared file system), only rank 0 writes it. The run's data is read
    // inside `dir`, or where `given` says (DataPaths.h).
    static std::unique_ptr<TrainingSession> resume(const std::string& dir, std::shared_ptr<DataParallel> parallel = nullptr,
                                                   const GivenData& given = {});
    ~TrainingSession();

    // Runs until config.steps or until *stop becomes true; checkpoints before returning.
    void run(const std::function<void(const TrainingProgress&)>& onProgress = {},
             const std::atomic<bool>* stop = nullptr);

    // Raises (or lowers) the run's total step count and records it in config.json.
    void extendTo(int64_t steps);
    // Writes the checkpoint now (atomically); run() also does, every checkpoint_every steps and on return.
    void checkpoint();

    Trainer& trainer() { return *trainer_; }
    const RunDirectory& directory() const { return dir_; }

private:
    TrainingSession(RunDirectory dir, const TrainConfig& config, std::shared_ptr<DataParallel> parallel);
    bool writes() const;  // rank 0 (or a single process) owns the run directory
    void record(const StepResult& step);  // into the per-σ bins of the current logging window
    void checkRanksAgree();  // data parallel: the same step and weights on every rank, or Error
    // Bins as logged: each bin centre's diffusion time t(σ) beside its log10 σ.
    BinnedWindow withTimes(BinnedWindow bins) const;

    RunDirectory dir_;
    std::unique_ptr<RunLock> lock_;  // the writer's (RunLock); none on ranks other than 0
    std::unique_ptr<Trainer> trainer_;
    std::unique_ptr<MetricsLog> metrics_;  // null on ranks other than 0
    std::unique_ptr<BinnedStatistics> bins_;     // per-sample loss, every step
    std::unique_ptr<BinnedStatistics> stfBins_;  // STF weights and target variances, logging steps
    std::unique_ptr<BinnedStatistics> timeBins_; // every sample's t over log10 t, every step
    std::vector<double> taus_;  // Soft Truncation's τ of each step in the logging window
    std::shared_ptr<spdlog::logger> log_;
};

} // namespace scorescope
