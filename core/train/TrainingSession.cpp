#include "core/train/TrainingSession.h"

#include "core/common/Error.h"
#include "core/distributed/DataParallel.h"
#include "core/run/RunLock.h"
#include "core/train/SampleSnapshot.h"
#include "core/truth/MixtureTruth.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <utility>

namespace scorescope {

namespace fs = std::filesystem;

TrainingSession::TrainingSession(RunDirectory dir, const TrainConfig& config, std::shared_ptr<DataParallel> parallel)
    : dir_(std::move(dir)), trainer_(std::make_unique<Trainer>(config, std::move(parallel)))
{
    if (writes()) {
        auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(dir_.log());
        log_ = std::make_shared<spdlog::logger>("run:" + dir_.root, sink);
        log_->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l] %v");
        log_->flush_on(spdlog::level::info);
        metrics_ = std::make_unique<MetricsLog>(dir_.metricsJsonl(), dir_.metricsCsv());
    } else {
        log_ = std::make_shared<spdlog::logger>("run:" + dir_.root, std::make_shared<spdlog::sinks::null_sink_mt>());
    }
    const auto& sde = *trainer_->sde();
    bins_ = std::make_unique<BinnedStatistics>(sde.sigmaAt(sde.trainingEps()), sde.sigmaAt(sde.horizon()));
    stfBins_ = std::make_unique<BinnedStatistics>(sde.sigmaAt(sde.trainingEps()), sde.sigmaAt(sde.horizon()));
    // The drawn t on its own log axis: mapped from σ bins, VE's σ(t) ≈ σ_min for t ≪ 1 would put
    // decades of t into one bin (§2.2's laws are densities in t).
    timeBins_ = std::make_unique<BinnedStatistics>(std::min(sde.trainingEps(), trainer_->trainingEps()), sde.horizon(), 30,
                                                   "log10_t");
}

BinnedWindow TrainingSession::withTimes(BinnedWindow bins) const
{
    const auto& sde = *trainer_->sde();
    for (double sigma : bins.sigmas())
        bins.t.push_back(std::clamp(sde.timeOfSigmaAt(sigma), sde.trainingEps(), sde.horizon()));
    return bins;
}

void TrainingSession::record(const StepResult& step)
{
    const auto& batch = step.batch;
    if (trainer_->softTruncation())
        taus_.push_back(batch.tau);
    bins_->add(batch.sigma, {{"loss", batch.perSample}});
    timeBins_->add(batch.t, {});
    if (batch.stf.ess.defined()) {
        // STF's diagnostics are this rank's rows of the batch (a data-parallel rank 0 logs its share).
        const auto t = batch.t.slice(0, step.shardBegin, step.shardEnd);
        const auto sigma = batch.sigma.slice(0, step.shardBegin, step.shardEnd);
        // Posterior and target spreads in score units: Cov of (a·y − x)/s² is a²/s⁴ · Cov[y].
        const auto& sde = *trainer_->sde();
        const auto a = sde.meanCoeff(t), s = sde.std(t);
        const auto toScore = a.pow(2) / s.pow(4);
        std::vector<std::pair<std::string, torch::Tensor>> values{{"max_weight", batch.stf.maxWeight},
                                                                  {"ess", batch.stf.ess},
                                                                  {"v_dsm", toScore * batch.stf.posteriorTrace},
                                                                  {"v_stf", toScore * batch.stf.targetTrace}};
        // On a mixture the true score is known: the STF target's squared error against it,
        // E‖ŝ − ∇log p_t‖² = tr Var + bias², from which the view estimates the bias (§3.4).
        if (const auto* mixture = trainer_->dataset().mixture()) {
            const auto x = batch.xt.to(torch::kCPU, torch::kDouble).flatten(1);
            const auto truth = MixtureTruth(*mixture, a, s).score(x);
            values.push_back({"stf_err2", (batch.stf.score(x, a, s).flatten(1) - truth).pow(2).sum(1)});
        }
        stfBins_->add(sigma, values);
    }
}

TrainingSession::~TrainingSession() = default;

