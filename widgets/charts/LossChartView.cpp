#include "widgets/charts/LossChartView.h"

#include "core/analysis/DebiasedEma.h"
#include "widgets/charts/LogScaleAxis.h"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

LossChartView::LossChartView(QWidget* parent)
    : QChartView(new QChart, parent), raw_(new QLineSeries), smooth_(new QLineSeries), xAxis_(new QValueAxis),
      yAxis_(new LogScaleAxis)
{
    setObjectName("lossChart");
    QChart* c = chart();  // made with the view, as CurveChartView's
    c->setTitle(tr("Training loss"));
    raw_->setName(tr("loss"));
    smooth_->setName(tr("smoothed"));
    QPen faint(QColor(31, 119, 180, 70));
    faint.setWidthF(1.0);
    raw_->setPen(faint);
    QPen strong(QColor(31, 119, 180));
    strong.setWidthF(2.0);
    smooth_->setPen(strong);
    c->addSeries(raw_);
    c->addSeries(smooth_);
    xAxis_->setTitleText(tr("step"));
    xAxis_->setLabelFormat("%.0f");
    yAxis_->setTitleText(tr("loss"));
    c->addAxis(xAxis_, Qt::AlignBottom);
    c->addAxis(yAxis_, Qt::AlignLeft);
    for (auto* s : {raw_, smooth_}) {
        s->attachAxis(xAxis_);
        s->attachAxis(yAxis_);
    }
    c->legend()->setAlignment(Qt::AlignBottom);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
}

void LossChartView::clear()
{
    data_.clear();
    redraw();
}

void LossChartView::append(const QVector<QPointF>& points)
{
    for (const auto& p : points) {
        data_.steps.push_back(p.x());
        data_.values.push_back(p.y());
    }
    redraw();
}

int LossChartView::drawnPoints() const { return raw_->count(); }

void LossChartView::setIgnoreOutliers(bool ignore)
{
    ignoreOutliers_ = ignore;
    redraw();
}

std::vector<double> LossChartView::smoothed() const
{
    return scorescope::debiasedEma({data_.values.begin(), data_.values.end()}, smoothing_);
}

QString LossChartView::toCsv() const
{
    const auto smooth = smoothed();
    QString csv = "step,loss,smoothed\n";
    for (int i = 0; i < data_.steps.size(); ++i)
        csv += QString("%1,%2,%3\n").arg(data_.steps[i], 0, 'g', 10).arg(data_.values[i], 0, 'g', 10).arg(smooth[i], 0, 'g', 10);
    return csv;
}

void LossChartView::redraw()
{
    const auto smooth = smoothed();
    const int n = data_.steps.size();
    const int stride = std::max(1, (n + kBuckets - 1) / kBuckets);
    QList<QPointF> raw, sm;
    double lo = INFINITY, hi = -INFINITY;
    for (int begin = 0; begin < n; begin += stride) {
        int low = -1, high = -1;
        for (int i = begin; i < std::min(n, begin + stride); ++i) {
            const double v = data_.values[i];
            if (!(v > 0.0) || !std::isfinite(v))
                continue;  // a log axis cannot show it
            if (low < 0 || v < data_.values[low])
                low = i;
            if (high < 0 || v > data_.values[high])
                high = i;
        }
        if (low < 0)
            continue;
        for (const int i : {std::min(low, high), std::max(low, high)}) {
            raw.push_back({data_.steps[i], std::log10(data_.values[i])});
            if (low == high)
                break;
        }
        const int last = std::max(low, high);
        sm.push_back({data_.steps[last], std::log10(smooth[last])});
        lo = std::min(lo, data_.values[low]);
        hi = std::max(hi, data_.values[high]);
    }
    raw_->replace(raw);
    smooth_->replace(sm);
    if (raw.isEmpty()) {
        xAxis_->setRange(0, 1);
        yAxis_->setDataRange(0.1, 1);
        return;
    }
    if (ignoreOutliers_ && raw.size() >= 10) {
        QVector<double> sorted;
        for (const auto& p : raw)
            sorted.push_back(p.y());
        std::sort(sorted.begin(), sorted.end());
        lo = std::pow(10.0, sorted[static_cast<int>(0.02 * (sorted.size() - 1))]);
        hi = std::pow(10.0, sorted[static_cast<int>(0.98 * (sorted.size() - 1))]);
    }
    xAxis_->setRange(0, std::max(1.0, data_.steps.back()));
    yAxis_->setDataRange(lo / 1.2, hi * 1.2);
}
