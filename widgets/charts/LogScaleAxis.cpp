#include "charts/LogScaleAxis.h"

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
    // Fewer labels as the range widens: 1-2-5 within a few decades, decades only beyond, and every
    // k-th decade past six, so that labels never crowd (Qt elides a label that overlaps the next).
    const double decades = b - a;
    const std::vector<double> mantissas = decades <= 3 ? std::vector<double>{1, 2, 5} : std::vector<double>{1};
    const int step = std::max(1, static_cast<int>(std::ceil(decades / 6.0)));
    for (int e = static_cast<int>(std::floor(a)); e <= static_cast<int>(std::ceil(b)); e += step)
        for (double m : mantissas) {
            const double v = std::log10(m) + e;
            if (v >= a && v <= b)
                append(QString::number(m * std::pow(10.0, e), 'g', 3), v);
        }
}