bool TrainingSession::writes() const
{
    return !trainer_ || !trainer_->parallel() || trainer_->parallel()->leads();
}

namespace {

// Runs `start` on every rank and agrees on its outcome (one process: just runs it).
void startTogether(const std::shared_ptr<DataParallel>& parallel, const std::string& what, const std::function<void()>& start)
{
    if (parallel)
        parallel->together(what, start);
    else
        start();
}

// A digest of the parameters' bytes: ranks that start from different weights must not train on.
int64_t parameterDigest(ScoreModel& model)
{
    std::string bytes;
    for (const auto& p : model->parameters()) {
        const auto c = p.detach().to(torch::kCPU).contiguous();
        bytes.append(static_cast<const char*>(c.data_ptr()), c.numel() * c.element_size());
    }
    return static_cast<int64_t>(std::hash<std::string>{}(bytes) >> 1);
}

} // namespace

void TrainingSession::checkRanksAgree()
{
    if (auto* parallel = trainer_->parallel()) {
        parallel->checkSame(trainer_->stepCount(), "the step to start from");
        parallel->checkSame(parameterDigest(trainer_->model()), "the network's starting weights");
        log_->info("data parallel: {} processes ({}), each {} of the batch of {}", parallel->size(), parallel->backend(),
                   trainer_->config().batch / parallel->size(), trainer_->config().batch);
    }
}

std::unique_ptr<TrainingSession> TrainingSession::create(const std::string& path, const TrainConfig& config,
                                                         std::shared_ptr<DataParallel> parallel)
{
    RunDirectory dir{path};
    std::unique_ptr<TrainingSession> session;
    const bool leads = !parallel || parallel->leads();
    auto runConfig = config;
    startTogether(parallel, "starting the run in " + path, [&] {
        std::unique_ptr<RunLock> lock;
        if (leads) {
            std::error_code ec;
            fs::create_directories(path, ec);
            if (ec)
                throw Error(path, "cannot create run directory: " + ec.message());
            lock = std::make_unique<RunLock>(path);
            if (fs::exists(dir.config()))
                throw Error(path, "already holds a run (config.json exists); use --resume to continue it or choose another --out");
            runConfig = withMixtureCopied(config, path);
        }
        session.reset(new TrainingSession(dir, runConfig, parallel));
        session->lock_ = std::move(lock);
        if (leads) {
            // The trainer resolves automatic values (σ_d); the written config is the resolved one.
            writeRunConfig(path, session->trainer().config());
            session->log_->info("new run: {}", toJson(session->trainer().config()).dump());
        }
    });
    session->log_->info("device {}, {} parameters", session->trainer().device().str(),
                        session->trainer().model()->parameterCount());
    session->checkRanksAgree();
    return session;
}

std::unique_ptr<TrainingSession> TrainingSession::resume(const std::string& path, std::shared_ptr<DataParallel> parallel,
                                                         const GivenData& given)
{
    RunDirectory dir{path};
    std::unique_ptr<TrainingSession> session;
    startTogether(parallel, "resuming the run in " + path, [&] {
        if (!fs::exists(dir.config()))
            throw Error(path, "is not a run directory (no config.json)");
        auto lock = !parallel || parallel->leads() ? std::make_unique<RunLock>(path) : nullptr;
        session.reset(new TrainingSession(dir, confinedToRun(readTrainConfig(dir.config()), path, dir.config(), given), parallel));
        session->lock_ = std::move(lock);
        if (fs::exists(dir.checkpoint()))
            session->trainer().loadCheckpoint(dir.checkpoint());
        if (session->metrics_)
            session->metrics_->truncateAfter(session->trainer().stepCount());
    });
    session->log_->info("resumed at step {}", session->trainer().stepCount());
    session->checkRanksAgree();
    return session;
}

void TrainingSession::extendTo(int64_t steps)
{
    trainer_->setTotalSteps(steps);
    if (!writes())
        return;
    writeRunConfig(dir_.root, trainer_->config());
    log_->info("total steps set to {}", steps);
}

