#pragma once
#include "core/playground/RegimeMap.h"

#include <QWidget>

// The regime over the whole horizon (§3.2): log t across, the distance from the diffused data mean
// up, near / intermediate / far as colours; a line marks the playground's current t.
class RegimeStripView : public QWidget {
    Q_OBJECT
public:
    explicit RegimeStripView(QWidget* parent = nullptr);
    void setStrip(const scorescope::RegimeStrip& strip);
    void setCurrentTime(double t);
    const scorescope::RegimeStrip& strip() const { return strip_; }
    QSize sizeHint() const override { return {320, 130}; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    scorescope::RegimeStrip strip_;
    double t_ = 0.0;
};

// The colours of the three regimes, shared by the strip, the plane overlay and the legends.
QColor regimeColour(scorescope::Regime regime, int alpha = 255);
