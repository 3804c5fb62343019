#include "widgets/charts/LogScaleAxis.h"

#include <cmath>

LogScaleAxis::LogScaleAxis(QObject* parent) : QCategoryAxis(parent)
{
    setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
}

void LogScaleAxis::setDataRange(double lo, double hi)
{
    for (const auto& label : categoriesLabels())
        remove(label);
    const double a = std::log10(lo), b = std::log10(hi);
    setRange(a, b);
    setStartValue(a);
    // Fewer labels as the range widens — 1-2-5 within a decade, 1-3 within two, decades beyond and
    // every k-th decade past six — at most about six, so that labels never crowd even on a short
    // axis (Qt elides every label that overlaps the next, leaving a column of "…").
    const double decades = b - a;
    const std::vector<double> mantissas = decades <= 1 ? std::vector<double>{1, 2, 5}
                                          : decades <= 2 ? std::vector<double>{1, 3}
                                                         : std::vector<double>{1};
    const int step = std::max(1, static_cast<int>(std::ceil(decades / 6.0)));
    for (int e = static_cast<int>(std::floor(a)); e <= static_cast<int>(std::ceil(b)); e += step)
        for (double m : mantissas) {
            const double v = std::log10(m) + e;
            if (v >= a && v <= b)
                append(QString::number(m * std::pow(10.0, e), 'g', 3), v);
        }
}