void TrainingSession::checkpoint()
{
    if (!writes())
        return;
    trainer_->saveCheckpoint(dir_.checkpoint());
    log_->info("checkpoint at step {}", trainer_->stepCount());
}

void TrainingSession::run(const std::function<void(const TrainingProgress&)>& onProgress, const std::atomic<bool>* stop)
{
    using clock = std::chrono::steady_clock;
    const auto& cfg = trainer_->config();
    const auto start = clock::now();
    const int64_t firstStep = trainer_->stepCount();
    auto windowStart = start;
    int64_t windowSteps = 0;
    double rate = 0.0;
    const GradientGroups groups{[this](const torch::Tensor& sigma) { return bins_->binOf(sigma); }, bins_->bins()};
    // The auxiliary prior depends on the data and the SDE only: fitted once, before the first step.
    if (!trainer_->priorFitted())
        trainer_->fitPrior([this](const std::string& line) { log_->info("{}", line); });
    // Data parallel: a stop asked for on any rank is voted on in a step's collective, and every
    // rank stops after that same step.
    bool stopAgreed = false;
    while (trainer_->stepCount() < cfg.steps && !stopAgreed) {
        const bool stopAsked = stop && stop->load();
        if (stopAsked && !trainer_->parallel())
            break;
        const int64_t next = trainer_->stepCount() + 1;
        // STF's weight diagnostics and the per-bin gradients cost extra passes: logging steps only.
        const bool logStep = next % cfg.logEvery == 0 || next == cfg.steps;
        const auto r = trainer_->step(logStep, logStep && cfg.gradientBins ? &groups : nullptr, stopAsked);
        stopAgreed = r.stop;
        ++windowSteps;
        if (writes())
            record(r);
        if (!std::isfinite(r.loss)) {
            log_->error("loss is not finite at step {}; stopping (last checkpoint kept)", r.step);
            throw Error(dir_.root, "training diverged at step " + std::to_string(r.step) + " (loss is not finite)");
        }
        const bool logNow = r.step % cfg.logEvery == 0 || r.step == cfg.steps;
        if (logNow && metrics_) {
            const auto now = clock::now();
            rate = windowSteps / std::max(1e-9, std::chrono::duration<double>(now - windowStart).count());
            windowStart = now;
            windowSteps = 0;
            MetricsRow row;
            row.step = r.step;
            row.loss = r.loss;
            row.lr = r.lr;
            row.gradNorm = r.gradNorm;
            row.stepsPerSecond = rate;
            row.timeSeconds = std::chrono::duration<double>(now - start).count();
            row.lossBins = withTimes(bins_->take());
            if (!r.groupGradientShare.empty()) {
                row.lossBins->series.push_back({"grad_share", r.groupGradientShare, {}});
                row.lossBins->series.push_back({"grad_norm", r.groupGradientNorm, {}});
            }
            if (trainer_->config().objective.target == Target::Stf)
                row.stfBins = withTimes(stfBins_->take());
            row.timeBins = timeBins_->take();
            row.tau = std::exchange(taus_, {});
            metrics_->append(row);
        }
        if (r.step % cfg.checkpointEvery == 0)
            checkpoint();
        if (writes() && cfg.sampleEvery > 0 && (r.step % cfg.sampleEvery == 0 || r.step == cfg.steps)) {
            try {
                writeSampleSnapshot(*trainer_, dir_.root);
            } catch (const std::exception& e) {  // a snapshot is a view, never a reason to lose the run
                log_->warn("no sample snapshot at step {}: {}", r.step, e.what());
            }
        }
        if (onProgress) {
            const double elapsed = std::chrono::duration<double>(clock::now() - start).count();
            onProgress({r.step, cfg.steps, r.loss,
                        rate > 0.0 ? rate : (r.step - firstStep) / std::max(1e-9, elapsed), elapsed});
        }
    }
    if (trainer_->stepCount() % cfg.checkpointEvery != 0)
        checkpoint();
    log_->info("stopped at step {} of {}", trainer_->stepCount(), cfg.steps);
}

} // namespace scorescope
