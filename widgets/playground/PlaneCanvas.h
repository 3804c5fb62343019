#pragma once
#include <QColor>
#include <QImage>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QVector>
#include <QWidget>

// A square view of a rectangle of the plane (x right, y up, equal scales) drawn in layers: a
// background image, a translucent overlay image, trails, arrows and points. Everything is given in
// data units; the playground and the step-through sampler both draw on it.
class PlaneCanvas : public QWidget {
    Q_OBJECT
public:
    struct Points {
        QVector<QPointF> at;
        QColor colour;
        double radius = 1.6;         // pixels
        QVector<double> radii;       // per point, overrides radius when not empty
        bool hollow = false;
    };
    struct Arrows {
        QVector<QPointF> from;
        QVector<QPointF> delta;      // data units
        QColor colour;
        double width = 1.0;          // pixels, before the presentation scale
        bool heads = true;
    };

    explicit PlaneCanvas(QWidget* parent = nullptr);

    void setFrame(const QRectF& frame);  // x, y, width, height with y up: the rectangle's bottom-left
    QRectF frame() const { return frame_; }
    void setBackground(const QImage& image);  // covers the frame; row 0 at the top
    void setOverlay(const QImage& image);
    void setTrails(const QVector<QPolygonF>& trails, const QColor& colour);
    void setArrows(const QVector<Arrows>& arrows);
    void setPoints(const QVector<Points>& points);
    void setCaption(const QString& caption);  // top-left, over the plot
    // Projector mode: thicker lines, larger dots and text.
    void setPresentation(bool on);
    bool presentation() const { return presentation_; }

    QRect plotArea() const;
    QPointF toPixel(const QPointF& data) const;
    QPointF toData(const QPointF& pixel) const;
    double pixelsPerUnit() const;

    QSize sizeHint() const override { return {460, 460}; }

protected:
    void paintEvent(QPaintEvent*) override;
    // Subclasses draw their own marks over the layers (the mixture's components, a probe).
    virtual void paintMarks(QPainter&) {}
    double scale() const { return presentation_ ? 2.0 : 1.0; }

private:
    QRectF frame_{-3, -3, 6, 6};
    QImage background_, overlay_;
    QVector<QPolygonF> trails_;
    QColor trailColour_;
    QVector<Arrows> arrows_;
    QVector<Points> points_;
    QString caption_;
    bool presentation_ = false;
};
