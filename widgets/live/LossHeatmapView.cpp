#include "widgets/live/LossHeatmapView.h"

#include "widgets/charts/Viridis.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

LossHeatmapView::LossHeatmapView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(320, 220);
    setToolTip(tr("Mean per-sample loss per σ bin and logging window; hover for values (Soft Truncation §2.1)"));
}

void LossHeatmapView::clear()
{
    times_.clear(), log10Sigma_.clear(), columns_.clear();
    windowsPerColumn_ = 1;
    lo_ = INFINITY, hi_ = -INFINITY;
    update();
}

void LossHeatmapView::addRows(const QVector<scorescope::MetricsRow>& rows)
{
    for (const auto& row : rows) {
        if (!row.lossBins)
            continue;
        const auto loss = row.lossBins->mean("loss");
        if (loss.empty() || (log10Sigma_.isEmpty() && row.lossBins->centres.empty()))
            continue;
        if (log10Sigma_.isEmpty()) {
            times_ = QVector<double>(row.lossBins->t.begin(), row.lossBins->t.end());
            log10Sigma_ = QVector<double>(row.lossBins->centres.begin(), row.lossBins->centres.end());
        }
        const double step = double(row.step);
        Column window{step, step, 1, QVector<double>(this->rows(), 0.0), QVector<int>(this->rows(), 0)};
        for (int r = 0; r < std::min(this->rows(), int(loss.size())); ++r)
            if (const double x = loss[r]; !std::isnan(x)) {
                window.sum[r] = x, window.count[r] = 1;
                if (x > 0.0) {
                    lo_ = std::min(lo_, std::log10(x));
                    hi_ = std::max(hi_, std::log10(x));
                }
            }
        if (columns() > 0 && columns_.back().windows < windowsPerColumn_)
            columns_.back().merge(window);
        else
            columns_.push_back(window);
        if (columns() > kMaxColumns)
            halveColumns();
    }
    update();
}

double LossHeatmapView::value(int column, int row) const
{
    const Column& c = columns_[column];
    return c.count[row] > 0 ? c.sum[row] / c.count[row] : NAN;
}

void LossHeatmapView::Column::merge(const Column& later)
{
    lastStep = later.lastStep;
    windows += later.windows;
    for (int r = 0; r < sum.size(); ++r)
        sum[r] += later.sum[r], count[r] += later.count[r];
}

// A long run logs thousands of windows; every repaint colours every cell, so their number must
// stay bounded (the soak test saw the UI thread's latency grow with the run). Neighbouring
// columns merge in pairs and each later column takes twice the windows: the picture keeps its
// shape, with a linear step axis, at half the columns.
void LossHeatmapView::halveColumns()
{
    QVector<Column> merged;
    for (int c = 0; c < columns(); c += 2) {
        merged.push_back(columns_[c]);
        if (c + 1 < columns())
            merged.back().merge(columns_[c + 1]);
    }
    columns_ = merged;
    windowsPerColumn_ *= 2;
}

QString LossHeatmapView::toCsv() const
{
    QString csv = "step,t,log10_sigma,loss\n";
    for (int c = 0; c < columns(); ++c)
        for (int r = 0; r < rows(); ++r)
            csv += QString("%1,%2,%3,%4\n").arg(columns_[c].lastStep, 0, 'g', 10).arg(time(r), 0, 'g', 10)
                       .arg(log10Sigma_[r], 0, 'g', 10).arg(value(c, r), 0, 'g', 10);
    return csv;
}

QRect LossHeatmapView::plotArea() const { return rect().adjusted(64, 24, -78, -40); }

void LossHeatmapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRect area = plotArea();
    p.drawText(QRect(0, 2, width(), 20), Qt::AlignCenter, tr("Loss over training step × diffusion time"));
    if (columns() == 0 || rows() == 0 || !(lo_ <= hi_)) {
        p.drawText(area, Qt::AlignCenter, tr("No per-σ bins logged yet"));
        return;
    }
    // Cells: columns are logging windows in order, rows σ bins from small t (bottom) to large.
    QImage image(columns(), rows(), QImage::Format_RGB32);
    const double span = std::max(1e-12, hi_ - lo_);
    for (int c = 0; c < columns(); ++c)
        for (int r = 0; r < rows(); ++r) {
            const double v = value(c, r);
            image.setPixelColor(c, rows() - 1 - r, v > 0.0 ? viridis((std::log10(v) - lo_) / span) : QColor(230, 230, 230));
        }
    p.drawImage(area, image);
    p.drawRect(area.adjusted(0, 0, -1, -1));

    // Axes: the first and last step logged at the ends and a middle column's last step; t at each
    // decade the bins reach.
    const QFontMetrics fm = p.fontMetrics();
    for (auto [i, step] : {std::pair{0, columns_.front().firstStep}, {columns() / 2, columns_[columns() / 2].lastStep},
                           {columns() - 1, columns_.back().lastStep}}) {
        const int x = area.left() + static_cast<int>((i + 0.5) * area.width() / columns());
        p.drawText(QRect(x - 40, area.bottom() + 4, 80, fm.height()), Qt::AlignHCenter, QString::number(step, 'f', 0));
    }
    p.drawText(QRect(area.left(), area.bottom() + 4 + fm.height(), area.width(), fm.height()), Qt::AlignHCenter, tr("step"));
    for (int r = 0; r < rows(); r += std::max(1, rows() / 5)) {
        const int y = area.bottom() - static_cast<int>((r + 0.5) * area.height() / rows());
        p.drawText(QRect(0, y - fm.height() / 2, area.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   times_.isEmpty() ? QString("σ %1").arg(std::pow(10.0, log10Sigma_[r]), 0, 'g', 2)
                                    : QString::number(time(r), 'g', 2));
    }
    p.save();
    p.translate(12, area.center().y());
    p.rotate(-90);
    p.drawText(QRect(-60, -10, 120, 20), Qt::AlignCenter, tr("t (σ bin)"));
    p.restore();

    // Colour bar in log10 loss.
    const QRect bar(area.right() + 12, area.top(), 14, area.height());
    for (int y = 0; y < bar.height(); ++y)
        p.setPen(viridis(1.0 - double(y) / std::max(1, bar.height() - 1))), p.drawLine(bar.left(), bar.top() + y, bar.right(), bar.top() + y);
    p.setPen(palette().windowText().color());
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    for (auto [value, y] : {std::pair{hi_, bar.top()}, {lo_, bar.bottom() - fm.height()}})
        p.drawText(QRect(bar.right() + 4, y, 60, fm.height()), Qt::AlignLeft, QString("%1").arg(std::pow(10.0, value), 0, 'g', 2));
}

void LossHeatmapView::mouseMoveEvent(QMouseEvent* event)
{
    const QRect area = plotArea();
    if (columns() == 0 || rows() == 0 || !area.contains(event->pos()))
        return;
    const int c = std::clamp((event->pos().x() - area.left()) * columns() / area.width(), 0, columns() - 1);
    const int r = std::clamp((area.bottom() - event->pos().y()) * rows() / area.height(), 0, rows() - 1);
    const auto [first, last] = stepSpan(c);
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("step %1, t ≈ %2 (σ ≈ %3): loss %4")
                           .arg(first == last ? QString::number(last) : QString("%1–%2").arg(first).arg(last))
                           .arg(time(r), 0, 'g', 3).arg(std::pow(10.0, log10Sigma_[r]), 0, 'g', 3).arg(value(c, r), 0, 'g', 3),
                       this);
}
