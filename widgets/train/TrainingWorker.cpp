#include "widgets/train/TrainingWorker.h"

#include "core/train/TrainConfig.h"
#include "core/train/TrainingSession.h"

#include <c10/util/Exception.h>
#include <torch/torch.h>

#include <chrono>
#include <thread>

using namespace scorescope;

TrainingWorker::TrainingWorker(QObject* parent)
    : QObject(parent), threads_(std::max(1, static_cast<int>(std::thread::hardware_concurrency())))
{
}

// The training thread deletes the worker when it ends, after the UI thread's last stop(). Qt orders
// the two where ThreadSanitizer cannot see; taking the lock shows it that the wake is over.
TrainingWorker::~TrainingWorker() { std::lock_guard lock(mutex_); }

void TrainingWorker::wakeWith(std::atomic<bool>& flag, bool value)
{
    std::lock_guard lock(mutex_);
    flag = value;
    wake_.notify_all();
}

void TrainingWorker::queue(Opener open)
{
    {
        std::lock_guard lock(mutex_);
        stop_ = false;
        paused_ = false;
        checkpoint_ = false;
        queued_ = std::move(open);
    }
    QMetaObject::invokeMethod(this, &TrainingWorker::runQueued, Qt::QueuedConnection);
}

void TrainingWorker::queueNew(const QString& dir, const TrainConfig& config)
{
    queue([dir, config] { return TrainingSession::create(dir.toStdString(), config); });
}

void TrainingWorker::queueResume(const QString& dir, qint64 totalSteps)
{
    queue([dir, totalSteps] {
        auto session = TrainingSession::resume(dir.toStdString());
        if (totalSteps > 0)
            session->extendTo(totalSteps);
        return session;
    });
}

void TrainingWorker::setPaused(bool paused) { wakeWith(paused_, paused); }
void TrainingWorker::stop() { wakeWith(stop_, true); }
void TrainingWorker::requestCheckpoint() { wakeWith(checkpoint_, true); }

void TrainingWorker::runQueued()
{
    Opener open;
    {
        std::lock_guard lock(mutex_);
        open.swap(queued_);
    }
    if (open)
        run(open);
}

void TrainingWorker::run(const Opener& open)
{
    using clock = std::chrono::steady_clock;
    torch::set_num_threads(threads_);
    try {
        auto session = open();
        auto& trainer = session->trainer();
        const auto dir = QString::fromStdString(session->directory().root);
        Q_EMIT started(dir, QString::fromStdString(trainer.device().str()), trainer.model()->parameterCount());
        if (!trainer.priorFitted())
            Q_EMIT fittingPrior(QString::fromStdString(trainer.config().prior.kind), trainer.sde()->horizon());
        auto lastEmit = clock::now() - std::chrono::seconds(1);
        auto checkpointIfAsked = [&](int64_t step) {
            if (checkpoint_.exchange(false)) {
                session->checkpoint();
                Q_EMIT checkpointSaved(step);
            }
        };
        session->run(
            [&](const TrainingProgress& p) {
                checkpointIfAsked(p.step);
                const auto now = clock::now();
                if (now - lastEmit >= std::chrono::milliseconds(100) || p.step == p.total) {
                    lastEmit = now;
                    Q_EMIT progress(p.step, p.total, p.loss, p.stepsPerSecond);
                }
                if (!paused_ || stop_)
                    return;
                Q_EMIT pausedChanged(true);
                while (paused_ && !stop_) {
                    {
                        std::unique_lock lock(mutex_);
                        wake_.wait(lock, [&] { return !paused_ || stop_ || checkpoint_; });
                    }
                    checkpointIfAsked(p.step);
                }
                Q_EMIT pausedChanged(false);
            },
            &stop_);
        Q_EMIT finished(dir, trainer.stepCount(), trainer.stepCount() >= trainer.config().steps);
    } catch (const c10::Error& e) {
        Q_EMIT failed(QString::fromStdString(e.what_without_backtrace()));
    } catch (const std::exception& e) {  // scorescope::Error names the file (a config is validated before it is queued)
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}
