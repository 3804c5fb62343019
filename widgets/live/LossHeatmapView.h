#pragma once
#include "core/run/MetricsRow.h"

#include <QVector>
#include <QWidget>

#include <cmath>
#include <utility>

// The per-sample loss over training step × diffusion time (Soft Truncation §2.1): one column per
// logged window, one row per σ bin, coloured by log10 of the bin's mean loss on a shared scale.
// Where the colour spans decades the time integral is dominated by a few bins.
class LossHeatmapView : public QWidget {
    Q_OBJECT
public:
    explicit LossHeatmapView(QWidget* parent = nullptr);

    void clear();
    void addRows(const QVector<scorescope::MetricsRow>& rows);

    // Each column holds windowsPerColumn() logging windows, which doubles whenever the columns
    // would pass kMaxColumns (halveColumns), so that every column spans the same number of steps.
    static constexpr int kMaxColumns = 600;
    int columns() const { return static_cast<int>(columns_.size()); }
    int rows() const { return static_cast<int>(log10Sigma_.size()); }
    int windowsPerColumn() const { return windowsPerColumn_; }
    double value(int column, int row) const;  // NaN where the bin was empty in all its windows
    // The first and last logged step of a column's windows.
    std::pair<double, double> stepSpan(int column) const { return {columns_[column].firstStep, columns_[column].lastStep}; }
    QString toCsv() const;  // step,t,log10_sigma,loss

    QSize sizeHint() const override { return {480, 300}; }

protected:
    void paintEvent(QPaintEvent*) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRect plotArea() const;
    struct Column {
        double firstStep, lastStep;
        int windows;
        QVector<double> sum;   // per σ bin: the windows' mean losses, summed
        QVector<int> count;    // per σ bin: the windows where the bin had samples
        void merge(const Column& later);
    };
    void halveColumns();
    double time(int row) const { return row < times_.size() ? times_[row] : NAN; }  // logs before t was logged lack it
    QVector<double> times_, log10Sigma_;
    QVector<Column> columns_;
    int windowsPerColumn_ = 1;
    double lo_ = INFINITY, hi_ = -INFINITY;  // log10 loss range
};
