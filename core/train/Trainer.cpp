#include "core/train/Trainer.h"

#include "core/common/BuildInfo.h"
#include "core/common/Error.h"
#include "core/common/TorchCompat.h"
#include "core/distributed/DataParallel.h"
#include "core/prior/GaussianPrior.h"
#include "core/run/TensorArchive.h"
#include "core/train/DataPaths.h"
#include "core/train/ResolveAutomatic.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace scorescope {

torch::Device resolveDevice(const std::string& name)
{
    if (name == "cpu")
        return torch::kCPU;
    const bool available = torch::cuda::is_available();
    if (name == "cuda" && !available)
        throw Error(cudaBuild() ? "device cuda requested, but no CUDA device or driver is present"
                                : "device cuda requested, but this is a CPU build (its LibTorch has no CUDA)");
    if (name == "cuda" || (name == "auto" && available))
        return torch::kCUDA;
    if (cudaBuild())  // a CUDA build on a machine without a GPU: say once why it runs on the CPU
        spdlog::info("CUDA build, but no CUDA device or driver: running on the CPU");
    return torch::kCPU;
}

Trainer::Trainer(TrainConfig config, std::shared_ptr<DataParallel> parallel)
    : config_(std::move(config)), device_(parallel ? parallel->device() : resolveDevice(config_.device)),
      sde_(makeSde(config_.sde)), dataset_(loadDataset(config_.dataset, config_.images)), rng_(config_.seed),
      parallel_(std::move(parallel))
{
    if (parallel_)
        parallel_->shard(config_.batch);  // a batch the ranks cannot share equally fails here, not at step 1
    config_ = resolveAutomatic(std::move(config_), *dataset_, device_);
    torch::manual_seed(config_.seed);  // network initialisation
    model_ = makeScoreModel(sde_, config_.model, dataset_->sampleShape());
    model_->to(device_);
    ema_ = std::make_unique<Ema>(*model_, config_.emaDecay);
    optimizer_ = std::make_unique<torch::optim::Adam>(
        model_->parameters(), torch::optim::AdamOptions(config_.lr).betas({0.9, config_.adamBeta2}).eps(1e-8));
    objective_ = std::make_unique<DenoisingScoreMatching>(sde_, config_.objective);
    setPriorConfig(config_.prior);
}

void Trainer::setPriorConfig(const PriorConfig& config)
{
    validate(config);
    config_.prior = config;
    prior_ = config.auxiliary() ? nullptr : std::make_shared<GaussianPrior>(sde_->priorStd());
}

void Trainer::fitPrior(const std::function<void(const std::string&)>& report)
{
    prior_ = makePrior(config_.prior, *sde_, *dataset_, config_.seed, device_, report);
}

std::shared_ptr<const Prior> Trainer::prior() const
{
    if (!prior_)
        throw Error("the run's auxiliary prior (" + config_.prior.kind + ") has not been fitted yet");
    return prior_;
}

