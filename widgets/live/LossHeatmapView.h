#pragma once
#include <QJsonObject>
#include <QVector>
#include <QWidget>

#include <cmath>

// The per-sample loss over training step × diffusion time (Soft Truncation §2.1): one column per
// logged window, one row per σ bin, coloured by log10 of the bin's mean loss on a shared scale.
// Where the colour spans decades the time integral is dominated by a few bins.
class LossHeatmapView : public QWidget {
    Q_OBJECT
public:
    explicit LossHeatmapView(QWidget* parent = nullptr);

    void clear();
    void addRows(const QVector<QJsonObject>& rows);

    // Logging windows shown; past kMaxColumns, neighbours merge in pairs (halveColumns).
    static constexpr int kMaxColumns = 600;
    int columns() const { return static_cast<int>(steps_.size()); }
    int rows() const { return static_cast<int>(log10Sigma_.size()); }
    double value(int column, int row) const { return loss_[column][row]; }  // NaN where the bin was empty
    QString toCsv() const;  // step,t,log10_sigma,loss

    QSize sizeHint() const override { return {480, 300}; }

protected:
    void paintEvent(QPaintEvent*) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRect plotArea() const;
    void halveColumns();
    double time(int row) const { return row < times_.size() ? times_[row] : NAN; }  // logs before t was logged lack it
    QVector<double> steps_, times_, log10Sigma_;
    QVector<QVector<double>> loss_;  // [column][bin]
    double lo_ = INFINITY, hi_ = -INFINITY;  // log10 loss range
};
