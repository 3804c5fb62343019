#include "widgets/charts/CurveChartView.h"

#include "widgets/charts/LogScaleAxis.h"

#include <QAreaSeries>
#include <QLineSeries>
#include <QMap>
#include <QValueAxis>

#include <cmath>

namespace {
// Tableau-10: distinguishable and colour-blind tolerant.
const QColor kPalette[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40),
                          QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127)};
}

CurveChartView::Curve CurveChartView::curve(const QString& name, const QVector<double>& x, const QVector<double>& y,
                                            bool dashed)
{
    Curve c{name, {}, dashed};
    for (int i = 0; i < std::min(x.size(), y.size()); ++i)
        c.points.push_back({x[i], y[i]});
    return c;
}

QVector<CurveChartView::Band> CurveChartView::regimeBands(const QVector<double>& sigma, const QStringList& regime)
{
    const QMap<QString, QColor> colours{{"near", QColor(44, 160, 44, 45)},
                                        {"intermediate", QColor(255, 127, 14, 45)},
                                        {"far", QColor(31, 119, 180, 45)}};
    QVector<Band> bands;
    for (int i = 0; i < std::min<qsizetype>(sigma.size(), regime.size()); ++i) {
        const double lo = i == 0 ? sigma[i] : std::sqrt(sigma[i - 1] * sigma[i]);
        const double hi = i + 1 == sigma.size() ? sigma[i] : std::sqrt(sigma[i] * sigma[i + 1]);
        if (!bands.isEmpty() && bands.back().label == regime[i])
            bands.back().to = hi;
        else
            bands.push_back({lo, hi, colours.value(regime[i], QColor(127, 127, 127, 45)), regime[i]});
    }
    return bands;
}

CurveChartView::CurveChartView(const QString& title, const QString& xTitle, const QString& yTitle, bool logX, bool logY,
                               QWidget* parent)
    : QChartView(new QChart, parent), xTitle_(xTitle), yTitle_(yTitle), logX_(logX), logY_(logY)
{
    // The chart is made with the view: QChartView(QWidget*) would make a default one, which a later
    // setChart() orphans (LeakSanitizer found five per main window).
    QChart* c = chart();
    c->setTitle(title);
    c->legend()->setAlignment(Qt::AlignBottom);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setMinimumSize(360, 280);
}

QAbstractAxis* CurveChartView::makeAxis(bool log, const QString& title, double lo, double hi)
{
    if (log) {
        auto* axis = new LogScaleAxis;
        axis->setDataRange(lo, hi);
        axis->setTitleText(title);
        return axis;
    }
    auto* axis = new QValueAxis;
    axis->setRange(lo, hi);
    axis->setTitleText(title);
    axis->applyNiceNumbers();
    return axis;
}

QString CurveChartView::toCsv() const
{
    QString csv = "curve,x,y\n";
    for (const auto& c : curves_)
        for (const auto& p : c.points)
            csv += QString("\"%1\",%2,%3\n").arg(c.name).arg(p.x(), 0, 'g', 10).arg(p.y(), 0, 'g', 10);
    return csv;
}

QStringList CurveChartView::bandLabels() const
{
    QStringList labels;
    for (auto* s : chart()->series())
        if (qobject_cast<QAreaSeries*>(s))
            labels.push_back(s->name());
    return labels;
}

int CurveChartView::pointCount() const
{
    int n = 0;
    for (auto* s : chart()->series())
        if (auto* line = qobject_cast<QLineSeries*>(s))
            n += line->count();
    return n;
}

void CurveChartView::setCurves(const QVector<Curve>& curves, const QVector<Band>& bands)
{
    curves_ = curves;
    auto* c = chart();
    c->removeAllSeries();
    for (auto* axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
    // Map to axis units (log10 on log axes), dropping what the axis cannot show.
    auto mapX = [&](double x) { return logX_ ? std::log10(x) : x; };
    auto mapY = [&](double y) { return logY_ ? std::log10(y) : y; };
    auto shown = [](bool log, double v) { return std::isfinite(v) && (!log || v > 0.0); };
    double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
    QVector<QList<QPointF>> mapped;
    for (const auto& curve : curves) {
        QList<QPointF> pts;
        for (const auto& p : curve.points) {
            if (!shown(logX_, p.x()) || !shown(logY_, p.y()))
                continue;
            pts.push_back({mapX(p.x()), mapY(p.y())});
            xlo = std::min(xlo, p.x()), xhi = std::max(xhi, p.x());
            ylo = std::min(ylo, p.y()), yhi = std::max(yhi, p.y());
        }
        mapped.push_back(pts);
    }
    // No data: a unit range; one value: a range around it.
    auto widen = [](bool log, double& lo, double& hi) {
        if (!std::isfinite(lo) || !std::isfinite(hi))
            lo = log ? 0.1 : 0.0, hi = 1.0;
        else if (!(lo < hi))
            log ? (lo /= 2, hi *= 2) : (lo -= 1, hi += 1);
    };
    if (yFromZero_ && !logY_)
        ylo = std::min(ylo, 0.0);
    widen(logX_, xlo, xhi);
    widen(logY_, ylo, yhi);
    // A margin of 5% (of a decade on log axes) around the data.
    const double ypad = logY_ ? std::pow(10.0, 0.05 * std::log10(yhi / ylo)) : 0.0;
    if (logY_) ylo /= ypad, yhi *= ypad;
    else {
        const double d = 0.05 * (yhi - ylo);
        if (!(yFromZero_ && ylo == 0.0))
            ylo -= d;
        yhi += d;
    }

    auto* xAxis = makeAxis(logX_, xTitle_, xlo, xhi);
    auto* yAxis = makeAxis(logY_, yTitle_, ylo, yhi);
    c->addAxis(xAxis, Qt::AlignBottom);
    c->addAxis(yAxis, Qt::AlignLeft);

    for (const auto& band : bands) {
        const double a = std::max(band.from, xlo), b = std::min(band.to, xhi);
        if (!(a < b))
            continue;
        auto* upper = new QLineSeries, *lower = new QLineSeries;
        upper->append(mapX(a), mapY(yhi));
        upper->append(mapX(b), mapY(yhi));
        lower->append(mapX(a), mapY(ylo));
        lower->append(mapX(b), mapY(ylo));
        auto* area = new QAreaSeries(upper, lower);
        // An area series does not own its edges: without a parent they outlive every redraw (#13, soak).
        upper->setParent(area);
        lower->setParent(area);
        area->setName(band.label);
        area->setColor(band.color);
        area->setBorderColor(Qt::transparent);
        c->addSeries(area);
        area->attachAxis(xAxis);
        area->attachAxis(yAxis);
    }
    for (int i = 0; i < curves.size(); ++i) {
        auto* s = new QLineSeries;
        s->setName(curves[i].name);
        QPen pen(kPalette[(curves[i].colour >= 0 ? curves[i].colour : i) % 8]);
        pen.setWidthF(2.0);
        if (curves[i].dashed)
            pen.setStyle(Qt::DashLine);
        s->setPen(pen);
        s->append(mapped[i]);
        c->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    }
}
