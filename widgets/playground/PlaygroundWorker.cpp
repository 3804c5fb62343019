#include "widgets/playground/PlaygroundWorker.h"

#include "core/common/Error.h"
#include "core/objective/DenoisingScoreMatching.h"
#include "core/run/RunDirectory.h"
#include "core/sde/SdeFactory.h"
#include "core/train/TrainedModel.h"
#include "core/truth/GaussianMixture.h"
#include "core/truth/MixtureScore.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaObject>

#include <torch/torch.h>

using namespace scorescope;

namespace {
SdeInfo infoOf(const Sde& sde)
{
    return {QString::fromStdString(sde.name()), sde.samplingEps(), sde.horizon()};
}
}

PlaygroundWorker::PlaygroundWorker(QObject* parent) : QObject(parent)
{
    setCurrentSde(makeSde(SdeConfig::defaults(SdeKind::VP)));
}

// The worker's thread deletes it when it ends, after release(): the lock pairs with release()'s.
PlaygroundWorker::~PlaygroundWorker() { std::lock_guard lock(mutex_); }

void PlaygroundWorker::release()
{
    disconnect();
    std::lock_guard lock(mutex_);
    jobs_.clear();
}

void PlaygroundWorker::post(std::function<void()> job)
{
    // Under the lock, so that the call object invokeMethod allocates here is ordered before the
    // worker's thread frees it.
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
    QMetaObject::invokeMethod(this, &PlaygroundWorker::runNext, Qt::QueuedConnection);
}

void PlaygroundWorker::runNext()
{
    std::function<void()> job;
    {
        std::lock_guard lock(mutex_);
        if (jobs_.empty())
            return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
    }
    guarded(job);
}

