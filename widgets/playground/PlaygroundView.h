#pragma once
#include "core/playground/DiffusionField.h"
#include "core/playground/PointProbe.h"

#include <QWidget>

#include <optional>

class MixtureCanvas;
class PlaygroundWorker;
class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;
class RegimeStripView;
struct SdeInfo;

// The toy playground: edit a 2-D mixture on the canvas and watch p_t at one diffusion time: the
// density as a heat map, the score field as arrows (closed form, a trained model's, or their
// difference), forward-diffused samples and the regime map; click a point to see the reference
// batch weighted as STF weighs it, the DSM and STF targets beside the true score (§3.2–3.3, §5).
// All computing happens in the PlaygroundWorker's thread.
class PlaygroundView : public QWidget {
    Q_OBJECT
public:
    PlaygroundView(PlaygroundWorker* worker, QWidget* parent = nullptr);

    void setMixture(const scorescope::PlanarMixture& mixture);
    const scorescope::PlanarMixture& mixture() const;
    void setTime(double t);  // clamped to the SDE's [ε, T]
    double time() const;
    void setScoreSource(scorescope::ScoreSource source);
    void setRun(int run) { run_ = run; refresh(); }  // the run whose model the field shows
    void probe(const QPointF& at);
    void setPresentation(bool on);
    void setNote(const QString& html);  // the lesson beside the view

    MixtureCanvas* canvas() const { return canvas_; }
    RegimeStripView* regimeStrip() const { return strip_; }
    // The latest results the worker delivered (for the tests and the benchmark).
    const std::optional<scorescope::FieldSnapshot>& field() const { return field_; }
    const std::optional<scorescope::ProbeResult>& lastProbe() const { return probe_; }
    int fieldsReceived() const { return fieldsReceived_; }

    // The canvas layers of a field (heat map, regimes, arrows, samples) as the view draws them.
    static QImage densityImage(const scorescope::FieldSnapshot& field);

Q_SIGNALS:
    void mixtureChanged(const scorescope::PlanarMixture& mixture);

private:
    void refresh();           // asks the worker for the field at the current state
    void showField(const scorescope::FieldSnapshot& field);
    void showProbe(const scorescope::ProbeResult& probe);
    void onSde(const SdeInfo& sde);
    void updateTimeLabel();
    double sliderTime(int value) const;

    PlaygroundWorker* worker_;
    MixtureCanvas* canvas_;
    RegimeStripView* strip_;
    QSlider* timeSlider_;
    QToolButton* play_;
    QTimer* playTimer_;
    QLabel* timeLabel_;
    QComboBox* source_;
    QCheckBox *showDensity_, *showArrows_, *showSamples_, *showRegimes_;
    QLabel* probeLabel_;
    QLabel* note_;
    double eps_ = 1e-3, T_ = 1.0;
    int run_ = -1;
    std::optional<scorescope::FieldSnapshot> field_;
    std::optional<scorescope::ProbeResult> probe_;
    std::optional<QPointF> probeAt_;
    int fieldsReceived_ = 0;
};