namespace {

// ∇L as Σ_g ∇L_g, one backward pass per occupied group, with each group's norm and its share
// ⟨∇L_g, ∇L⟩/‖∇L‖²; leaves ∇L in the parameters' .grad. With `parallel`, each ∇L_g is averaged over
// the ranks (a group empty here may be occupied on another rank), so ∇L is already the batch's.
void groupGradients(const torch::Tensor& losses, const torch::Tensor& group, int64_t groups,
                    std::vector<torch::Tensor> params, DataParallel* parallel, StepResult& result)
{
    const auto B = static_cast<double>(losses.size(0));
    const auto g = group.to(losses.device());
    if (g.numel() != losses.size(0) || (g < 0).any().item<bool>() || (g >= groups).any().item<bool>())
        throw Error("gradient groups: expected one id in [0, " + std::to_string(groups) + ") per sample");
    int64_t count = 0;
    for (const auto& p : params)
        count += p.numel();
    std::vector<torch::Tensor> flat(groups);
    std::vector<bool> used(params.size(), false);
    for (int64_t k = 0; k < groups; ++k) {
        const auto mask = g == k;
        if (!mask.any().item<bool>()) {
            if (parallel)
                flat[k] = torch::zeros({count}, losses.options().dtype(torch::kDouble));
            continue;
        }
        const auto grads = torch::autograd::grad({(losses * mask).sum() / B}, params, {}, /*retain_graph=*/true,
                                                 /*create_graph=*/false, /*allow_unused=*/true);
        std::vector<torch::Tensor> parts;
        for (size_t i = 0; i < params.size(); ++i) {
            used[i] = used[i] || grads[i].defined();
            parts.push_back(grads[i].defined() ? grads[i].reshape({-1}) : torch::zeros({params[i].numel()}, params[i].options()));
        }
        flat[k] = torch::cat(parts).to(torch::kDouble);
    }
    if (parallel) {
        parallel->sum(flat, "the per-bin gradient all-reduce");
        for (auto& f : flat)
            f.div_(parallel->size());
    }
    torch::Tensor total;
    for (const auto& f : flat)
        if (f.defined())
            total = total.defined() ? total + f : f.clone();
    const double norm2 = total.pow(2).sum().item<double>();
    for (int64_t k = 0; k < groups; ++k) {
        result.groupGradientNorm.push_back(flat[k].defined() ? flat[k].norm().item<double>() : 0.0);
        result.groupGradientShare.push_back(flat[k].defined() && norm2 > 0 ? (flat[k] * total).sum().item<double>() / norm2 : 0.0);
    }
    int64_t offset = 0;
    for (size_t i = 0; i < params.size(); ++i) {
        // Parameters the loss does not reach keep no gradient, as after an ordinary backward().
        if (used[i])
            params[i].mutable_grad() = total.slice(0, offset, offset + params[i].numel()).view(params[i].sizes()).to(params[i].options());
        offset += params[i].numel();
    }
}

} // namespace

StepResult Trainer::step(bool diagnostics, const GradientGroups* groups, bool stopAsked)
{
    model_->train();
    const double lr = config_.lr * std::min(1.0, static_cast<double>(step_ + 1) / std::max<int64_t>(1, config_.warmup));
    for (auto& group : optimizer_->param_groups())
        static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);

    // Every rank draws the whole batch from the shared stream, then takes its own rows (see the class).
    const int64_t B = config_.batch, extra = objective_->extraSamples();
    const auto data = dataset_->sample(B + extra, rng_).to(torch::kFloat);
    const auto x0 = data.slice(0, 0, B);
    const auto noise = objective_->drawNoise(x0, rng_);
    const auto [begin, end] = parallel_ ? parallel_->shard(B) : std::pair<int64_t, int64_t>{0, B};
    auto mine = noise.slice(begin, end);
    mine.z = mine.z.to(device_);
    optimizer_->zero_grad();
    auto batch = objective_->loss(*model_, x0.slice(0, begin, end).to(device_), mine,
                                  extra > 0 ? data.slice(0, B).to(device_) : torch::Tensor(), diagnostics);
    StepResult result;
    if (groups)
        groupGradients(batch.losses, groups->of(batch.sigma), groups->groups, model_->parameters(), parallel_.get(), result);
    else
        batch.loss.backward();
    result.loss = batch.loss.item<double>();
    result.stop = stopAsked;
    if (parallel_ && parallel_->size() > 1) {
        // One collective: the stop votes, every rank's per-sample losses in its rows of a zero
        // batch (the sum is the whole batch's), and the gradients (their sum, then the mean).
        auto losses = torch::zeros({B}, torch::kFloat);
        losses.slice(0, begin, end).copy_(batch.perSample);
        std::vector<torch::Tensor> reduced{torch::tensor({stopAsked ? 1.0f : 0.0f}), losses};
        if (!groups)  // groupGradients averaged them already
            for (const auto& p : model_->parameters())
                if (p.grad().defined())
                    reduced.push_back(p.mutable_grad());
        parallel_->sum(reduced, "step " + std::to_string(step_ + 1) + "'s all-reduce");
        for (size_t i = 2; i < reduced.size(); ++i)
            reduced[i].div_(parallel_->size());
        result.stop = reduced[0].item<float>() > 0.0f;
        batch.perSample = losses.to(torch::kDouble);
        result.loss = batch.perSample.mean().item<double>();
        // The logged per-σ view covers the whole batch: its t and σ are known on every rank.
        batch.t = noise.times.t;
        batch.sigma = sde_->std(batch.t) / sde_->meanCoeff(batch.t);
    }
    result.shardBegin = begin;
    result.shardEnd = end;
    result.gradNorm = torch::nn::utils::clip_grad_norm_(model_->parameters(), config_.gradClip);
    optimizer_->step();
    ema_->update(*model_);
    result.step = ++step_;
    result.lr = lr;
    result.batch = std::move(batch);
    return result;
}

