#include "widgets/playground/PlaneCanvas.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

PlaneCanvas::PlaneCanvas(QWidget* parent) : QWidget(parent) { setMinimumSize(240, 240); }

void PlaneCanvas::setFrame(const QRectF& frame)
{
    frame_ = frame;
    update();
}

void PlaneCanvas::setBackground(const QImage& image)
{
    background_ = image;
    update();
}

void PlaneCanvas::setOverlay(const QImage& image)
{
    overlay_ = image;
    update();
}

void PlaneCanvas::setTrails(const QVector<QPolygonF>& trails, const QColor& colour)
{
    trails_ = trails;
    trailColour_ = colour;
    update();
}

void PlaneCanvas::setArrows(const QVector<Arrows>& arrows)
{
    arrows_ = arrows;
    update();
}

void PlaneCanvas::setPoints(const QVector<Points>& points)
{
    points_ = points;
    update();
}

void PlaneCanvas::setCaption(const QString& caption)
{
    caption_ = caption;
    update();
}

void PlaneCanvas::setPresentation(bool on)
{
    presentation_ = on;
    update();
}

QRect PlaneCanvas::plotArea() const
{
    // Square and centred: equal scales on both axes keep a ring a ring.
    const int side = std::min(width(), height()) - 8;
    return {(width() - side) / 2, (height() - side) / 2, side, side};
}

double PlaneCanvas::pixelsPerUnit() const { return plotArea().width() / frame_.width(); }

QPointF PlaneCanvas::toPixel(const QPointF& d) const
{
    const QRect area = plotArea();
    return {area.left() + (d.x() - frame_.left()) / frame_.width() * area.width(),
            area.top() + (frame_.top() + frame_.height() - d.y()) / frame_.height() * area.height()};
}

QPointF PlaneCanvas::toData(const QPointF& p) const
{
    const QRect area = plotArea();
    return {frame_.left() + (p.x() - area.left()) / area.width() * frame_.width(),
            frame_.top() + frame_.height() - (p.y() - area.top()) / area.height() * frame_.height()};
}

void PlaneCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    const QRect area = plotArea();
    p.setClipRect(area);
    if (!background_.isNull())
        p.drawImage(area, background_);
    if (!overlay_.isNull())
        p.drawImage(area, overlay_);
    p.setRenderHint(QPainter::Antialiasing);

    if (!trails_.isEmpty()) {
        p.setPen(QPen(trailColour_, 0.8 * scale()));
        for (const auto& trail : trails_) {
            QPolygonF pixels;
            pixels.reserve(trail.size());
            for (const auto& d : trail)
                pixels << toPixel(d);
            p.drawPolyline(pixels);
        }
    }

    for (const auto& layer : arrows_) {
        QVector<QLineF> lines;
        lines.reserve(layer.from.size() * 3);
        const double head = 4.0 * scale();
        for (int i = 0; i < layer.from.size(); ++i) {
            const QPointF a = toPixel(layer.from[i]), b = toPixel(layer.from[i] + layer.delta[i]);
            lines << QLineF(a, b);
            const QPointF d = b - a;
            const double len = std::hypot(d.x(), d.y());
            if (layer.heads && len > 2.0) {
                const QPointF u = d / len, n(-u.y(), u.x());
                const double h = std::min(head, 0.4 * len);
                lines << QLineF(b, b - h * u + 0.5 * h * n) << QLineF(b, b - h * u - 0.5 * h * n);
            }
        }
        p.setPen(QPen(layer.colour, layer.width * scale(), Qt::SolidLine, Qt::RoundCap));
        p.drawLines(lines);
    }

    for (const auto& layer : points_) {
        if (layer.radii.isEmpty() && !layer.hollow) {
            // Round-capped points of a wide pen: one call for thousands of dots.
            p.setPen(QPen(layer.colour, 2.0 * layer.radius * scale(), Qt::SolidLine, Qt::RoundCap));
            QVector<QPointF> pixels;
            pixels.reserve(layer.at.size());
            for (const auto& d : layer.at)
                pixels << toPixel(d);
            p.drawPoints(pixels.constData(), pixels.size());
            continue;
        }
        p.setPen(layer.hollow ? QPen(layer.colour, scale()) : Qt::NoPen);
        p.setBrush(layer.hollow ? Qt::NoBrush : QBrush(layer.colour));
        for (int i = 0; i < layer.at.size(); ++i) {
            const double r = (layer.radii.isEmpty() ? layer.radius : layer.radii[i]) * scale();
            p.drawEllipse(toPixel(layer.at[i]), r, r);
        }
    }
    p.setBrush(Qt::NoBrush);
    paintMarks(p);

    p.setClipping(false);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QColor(120, 120, 120));
    p.drawRect(area.adjusted(0, 0, -1, -1));
    if (!caption_.isEmpty()) {
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * scale());
        p.setFont(f);
        const QRect box = p.fontMetrics().boundingRect(area.adjusted(6, 6, -6, -6), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, caption_);
        p.fillRect(box.adjusted(-3, -2, 3, 2), QColor(255, 255, 255, 200));
        p.setPen(Qt::black);
        p.drawText(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, caption_);
    }
}
