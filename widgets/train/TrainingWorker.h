#pragma once
#include <QObject>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

namespace scorescope { class TrainingSession; struct TrainConfig; }

// Runs a training session in the thread it has been moved to, as Qt's Mandelbrot example runs its
// renderer: the UI thread only flips atomics and receives queued signals, so it never waits on a
// step. Pause parks the training thread between two steps; stop ends the run after a checkpoint.
// Progress is emitted at most 10 times a second; the charts follow the run directory's metrics.
class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(QObject* parent = nullptr);
    ~TrainingWorker() override;

    // Thread-safe controls, for the UI thread. Queueing a run clears stop, pause and checkpoint
    // requests first, so a stop that arrives before the run begins is not lost.
    // A new run in `dir` with `config` (validated: NewRunDialog, or trainConfigFromFlags).
    void queueNew(const QString& dir, const scorescope::TrainConfig& config);
    // The run in `dir` continued from its checkpoint; totalSteps > 0 also extends (or shortens) it.
    void queueResume(const QString& dir, qint64 totalSteps);
    void setPaused(bool paused);
    void stop();
    void requestCheckpoint();
    // LibTorch threads for the next run; by default every core, as the CLI. (The UI thread keeps
    // its own LibTorch work serial, keepThisThreadSerial(): a second OpenMP team there made libgomp
    // stop spinning, and the training team then slept at every barrier.)
    void setThreads(int threads) { threads_ = std::max(1, threads); }
    int threads() const { return threads_; }

Q_SIGNALS:
    void started(const QString& dir, const QString& device, qint64 parameters);
    // Before the first step of a run whose auxiliary prior is not fitted yet: a flow takes about a
    // minute on 2 cores (§4.4), and no step is shown meanwhile.
    void fittingPrior(const QString& kind, double horizon);
    void progress(qint64 step, qint64 total, double loss, double stepsPerSecond);
    void pausedChanged(bool paused);
    void checkpointSaved(qint64 step);
    void finished(const QString& dir, qint64 step, bool complete);
    void failed(const QString& message);

private:
    using Opener = std::function<std::unique_ptr<scorescope::TrainingSession>()>;
    // A queued run is handed to the training thread under mutex_, not inside the queued call, so
    // that ThreadSanitizer sees the hand-over (Qt's event queue syncs in uninstrumented code).
    void queue(Opener open);
    void runQueued();  // in the training thread
    void run(const Opener& open);
    void wakeWith(std::atomic<bool>& flag, bool value);

    std::atomic<bool> stop_{false}, paused_{false}, checkpoint_{false};
    std::atomic<int> threads_;
    std::mutex mutex_;
    std::condition_variable wake_;
    Opener queued_;  // guarded by mutex_
};