namespace {

// Adam's per-parameter state (step, first and second moments), in the order of the parameters.
void writeAdam(TensorArchive& archive, torch::optim::Adam& adam)
{
    auto& state = adam.state();
    const auto params = adam.param_groups().at(0).params();
    for (size_t i = 0; i < params.size(); ++i) {
        const auto it = state.find(torchcompat::optimizerStateKey(state, params[i]));
        if (it == state.end())
            continue;  // no step taken yet
        const auto& s = static_cast<const torch::optim::AdamParamState&>(*it->second);
        const std::string key = std::to_string(i);
        archive.write(key + "/step", torch::tensor(static_cast<int64_t>(s.step()), torch::kLong));
        archive.write(key + "/exp_avg", s.exp_avg());
        archive.write(key + "/exp_avg_sq", s.exp_avg_sq());
    }
}

void readAdam(const TensorArchive& archive, torch::optim::Adam& adam)
{
    auto& state = adam.state();
    state.clear();
    const auto params = adam.param_groups().at(0).params();
    for (size_t i = 0; i < params.size(); ++i) {
        const std::string key = std::to_string(i);
        if (!archive.hasNested(key))
            continue;
        const auto step = archive.tensor(key + "/step"), avg = archive.tensor(key + "/exp_avg"),
                   avgSq = archive.tensor(key + "/exp_avg_sq");
        if (step.numel() != 1 || step.scalar_type() != torch::kLong || avg.sizes() != params[i].sizes() ||
            avgSq.sizes() != params[i].sizes() || avg.scalar_type() != params[i].scalar_type() ||
            avgSq.scalar_type() != params[i].scalar_type())
            throw Error(archive.origin(), "the optimizer state does not match this network");
        auto s = std::make_unique<torch::optim::AdamParamState>();
        s->step(step.item<int64_t>());
        s->exp_avg(avg.to(params[i].device()));
        s->exp_avg_sq(avgSq.to(params[i].device()));
        state[torchcompat::optimizerStateKey(state, params[i])] = std::move(s);
    }
}

} // namespace

void Trainer::saveCheckpoint(const std::string& path) const
{
    TensorArchive archive, model, ema, optimizer;
    // Data inside the checkpoint's directory is named relative to it, so that the run can move.
    archive.write("config", toJson(relativeToRun(config_, directoryOf(path))).dump());
    archive.write("step", torch::tensor(step_, torch::kLong));
    archive.write("rng", rng_.state());
    writeModule(model, *model_);
    ema_->save(ema);
    writeAdam(optimizer, *optimizer_);
    archive.write("model", model);
    archive.write("ema", ema);
    archive.write("optimizer", optimizer);
    if (config_.prior.auxiliary() && prior_) {
        TensorArchive prior;
        prior_->save(prior);
        archive.write("prior", prior);
    }
    archive.save(path);
}

void Trainer::loadCheckpoint(const std::string& path)
{
    const auto archive = openCheckpoint(path);
    readingCheckpoint(path, [&] {
        const auto step = checkpointStep(archive);
        const auto rngState = archive.tensor("rng");
        // Everything is checked against this run's network before any of it is applied.
        readModule(archive.nested("model"), *model_);
        model_->to(device_);
        ema_->load(archive.nested("ema"));
        readAdam(archive.nested("optimizer"), *optimizer_);
        rng_.setState(rngState);
        step_ = step;
        if (auto prior = checkpointPrior(archive, config_.prior, path))
            prior_ = std::move(prior);
    });
}

ScoreModel Trainer::emaModel() const
{
    auto copy = makeScoreModel(sde_, config_.model, dataset_->sampleShape());
    copy->to(device_);
    ema_->copyTo(*copy);
    copy->eval();
    return copy;
}

} // namespace scorescope
