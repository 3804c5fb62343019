#pragma once
#include <QChartView>
#include <QColor>
#include <QPointF>
#include <QString>
#include <QVector>

class QAbstractAxis;

// Named curves on linear or logarithmic axes, with optional shaded x-ranges behind them (the
// STF regimes, for instance). Points that a log axis cannot show (≤ 0, not finite) are skipped.
class CurveChartView : public QChartView {
    Q_OBJECT
public:
    struct Curve {
        QString name;
        QVector<QPointF> points;
        bool dashed = false;
    };
    struct Band {
        double from = 0.0, to = 0.0;
        QColor color;
        QString label;
    };

    // Pairs (x[i], y[i]) as a named curve.
    static Curve curve(const QString& name, const QVector<double>& x, const QVector<double>& y, bool dashed = false);

    CurveChartView(const QString& title, const QString& xTitle, const QString& yTitle, bool logX, bool logY,
                   QWidget* parent = nullptr);

    void setCurves(const QVector<Curve>& curves, const QVector<Band>& bands = {});
    int curveCount() const { return curves_.size(); }
    int pointCount() const;  // points drawn over all curves

private:
    QAbstractAxis* makeAxis(bool log, const QString& title, double lo, double hi);
    QString xTitle_, yTitle_;
    bool logX_, logY_;
    QVector<Curve> curves_;
};
