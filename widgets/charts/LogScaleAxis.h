#pragma once
#include <QCategoryAxis>

// A logarithmic axis for series that hold log10 of their values: grid lines and labels at
// 1-2-5 multiples of powers of ten. (QLogValueAxis in Qt 6.4 draws no major ticks for ranges
// that do not span a full decade, which is the usual case for a loss curve.)
class LogScaleAxis : public QCategoryAxis {
    Q_OBJECT
public:
    explicit LogScaleAxis(QObject* parent = nullptr);
    // Range in data units (both > 0); the axis itself runs over log10 of them.
    void setDataRange(double lo, double hi);
};
