#include "widgets/live/PointCloudView.h"

#include <QPainter>

#include <algorithm>

PointCloudView::PointCloudView(QWidget* parent) : QWidget(parent) { setMinimumSize(240, 240); }

void PointCloudView::setBackground(const QRectF& frame, const QImage& density)
{
    frame_ = frame;
    density_ = density;
    update();
}

void PointCloudView::setPoints(const QVector<QPointF>& points)
{
    points_ = points;
    update();
}

void PointCloudView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    // A square plot, centred: equal scales on both axes keep a ring a ring.
    const int side = std::min(width(), height()) - 8;
    const QRect area((width() - side) / 2, (height() - side) / 2, side, side);
    if (!density_.isNull())
        p.drawImage(area, density_);
    p.setPen(QColor(120, 120, 120));
    p.drawRect(area.adjusted(0, 0, -1, -1));
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(214, 39, 40, 150));
    if (!(frame_.width() > 0.0 && frame_.height() > 0.0))
        return;
    for (const auto& pt : points_) {
        const double u = (pt.x() - frame_.left()) / frame_.width(), v = (frame_.bottom() - pt.y()) / frame_.height();
        if (u >= 0 && u <= 1 && v >= 0 && v <= 1)
            p.drawEllipse(QPointF(area.left() + u * area.width(), area.top() + v * area.height()), 1.6, 1.6);
    }
}
