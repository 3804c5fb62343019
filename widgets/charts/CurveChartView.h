#pragma once
#include <QChartView>
#include <QColor>
#include <QPointF>
#include <QString>
#include <QStringList>
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
        int colour = -1;  // index into the palette; -1: the curve's position
    };
    struct Band {
        double from = 0.0, to = 0.0;
        QColor color;
        QString label;
    };

    // The STF regimes (near, intermediate, far; §3.2) as shaded bands: contiguous runs of one
    // regime, split at the geometric midpoints between neighbouring σ.
    static QVector<Band> regimeBands(const QVector<double>& sigma, const QStringList& regime);

    // Pairs (x[i], y[i]) as a named curve.
    static Curve curve(const QString& name, const QVector<double>& x, const QVector<double>& y, bool dashed = false);

    CurveChartView(const QString& title, const QString& xTitle, const QString& yTitle, bool logX, bool logY,
                   QWidget* parent = nullptr);

    void setCurves(const QVector<Curve>& curves, const QVector<Band>& bands = {});
    // A linear y axis that starts at 0 (densities, counts), so that small differences look small.
    void setYFromZero(bool fromZero) { yFromZero_ = fromZero; }
    int curveCount() const { return curves_.size(); }
    int pointCount() const;  // points drawn over all curves
    QStringList bandLabels() const;  // the shaded bands drawn, left to right
    QString toCsv() const;           // curve,x,y: every point as given, also those a log axis hides

private:
    QAbstractAxis* makeAxis(bool log, const QString& title, double lo, double hi);
    QString xTitle_, yTitle_;
    bool logX_, logY_;
    bool yFromZero_ = false;
    QVector<Curve> curves_;
};
