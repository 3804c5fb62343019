#pragma once
#include <QVector>

// One numeric column of a run's metrics log, keyed by step; what the charts plot.
struct MetricsSeries {
    QVector<double> steps;
    QVector<double> values;
    void clear()
    {
        steps.clear();
        values.clear();
    }
};
