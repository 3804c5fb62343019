#include "widgets/charts/Viridis.h"

#include <algorithm>

QColor viridis(double u)
{
    static const QColor stops[] = {QColor(68, 1, 84), QColor(59, 82, 139), QColor(33, 145, 140), QColor(94, 201, 98),
                                   QColor(253, 231, 37)};
    u = std::clamp(u, 0.0, 1.0) * 4.0;
    const int i = std::min(3, static_cast<int>(u));
    const double f = u - i;
    const QColor &a = stops[i], &b = stops[i + 1];
    return QColor::fromRgbF(a.redF() + f * (b.redF() - a.redF()), a.greenF() + f * (b.greenF() - a.greenF()),
                            a.blueF() + f * (b.blueF() - a.blueF()));
}
