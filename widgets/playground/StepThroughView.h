#pragma once
#include "widgets/playground/PlaygroundWorker.h"

#include <QVector>
#include <QWidget>

class PlaneCanvas;
class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QTimer;
class QToolButton;

// Step-through reverse sampling, two samplers side by side on the same seeds: each side picks a
// sampler and a score (the closed form of the playground's mixture, or a trained run's model).
// Step forward, step back, play at a chosen speed, jump to a step; particles with trails, the score
// arrows and denoised estimates of the current step over the true p_t, and the NFE and the energy
// distance to the true mixture as the run goes.
class StepThroughView : public QWidget {
    Q_OBJECT
public:
    StepThroughView(PlaygroundWorker* worker, QWidget* parent = nullptr);

    void setMixture(const scorescope::PlanarMixture& mixture);  // restarts
    void setSide(int side, const QString& sampler, int run);   // run −1: the closed form
    void restart();
    void step(int delta);
    void jumpTo(int step);
    void setPresentation(bool on);
    void setNote(const QString& html);

    // The latest frames the worker delivered, one per side (for the tests).
    const QVector<TraceView>& sides() const { return last_; }
    int framesReceived() const { return framesReceived_; }
    PlaneCanvas* canvas(int side) const { return canvases_[side]; }

private:
    void show(const QVector<TraceView>& sides);
    void addRun(const RunInfo& run);
    void tick();

    PlaygroundWorker* worker_;
    scorescope::PlanarMixture mixture_;
    QComboBox* samplers_[2];
    QComboBox* scores_[2];
    PlaneCanvas* canvases_[2];
    QLabel* stats_[2];
    QSpinBox *steps_, *particles_, *seed_, *speed_;
    QToolButton *back_, *forward_, *play_, *restart_;
    QSlider* jump_;
    QLabel* stepLabel_;
    QCheckBox *trails_, *arrows_, *denoised_;
    QLabel* note_;
    QTimer* playTimer_;
    bool waiting_ = false;  // a request is in flight: play waits for it
    int framesReceived_ = 0;
    QVector<TraceView> last_;
};
