#pragma once
#include "core/common/Rng.h"
#include "core/data/Dataset.h"
#include "core/nn/ScoreModel.h"
#include "core/objective/DenoisingScoreMatching.h"
#include "core/train/Checkpoint.h"
#include "core/train/Ema.h"
#include "core/train/TrainConfig.h"

#include <torch/optim/adam.h>

#include <functional>
#include <memory>
#include <vector>

namespace scorescope {

class DataParallel;

struct StepResult {
    int64_t step = 0;     // steps completed, including this one
    double loss = 0.0;
    double lr = 0.0;
    double gradNorm = 0.0;
    // Per-sample losses and their t, σ for the whole batch; with data parallelism, the STF
    // diagnostics and x_t are this rank's rows [shardBegin, shardEnd) only.
    LossBatch batch;
    int64_t shardBegin = 0, shardEnd = 0;
    bool stop = false;  // a stop was asked for on some rank during this step (data parallel)
    // With gradient groups: per group g, ‖∇L_g‖ and its share ⟨∇L_g, ∇L⟩/‖∇L‖² of the total
    // gradient (the shares sum to 1), where L_g is the group's part of the batch loss.
    std::vector<double> groupGradientNorm, groupGradientShare;
};

// Maps each sample's σ [B] to a group id in [0, groups) (the σ bins), for gradient shares.
struct GradientGroups {
    std::function<torch::Tensor(const torch::Tensor& sigma)> of;
    int64_t groups = 0;
};

// One training run's state: model, EMA, Adam with linear warm-up, gradient clipping and the RNG.
// step() is one optimisation step; checkpoints hold all of it, so a resumed run continues bit for bit.
//
// Data parallel (`parallel`): every rank holds the same RNG state and draws the whole batch — data,
// τ, t, noise and STF's reference batch — then computes the loss on its own rows; the gradients are
// averaged, so each step equals one process's step on the combined batch, and a checkpoint resumes
// on any number of processes.
class Trainer {
public:
    explicit Trainer(TrainConfig config, std::shared_ptr<DataParallel> parallel = nullptr);

    // diagnostics: also the objective's per-sample diagnostics (STF weights), for a logging step.
    // groups: also each group's gradient share; costs one backward pass per occupied group.
    // stopAsked: this rank's vote to stop after this step, agreed in the step's collective.
    StepResult step(bool diagnostics = false, const GradientGroups* groups = nullptr, bool stopAsked = false);
    int64_t stepCount() const { return step_; }
    void setTotalSteps(int64_t steps) { config_.steps = steps; }

    void saveCheckpoint(const std::string& path) const;   // atomic: temporary file, then rename
    void loadCheckpoint(const std::string& path);

    const TrainConfig& config() const { return config_; }
    std::shared_ptr<const Sde> sde() const { return sde_; }
    const Dataset& dataset() const { return *dataset_; }
    ScoreModel& model() { return model_; }
    ScoreModel emaModel() const;  // a fresh model holding the EMA weights
    torch::Device device() const { return device_; }
    DataParallel* parallel() const { return parallel_.get(); }
    const SoftTruncation* softTruncation() const { return objective_->softTruncation(); }
    double trainingEps() const { return objective_->eps(); }  // the run's ε: its config's, or the SDE's

    // x_T's law (§4.4). An auxiliary prior is fitted once, before the first step, by fitPrior(), and
    // travels in the checkpoints; until then priorFitted() is false and prior() throws.
    bool priorFitted() const { return prior_ != nullptr; }
    void fitPrior(const std::function<void(const std::string&)>& report = {});
    std::shared_ptr<const Prior> prior() const;
    // Replaces the run's prior configuration (and drops its fitted prior) for a refit.
    void setPriorConfig(const PriorConfig& config);

private:
    TrainConfig config_;
    torch::Device device_;
    std::shared_ptr<const Sde> sde_;
    std::unique_ptr<Dataset> dataset_;
    ScoreModel model_{nullptr};
    std::unique_ptr<Ema> ema_;
    std::unique_ptr<torch::optim::Adam> optimizer_;
    std::unique_ptr<DenoisingScoreMatching> objective_;
    Rng rng_;
    int64_t step_ = 0;
    std::shared_ptr<const Prior> prior_;
    std::shared_ptr<DataParallel> parallel_;
};

torch::Device resolveDevice(const std::string& name);  // cpu, cuda or auto; Error if cuda is missing

} // namespace scorescope
