#include "widgets/playground/RegimeStripView.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

QColor regimeColour(scorescope::Regime regime, int alpha)
{
    switch (regime) {
    case scorescope::Regime::Near: return {31, 119, 180, alpha};
    case scorescope::Regime::Intermediate: return {255, 127, 14, alpha};
    default: return {150, 150, 150, alpha};
    }
}

RegimeStripView::RegimeStripView(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(240, 110);
    setToolTip(tr("Regime of a point at distance r from the diffused data mean, over the whole horizon (STF §3.2)"));
}

void RegimeStripView::setStrip(const scorescope::RegimeStrip& strip)
{
    strip_ = strip;
    update();
}

void RegimeStripView::setCurrentTime(double t)
{
    t_ = t;
    update();
}

void RegimeStripView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const int left = 44, bottom = 34, top = 6, right = 8;
    const QRect area(left, top, width() - left - right, height() - top - bottom);
    if (strip_.times.size() < 2 || strip_.radii.size() < 2 || area.width() <= 0 || area.height() <= 0)
        return;
    const int nt = static_cast<int>(strip_.times.size()), nr = static_cast<int>(strip_.radii.size());
    QImage image(nt, nr, QImage::Format_RGB32);
    for (int i = 0; i < nt; ++i)
        for (int j = 0; j < nr; ++j)
            image.setPixelColor(i, nr - 1 - j, regimeColour(strip_.at(i, j)));
    p.drawImage(area, image);
    p.setPen(palette().windowText().color());
    p.drawRect(area.adjusted(0, 0, -1, -1));

    const double lo = std::log10(strip_.times.front()), hi = std::log10(strip_.times.back());
    auto xOf = [&](double t) { return area.left() + (std::log10(t) - lo) / (hi - lo) * area.width(); };
    for (int d = static_cast<int>(std::ceil(lo)); d <= static_cast<int>(std::floor(hi)); ++d) {
        const double x = xOf(std::pow(10.0, d));
        p.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4));
        const double labelLeft = std::clamp(x - 30.0, 0.0, width() - 60.0);  // the last decade stays inside
        p.drawText(QRectF(labelLeft, area.bottom() + 4, 60, 14), Qt::AlignCenter, QStringLiteral("1e%1").arg(d));
    }
    p.drawText(QRect(area.left(), area.bottom() + 18, area.width(), 14), Qt::AlignCenter, tr("t (log scale)"));
    p.save();
    p.translate(12, area.center().y());
    p.rotate(-90);
    p.drawText(QRect(-area.height() / 2, -8, area.height(), 16), Qt::AlignCenter, tr("radius"));
    p.restore();
    p.drawText(QRect(0, area.top(), left - 4, 14), Qt::AlignRight, QString::number(strip_.radii.back(), 'g', 2));
    p.drawText(QRect(0, area.bottom() - 14, left - 4, 14), Qt::AlignRight, QStringLiteral("0"));
    if (t_ > 0.0) {
        const double x = xOf(std::clamp(t_, strip_.times.front(), strip_.times.back()));
        p.setPen(QPen(Qt::black, 2));
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
}
