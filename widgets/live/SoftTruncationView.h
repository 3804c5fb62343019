#pragma once
#include "core/run/MetricsRow.h"

#include <QJsonObject>
#include <QVector>
#include <QWidget>

#include <memory>
#include <vector>

class CurveChartView;
namespace scorescope { class Sde; }

// Soft Truncation live (§2.2): histograms of the τ a run drew (one per step) and of the diffusion
// times t it trained on (the per-σ bin counts of its metrics), each beside the law the run's
// configuration implies (TimeSamplingLaw), as densities per unit log10.
class SoftTruncationView : public QWidget {
    Q_OBJECT
public:
    explicit SoftTruncationView(QWidget* parent = nullptr);
    ~SoftTruncationView() override;

    void setRunConfig(const QJsonObject& config);  // the law to overlay; the run's rows arrive through addRows
    void clear();
    void addRows(const QVector<scorescope::MetricsRow>& rows);

    CurveChartView* tauChart() const { return tauChart_; }
    CurveChartView* timeChart() const { return timeChart_; }
    QString toCsv() const;  // chart,curve,x,y for both charts
    qint64 tauCount() const { return tauTotal_; }
    double timeCount() const;

private:
    void redraw();
    CurveChartView* tauChart_;
    CurveChartView* timeChart_;
    std::shared_ptr<const scorescope::Sde> sde_;
    double eps_ = 0.0, horizon_ = 1.0;
    QVector<double> lawTauX_, lawTau_, lawTX_, lawT_;
    // τ counted into 30 log-spaced bins over [ε, T] as rows arrive: redraws do not revisit history.
    static constexpr int kTauBins = 30;
    QVector<double> tauCounts_ = QVector<double>(kTauBins, 0.0);
    qint64 tauTotal_ = 0;
    QVector<double> binLog10T_, binCounts_;
};
