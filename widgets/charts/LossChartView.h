#pragma once
#include "widgets/run/MetricsSeries.h"

#include <QChartView>

#include <vector>

class QLineSeries;
class LogScaleAxis;
class QValueAxis;

// Loss against step: the raw series faint behind a debiased-EMA smoothed one, log-scaled y.
// Smoothing runs over the full series; only the drawn points are decimated (zoomlinechart-style).
class LossChartView : public QChartView {
    Q_OBJECT
public:
    explicit LossChartView(QWidget* parent = nullptr);

    void clear();
    // Appends (step, loss) points and redraws once.
    void append(const QVector<QPointF>& points);

    // Scale the y axis to the 2nd–98th percentile of the losses, so that spikes do not flatten the curve.
    void setIgnoreOutliers(bool ignore);
    QString toCsv() const;  // step,loss,smoothed

    const MetricsSeries& data() const { return data_; }
    int drawnPoints() const;
    // At most this many buckets of rows are drawn, each as the raw loss's lowest and highest value
    // and the smoothed loss's last: a chart is a few hundred pixels wide, and every antialiased,
    // translucent point costs the UI thread on each redraw (the soak's latency rose with them).
    static constexpr int kBuckets = 500;

private:
    void redraw();
    std::vector<double> smoothed() const;  // the debiased EMA of the whole series
    MetricsSeries data_;
    const double smoothing_ = 0.9;  // TensorBoard's default EMA weight
    bool ignoreOutliers_ = false;
    QLineSeries* raw_;
    QLineSeries* smooth_;
    QValueAxis* xAxis_;
    LogScaleAxis* yAxis_;
};