void PlaygroundWorker::guarded(const std::function<void()>& job)
{
    try {
        job();
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}

void PlaygroundWorker::setCurrentSde(std::shared_ptr<const Sde> sde)
{
    sde_ = std::move(sde);
    std::lock_guard lock(mutex_);
    sdeInfo_ = infoOf(*sde_);
}

SdeInfo PlaygroundWorker::sde() const
{
    std::lock_guard lock(mutex_);
    return sdeInfo_;
}

RunInfo PlaygroundWorker::loadedRun(int index) const
{
    std::lock_guard lock(mutex_);
    return loadedRuns_.at(index);
}

void PlaygroundWorker::setSde(const QString& kind)
{
    post([this, kind] {
        setCurrentSde(makeSde(SdeConfig::defaults(parseSdeKind(kind.toStdString()))));
        Q_EMIT sdeChanged();
    });
}

void PlaygroundWorker::loadRun(const QString& dir)
{
    post([this, dir] {
        const auto checkpoint = RunDirectory{dir.toStdString()}.checkpoint();
        if (!QFileInfo::exists(QString::fromStdString(checkpoint)))
            throw Error(checkpoint, "no checkpoint: open a run directory that has trained at least one checkpoint");
        auto restored = std::make_shared<TrainedModel>(loadTrainedModel(checkpoint, "cpu", {}));
        RunInfo info;
        info.index = static_cast<int>(runs_.size());
        info.label = QStringLiteral("%1 (%2, %3, %4 steps)")
                         .arg(QDir(dir).dirName(), QString::fromStdString(restored->sde->name()),
                              QString::fromStdString(targetName(restored->config.objective.target)))
                         .arg(restored->step);
        if (const auto* mixture = restored->dataset->mixture(); mixture && mixture->dim() == 2) {
            info.hasMixture = true;
            info.mixture = toPlanarMixture(*mixture, dir.toStdString());
        }
        info.sde = infoOf(*restored->sde);
        runs_.push_back({restored->model.ptr(), restored->sde, restored->prior, restored});
        {
            std::lock_guard lock(mutex_);
            loadedRuns_.push_back(info);
        }
        // The playground diffuses as the run did, so its model and the closed form share one kernel.
        setCurrentSde(restored->sde);
        Q_EMIT runLoaded(info.index);
        Q_EMIT sdeChanged();
    });
}

std::shared_ptr<const Sde> PlaygroundWorker::sdeFor(int run) const
{
    return run >= 0 && run < static_cast<int>(runs_.size()) ? runs_[run].sde : sde_;
}

void PlaygroundWorker::requestField(const FieldRequest& request, int run)
{
    std::unique_lock lock(mutex_);
    fieldRequest_ = {request, run};
    scheduleDrain(lock);
}

void PlaygroundWorker::requestProbe(const ProbeRequest& request)
{
    std::unique_lock lock(mutex_);
    probeRequest_ = request;
    scheduleDrain(lock);
}

void PlaygroundWorker::requestStrip(const PlanarMixture& mixture, double maxRadius)
{
    std::unique_lock lock(mutex_);
    stripRequest_ = {mixture, maxRadius};
    scheduleDrain(lock);
}

void PlaygroundWorker::scheduleDrain(std::unique_lock<std::mutex>& lock)
{
    if (std::exchange(drainScheduled_, true))
        return;
    lock.unlock();
    post([this] { drain(); });
}

void PlaygroundWorker::drain()
{
    std::optional<std::pair<FieldRequest, int>> field;
    std::optional<ProbeRequest> probe;
    std::optional<std::pair<PlanarMixture, double>> strip;
    {
        std::lock_guard lock(mutex_);
        field.swap(fieldRequest_);
        probe.swap(probeRequest_);
        strip.swap(stripRequest_);
        drainScheduled_ = false;
    }
    if (field)
        guarded([&] {
            auto& [request, run] = *field;
            // A view that has not chosen a run yet (its run is still loading) means the latest one.
            if (run < 0 && !runs_.empty())
                run = static_cast<int>(runs_.size()) - 1;
            request.sde = sdeFor(run);
            if (run >= 0 && run < static_cast<int>(runs_.size()))
                request.model = runs_[run].score;
            fieldResult_.put(computeField(request));
            Q_EMIT fieldReady();
        });
    if (probe)
        guarded([&] {
            probe->sde = sde_;
            probeResult_.put(probePoint(*probe));
            Q_EMIT probeReady();
        });
    if (strip)
        guarded([&] {
            // The strip runs over the whole horizon: 48 log-spaced times, 40 radii (§3.2).
            stripResult_.put(regimeStrip(toGaussianMixture(strip->first), *sde_, strip->second, 48, 40, 256, 7));
            Q_EMIT stripReady();
        });
}

void PlaygroundWorker::setupTraces(const PlanarMixture& truth, const PlaneGrid& densityGrid, const TraceSetup& a,
                                   const TraceSetup& b, int trailLength)
{
    post([this, truth, densityGrid, a, b, trailLength] {
        traces_.clear();
        traceSdes_.clear();
        traceTruth_ = truth;
        traceGrid_ = densityGrid;
        trailLength_ = trailLength;
        for (const auto& side : {a, b}) {
            const bool fromRun = side.run >= 0 && side.run < static_cast<int>(runs_.size());
            auto options = side.options;
            std::shared_ptr<ScoreFunction> score;
            if (fromRun) {
                score = runs_[side.run].score;
                options.prior = runs_[side.run].prior;
            } else {
                score = std::make_shared<MixtureScore>(toGaussianMixture(truth), sde_);
            }
            traceSdes_.push_back(sdeFor(side.run));
            traces_.push_back(std::make_unique<SamplerTrace>(traceSdes_.back(), score, truth, options));
        }
        emitTraces();
    });
}

void PlaygroundWorker::moveTraces(int delta)
{
    post([this, delta] {
        for (auto& trace : traces_)
            for (int i = 0; i < std::abs(delta); ++i)
                if (!(delta > 0 ? trace->forward() : trace->back()))
                    break;
        emitTraces();
    });
}

void PlaygroundWorker::jumpTraces(int64_t step)
{
    post([this, step] {
        for (auto& trace : traces_)
            trace->jumpTo(step);
        emitTraces();
    });
}

void PlaygroundWorker::emitTraces()
{
    QVector<TraceView> views;
    const auto truth = toGaussianMixture(traceTruth_);
    for (size_t i = 0; i < traces_.size(); ++i) {
        const auto& trace = traces_[i];
        const Sde& sde = *traceSdes_[i];
        TraceView v;
        v.frame = trace->frame();
        v.a = sde.meanCoeffAt(v.frame.t);
        v.s = sde.stdAt(v.frame.t);
        v.densityGrid = traceGrid_;
        v.logDensity = logDensityGrid(truth, sde, v.frame.t, traceGrid_);
        for (int64_t k = std::max<int64_t>(0, trace->position() - trailLength_); k < trace->position(); ++k)
            v.trail.push_back(trace->frameAt(k).x);
        v.totalSteps = trace->totalSteps();
        v.atEnd = trace->atEnd();
        v.sampler = QString::fromStdString(trace->samplerName());
        views.push_back(std::move(v));
    }
    tracesResult_.put(std::move(views));
    Q_EMIT tracesReady();
}
