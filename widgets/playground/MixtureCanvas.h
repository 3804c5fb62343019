#pragma once
#include "widgets/playground/PlaneCanvas.h"
#include "core/playground/PlanarMixture.h"

#include <QVector>

// The playground's canvas: shows the mixture's components as 1σ/2σ ellipses with a handle at each
// mean, and lets the mouse edit them. Edit mode: click on empty ground adds a component, drag a
// handle to move it, the wheel over a component resizes it, right click (or Delete on the selected
// one) removes it. Spray mode: drag to spray narrow components freehand. Probe mode: click a point
// to see the training targets there.
class MixtureCanvas : public PlaneCanvas {
    Q_OBJECT
public:
    enum class Mode { Edit, Spray, Probe };

    explicit MixtureCanvas(QWidget* parent = nullptr);

    void setMixture(const scorescope::PlanarMixture& mixture);
    const scorescope::PlanarMixture& mixture() const { return mixture_; }
    void setMode(Mode mode) { mode_ = mode; }
    Mode mode() const { return mode_; }
    int selected() const { return selected_; }
    // A mark at the probed point (null: none).
    void setProbe(const QPointF& at, bool shown);

    static constexpr double newComponentStd = 0.3;
    static constexpr double sprayStd = 0.08;

Q_SIGNALS:
    void mixtureEdited(const scorescope::PlanarMixture& mixture);
    void probeRequested(const QPointF& at);

protected:
    void paintMarks(QPainter& p) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;

private:
    int componentAt(const QPointF& pixel) const;  // a handle within reach, else -1
    void addComponent(const QPointF& data, double std);
    void removeComponent(int index);
    void edited();

    scorescope::PlanarMixture mixture_;
    Mode mode_ = Mode::Edit;
    int selected_ = -1;
    bool dragging_ = false;
    QPointF lastSpray_;
    QPointF probe_;
    bool probeShown_ = false;
};
