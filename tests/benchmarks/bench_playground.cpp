// Redraw cost of the playground's canvases (#7's bar: 2 000 particles and a 40×40 arrow field in
// under 16 ms on a 2-core CPU), and the worker's computing per request. Prints figures; asserts nothing.
//   QT_QPA_PLATFORM=offscreen build/release/tests/benchmarks/bench_playground
#include "widgets/playground/MixtureCanvas.h"
#include "widgets/playground/PlaygroundView.h"
#include "widgets/playground/PlaygroundWindow.h"
#include "widgets/playground/StepThroughView.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QPainter>
#include <QtTest/QtTest>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {
// Paints `w` into an image `runs` times; prints mean, median, p95 and max in ms.
void timePaint(const char* label, QWidget* w, int runs)
{
    QImage image(w->size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        QPainter p(&image);
        w->render(&p);
        p.end();
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    double mean = 0;
    for (double v : ms)
        mean += v / ms.size();
    std::printf("%-58s %4dx%-4d  mean %6.2f  median %6.2f  p95 %6.2f  max %6.2f ms\n", label, w->width(), w->height(), mean,
                ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back());
}

// Setup that never completes stops the benchmark with a message rather than timing nothing.
template <class Ready>
void waitFor(const char* what, Ready ready, int timeoutMs)
{
    if (!QTest::qWaitFor(ready, timeoutMs)) {
        std::fprintf(stderr, "bench_playground: no %s after %d ms\n", what, timeoutMs);
        std::exit(1);
    }
}

// Wall time from a request to its result arriving in the UI thread.
template <class Request, class Done>
void timeRequest(const char* label, Request request, Done done, int runs)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const int before = done();
        QElapsedTimer timer;
        timer.start();
        request(i);
        waitFor(label, [&] { return done() > before; }, 60000);
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-58s median %7.1f  max %7.1f ms (%d runs)\n", label, ms[ms.size() / 2], ms.back(), runs);
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    PlaygroundWindow window;
    window.resize(1180, 760);
    window.show();
    window.setMixture(scorescope::planarPreset("ring8"));
    auto* view = window.playground();
    view->setTime(0.15);
    waitFor("field", [&] { return view->field().has_value(); }, 60000);
    view->findChild<QCheckBox*>("showRegimes")->setChecked(true);
    view->probe({1.5, 0.6});
    waitFor("probe", [&] { return view->lastProbe().has_value(); }, 60000);
    QTest::qWait(200);
    std::printf("Playground canvas: 160x160 density, 48x48 regimes, 40x40 arrows, 1000 samples, probe (256 dots)\n");
    view->canvas()->resize(800, 800);
    timePaint("playground canvas, 800 px", view->canvas(), 100);
    view->canvas()->resize(600, 600);
    timePaint("playground canvas, 600 px", view->canvas(), 100);

    // The bar's case: 2 000 particles and 40×40 arrows on one canvas.
    PlaneCanvas bar;
    bar.resize(800, 800);
    bar.setBackground(PlaygroundView::densityImage(*view->field()));
    QVector<PlaneCanvas::Points> points{{{}, QColor(214, 39, 40, 160), 1.3, {}, false}};
    for (int i = 0; i < 2000; ++i)
        points[0].at << QPointF(2.5 * std::sin(i * 0.37), 2.5 * std::cos(i * 0.91));
    PlaneCanvas::Arrows arrows{{}, {}, Qt::white, 1.0, true};
    for (int r = 0; r < 40; ++r)
        for (int c = 0; c < 40; ++c) {
            arrows.from << QPointF(-3 + 0.15 * c + 0.075, -3 + 0.15 * r + 0.075);
            arrows.delta << QPointF(0.1 * std::sin(r), 0.1 * std::cos(c));
        }
    bar.setPoints(points);
    bar.setArrows({arrows});
    timePaint("2000 particles + 40x40 arrows + heat map, 800 px", &bar, 200);

    window.showStepThrough(true);
    auto* trace = window.stepThrough();
    waitFor("step-through frame", [&] { return trace->sides().size() == 2; }, 60000);
    trace->jumpTo(60);
    waitFor("frame at step 60", [&] { return !trace->sides().isEmpty() && trace->sides()[0].frame.step == 60; }, 120000);
    QTest::qWait(200);
    std::printf("Step-through canvas: 2000 particles, 250 trails of 8 steps, 250 arrows and denoised marks, p_t\n");
    timePaint("step-through canvas", trace->canvas(0), 100);

    std::printf("Worker (LibTorch, its own thread), request to result in the UI thread:\n");
    timeRequest("field (density, arrows, samples, regime map)", [&](int i) { view->setTime(0.01 + 0.001 * i); },
                [&] { return view->fieldsReceived(); }, 20);
    timeRequest("both samplers one step (EM + Heun, 2000 particles, ED)", [&](int) { trace->step(1); },
                [&] { return trace->framesReceived(); }, 20);
    return 0;
}
