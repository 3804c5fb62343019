// The loss chart's cost on the UI thread per metrics row, against the length of the run: one row
// appended (the series rebuilt) and the chart painted, as the workbench does on every poll.
// Prints milliseconds per row and the points drawn; asserts nothing. The soak hour (#13) showed
// the UI latency rising with the run while every row was drawn; bounded buckets keep it flat.
// Run with QT_QPA_PLATFORM=offscreen or on a display.
#include "widgets/charts/LossChartView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>

#include <cmath>
#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    std::printf("bench_losschart: an 800 x 400 chart, platform %s\n", qPrintable(QApplication::platformName()));
    std::printf("%10s %14s %16s\n", "rows", "points drawn", "ms per row");
    for (const int rows : {500, 1000, 2000, 3000, 3999, 8000, 16000}) {
        LossChartView view;
        view.resize(800, 400);
        QVector<QPointF> history;
        for (int i = 1; i <= rows; ++i)
            history.push_back({50.0 * i, 1.0 + 0.5 * std::sin(i)});  // a noisy loss, a row every 50 steps
        view.append(history);
        view.grab();
        const int repeats = 20;
        QElapsedTimer clock;
        clock.start();
        for (int r = 1; r <= repeats; ++r) {
            view.append({{50.0 * (rows + r), 1.0}});
            view.grab();
        }
        std::printf("%10d %14d %16.2f\n", rows, view.drawnPoints(), clock.nsecsElapsed() * 1e-6 / repeats);
    }
    return 0;
}
