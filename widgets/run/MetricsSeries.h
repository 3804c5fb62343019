#pragma once
#include <QString>
#include <QVector>

#include <map>

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

// TensorBoard's debiased exponential moving average: s_i = w s_{i−1} + (1−w) v_i, divided by
// 1 − w^i so the first points are not pulled towards 0. Non-finite values are skipped.
QVector<double> debiasedEma(const QVector<double>& values, double weight);
