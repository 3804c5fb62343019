#pragma once
#include "core/playground/DiffusionField.h"
#include "widgets/playground/LatestResult.h"
#include "core/playground/PointProbe.h"
#include "core/playground/RegimeMap.h"
#include "core/playground/SamplerTrace.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace scorescope { class Sde; class ScoreFunction; }

// The SDE the playground diffuses with: its name and time range.
struct SdeInfo {
    QString name;
    double eps = 1e-3, T = 1.0;
};

// A trained run opened for its score: a label, and its data when that is a 2-D mixture.
struct RunInfo {
    int index = -1;
    QString label;
    bool hasMixture = false;
    scorescope::PlanarMixture mixture;
    SdeInfo sde;
};

// What a step-through panel draws: the current frame, the particles' recent positions, and where
// the run stands.
struct TraceView {
    scorescope::TraceFrame frame;
    double a = 1.0, s = 1.0;            // the kernel at the frame's t: a·denoised − x = s²·score
    scorescope::PlaneGrid densityGrid;  // the true p_t at the frame's t, where the particles should be
    std::vector<float> logDensity;
    QVector<std::vector<float>> trail;  // positions of the previous frames, oldest first
    int64_t totalSteps = -1;
    bool atEnd = false;
    QString sampler;
};

// Which score a step-through side uses: the closed form of the current mixture (run < 0) or a run.
struct TraceSetup {
    scorescope::TraceOptions options;
    int run = -1;
};

// All of the playground's LibTorch work, in the thread it is moved to (the UI thread never calls
// LibTorch): fields, probes, regime strips, loaded runs and the step-through traces. Requests are
// thread-safe; field, probe and strip requests coalesce, so a drag that outruns the computation
// only ever computes the latest state. Jobs and results cross threads under the worker's mutexes,
// and the signals carry no data: ThreadSanitizer cannot see Qt's event queue order a hand-over.
class PlaygroundWorker : public QObject {
    Q_OBJECT
public:
    explicit PlaygroundWorker(QObject* parent = nullptr);
    ~PlaygroundWorker() override;

    void setSde(const QString& kind);  // ve, vp, subvp, edm with the defaults of §6
    void loadRun(const QString& dir);
    void requestField(const scorescope::FieldRequest& request, int run);
    void requestProbe(const scorescope::ProbeRequest& request);
    void requestStrip(const scorescope::PlanarMixture& mixture, double maxRadius);
    // Step-through: (re)starts both sides from x_T on the current mixture; then moves them together.
    void setupTraces(const scorescope::PlanarMixture& truth, const scorescope::PlaneGrid& densityGrid, const TraceSetup& a,
                     const TraceSetup& b, int trailLength);
    void moveTraces(int delta);
    void jumpTraces(int64_t step);

    static constexpr int sides = 2;

    // For the UI thread, before it ends the worker's thread: drops the views' connections (their
    // slots were made in the UI thread) and the queued jobs, then takes the lock that the worker's
    // destructor takes, so that ThreadSanitizer sees the UI thread's last use of the worker ordered
    // before the worker's thread deletes it (Qt orders the two in uninstrumented code).
    void release();

    // Results, for the UI thread once the matching signal has arrived. A take returns nothing when
    // a slot for an earlier signal already took the latest result.
    SdeInfo sde() const;
    RunInfo loadedRun(int index) const;
    std::optional<scorescope::FieldSnapshot> takeField() { return fieldResult_.take(); }
    std::optional<scorescope::ProbeResult> takeProbe() { return probeResult_.take(); }
    std::optional<scorescope::RegimeStrip> takeStrip() { return stripResult_.take(); }
    std::optional<QVector<TraceView>> takeTraces() { return tracesResult_.take(); }

Q_SIGNALS:
    void sdeChanged();
    void runLoaded(int index);
    void fieldReady();
    void probeReady();
    void stripReady();
    void tracesReady();
    void failed(const QString& message);

private:
    void post(std::function<void()> job);  // runs in the worker's thread, in order
    void runNext();
    // With mutex_ locked, which it unlocks: one drain serves every request pending when it runs.
    void scheduleDrain(std::unique_lock<std::mutex>& lock);
    void drain();
    void setCurrentSde(std::shared_ptr<const scorescope::Sde> sde);
    void guarded(const std::function<void()>& job);
    void emitTraces();
    std::shared_ptr<const scorescope::Sde> sdeFor(int run) const;

    struct Run {
        std::shared_ptr<scorescope::ScoreFunction> score;
        std::shared_ptr<const scorescope::Sde> sde;
        std::shared_ptr<const scorescope::Prior> prior;
        std::shared_ptr<void> owner;  // keeps the restored run alive
    };
    // Worker-thread state.
    std::shared_ptr<const scorescope::Sde> sde_;
    std::vector<Run> runs_;
    std::vector<std::unique_ptr<scorescope::SamplerTrace>> traces_;
    std::vector<std::shared_ptr<const scorescope::Sde>> traceSdes_;
    scorescope::PlanarMixture traceTruth_;
    scorescope::PlaneGrid traceGrid_;
    int trailLength_ = 0;

    // Shared with the UI thread, guarded by mutex_: the queued jobs, the latest pending requests,
    // and what the UI reads of the SDE and the loaded runs.
    mutable std::mutex mutex_;
    std::deque<std::function<void()>> jobs_;
    std::optional<std::pair<scorescope::FieldRequest, int>> fieldRequest_;
    std::optional<scorescope::ProbeRequest> probeRequest_;
    std::optional<std::pair<scorescope::PlanarMixture, double>> stripRequest_;
    bool drainScheduled_ = false;
    SdeInfo sdeInfo_;
    std::vector<RunInfo> loadedRuns_;

    LatestResult<scorescope::FieldSnapshot> fieldResult_;
    LatestResult<scorescope::ProbeResult> probeResult_;
    LatestResult<scorescope::RegimeStrip> stripResult_;
    LatestResult<QVector<TraceView>> tracesResult_;
};
