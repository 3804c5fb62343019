// The playground driven with the mouse (KeePassXC style: widgets by objectName, QTest clicks,
// QTRY_VERIFY): editing a component changes the field as the closed form of §5 says; a probe's
// weights sum to 1; stepping k forward and k back returns the same particles; the lessons set up
// the regimes their text describes.
#include "widgets/playground/LatestResult.h"
#include "widgets/playground/MixtureCanvas.h"
#include "widgets/playground/PlaygroundView.h"
#include "widgets/playground/PlaygroundWindow.h"
#include "widgets/playground/PlaygroundWorker.h"
#include "widgets/playground/StepThroughView.h"
#include "core/train/TrainedModel.h"
#include "core/train/Trainer.h"

#include <torch/torch.h>

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <cmath>

using scorescope::PlanarMixture;

namespace {
// ln p_t and ∇log p_t of an isotropic 2-D mixture diffused with kernel (a, s), written out (§5).
struct Closed {
    double logDensity = 0.0, sx = 0.0, sy = 0.0;
};
Closed closedForm(const PlanarMixture& m, double a, double s, double x, double y)
{
    double total = 0.0, w = 0.0, gx = 0.0, gy = 0.0;
    for (const auto& c : m.components)
        total += c.weight;
    for (const auto& c : m.components) {
        const double v = a * a * c.cxx + s * s, dx = x - a * c.mx, dy = y - a * c.my;
        const double p = c.weight / total * std::exp(-(dx * dx + dy * dy) / (2 * v)) / (2 * M_PI * v);
        w += p;
        gx -= p * dx / v;
        gy -= p * dy / v;
    }
    return {std::log(w), gx / w, gy / w};
}
} // namespace

class TestPlaygroundView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        window_ = std::make_unique<PlaygroundWindow>();
        window_->resize(1100, 700);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        window_->setMixture({"one", {{1.0, -1.0, 0.0, 0.25, 0.0, 0.25}}});
        window_->playground()->setTime(0.3);
    }
    void cleanup() { window_.reset(); }

    // Add a component with a click, drag it with the mouse, and check the field at a probe cell
    // after each against the closed form (float32 storage: relative 1e-5).
    void addAndDragComponent()
    {
        auto* view = window_->playground();
        auto* canvas = view->findChild<MixtureCanvas*>("playgroundCanvas");
        QVERIFY(canvas);
        QTest::mouseClick(view->findChild<QAbstractButton*>("modeEdit"), Qt::LeftButton);
        QTRY_VERIFY(view->field() && std::abs(view->field()->t - view->time()) < 1e-12);
        const auto checkField = [&](const PlanarMixture& m) {
            const auto& f = *view->field();
            for (int cell : {0, 333, 817, 1599}) {
                const auto& g = f.arrowGrid;
                const double x = g.x(cell % g.cols), y = g.y(cell / g.cols);
                const auto truth = closedForm(m, f.a, f.s, x, y);
                if (std::abs(f.arrows[2 * cell] - truth.sx) > 1e-5 * (1 + std::abs(truth.sx)) ||
                    std::abs(f.arrows[2 * cell + 1] - truth.sy) > 1e-5 * (1 + std::abs(truth.sy)))
                    return false;
            }
            const auto& g = f.densityGrid;
            const int cell = 80 * g.cols + 100;
            const auto truth = closedForm(m, f.a, f.s, g.x(cell % g.cols), g.y(cell / g.cols));
            return std::abs(f.logDensity[cell] - truth.logDensity) < 1e-5 * (1 + std::abs(truth.logDensity));
        };
        QVERIFY(checkField(view->mixture()));

        const QPointF at(1.5, 0.5);
        QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->toPixel(at).toPoint());
        QCOMPARE(view->mixture().components.size(), size_t(2));
        const auto& added = view->mixture().components[1];
        QVERIFY(std::abs(added.mx - at.x()) < 2.0 / canvas->pixelsPerUnit());  // within a pixel or two
        QCOMPARE(added.cxx, MixtureCanvas::newComponentStd * MixtureCanvas::newComponentStd);
        QTRY_VERIFY(checkField(view->mixture()));

        const QPoint from = canvas->toPixel({added.mx, added.my}).toPoint(), to = canvas->toPixel({0.5, -1.2}).toPoint();
        QTest::mousePress(canvas, Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas, (from + to) / 2);
        QTest::mouseMove(canvas, to);
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
        const auto& moved = view->mixture().components[1];
        QVERIFY(std::abs(moved.mx - 0.5) < 2.0 / canvas->pixelsPerUnit());
        QVERIFY(std::abs(moved.my + 1.2) < 2.0 / canvas->pixelsPerUnit());
        QTRY_VERIFY(checkField(view->mixture()));
    }

    // A run opened and shown as "model − closed form" at once (as `--model DIR --score difference`
    // does, before the view has picked the run): the arrows are the run's score minus the closed
    // form of its own mixture, and no "open a run first" error is left behind.
    void openedRunShowsItsScoreDifference()
    {
        QTemporaryDir dir;
        scorescope::TrainConfig config;  // ring8, VP
        config.batch = 64;
        scorescope::Trainer trainer(config);
        for (int i = 0; i < 3; ++i)
            trainer.step();
        trainer.saveCheckpoint((dir.path() + "/checkpoint.pt").toStdString());

        auto* view = window_->playground();
        // Let the worker go idle first, so no drain queued earlier picks up the request below.
        QTRY_VERIFY(view->field() && std::abs(view->field()->t - view->time()) < 1e-12);
        QTest::qWait(300);
        window_->openRun(dir.path());
        view->setScoreSource(scorescope::ScoreSource::Difference);
        QTRY_VERIFY_WITH_TIMEOUT(view->mixture().components.size() == 8, 20000);  // the run's ring8
        auto model = scorescope::loadTrainedModel((dir.path() + "/checkpoint.pt").toStdString(), "cpu", {}).model;
        // float32 network evaluated in another batch: relative 1e-4
        const auto matches = [&] {
            if (!view->field() || view->field()->arrows.empty())
                return false;
            const auto& f = *view->field();
            for (int cell : {0, 333, 817, 1599}) {
                const double x = f.arrowGrid.x(cell % f.arrowGrid.cols), y = f.arrowGrid.y(cell / f.arrowGrid.cols);
                const auto truth = closedForm(view->mixture(), f.a, f.s, x, y);
                torch::NoGradGuard noGrad;
                const auto s = model->score(torch::tensor({{x, y}}, torch::kFloat), torch::tensor(f.t, torch::kDouble));
                const double dx = s[0][0].item<double>() - truth.sx, dy = s[0][1].item<double>() - truth.sy;
                if (std::abs(f.arrows[2 * cell] - dx) > 1e-4 * (1 + std::abs(dx)) ||
                    std::abs(f.arrows[2 * cell + 1] - dy) > 1e-4 * (1 + std::abs(dy)))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(matches(), 20000);
        QVERIFY2(!window_->statusBar()->currentMessage().contains("open a run first"),
                 qPrintable(window_->statusBar()->currentMessage()));
    }

    // The teaching mixtures are resources (resources/presets/*.json, the CLI's mixture JSON): each
    // is in the preset menu and, chosen, becomes the canvas's mixture, weights summing to 1.
    void resourcePresets_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("components");
        QTest::newRow("unequal-pair") << "unequal-pair" << 2;
        QTest::newRow("close-pair") << "close-pair" << 2;
        QTest::newRow("nested-scales") << "nested-scales" << 2;
        QTest::newRow("correlated") << "correlated" << 2;
        QTest::newRow("rare-mode") << "rare-mode" << 2;
        QTest::newRow("ring8 (a core preset)") << "ring8" << 8;
    }
    void resourcePresets()
    {
        QFETCH(QString, name);
        QFETCH(int, components);
        auto* combo = window_->findChild<QComboBox*>("presetCombo");
        const int index = combo->findText(name);
        QVERIFY2(index >= 0, qPrintable(name));
        combo->setCurrentIndex(index);
        Q_EMIT combo->textActivated(name);
        const auto& mixture = window_->playground()->canvas()->mixture();
        QCOMPARE(static_cast<int>(mixture.components.size()), components);
        double total = 0.0;
        for (const auto& c : mixture.components)
            total += c.weight;
        QVERIFY(std::abs(total - 1.0) < 1e-12);
        if (name == "correlated")  // the full covariance arrives whole
            QCOMPARE(mixture.components[0].cxy, 0.9);
    }

    // The worker's results: a result the UI had no time for is replaced by the next, and each is
    // taken once (a second slot for the same signal finds nothing).
    void latestResultKeepsTheNewest()
    {
        LatestResult<std::vector<float>> result;
        QVERIFY(!result.take());
        result.put({1.0f});
        result.put({2.0f, 3.0f});
        const auto taken = result.take();
        QVERIFY(taken && *taken == std::vector<float>({2.0f, 3.0f}));
        QVERIFY(!result.take());
    }

    // Each wheel notch scales a component's standard deviations by 1.15.
    void wheelResizes()
    {
        auto* canvas = window_->playground()->canvas();
        const QPointF centre = canvas->toPixel({-1.0, 0.0});
        QWheelEvent wheel(centre, canvas->mapToGlobal(centre), {}, {0, 120}, Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &wheel);
        QVERIFY(std::abs(canvas->mixture().components[0].cxx - 0.25 * 1.15 * 1.15) < 1e-12);
    }

    void probeWeightsSumToOne()
    {
        auto* view = window_->playground();
        QTest::mouseClick(view->findChild<QAbstractButton*>("modeProbe"), Qt::LeftButton);
        QTest::mouseClick(view->canvas(), Qt::LeftButton, {}, view->canvas()->toPixel({-0.5, 0.3}).toPoint());
        QTRY_VERIFY(view->lastProbe().has_value());
        double sum = 0.0;
        for (double w : view->lastProbe()->weights)
            sum += w;
        QVERIFY(std::abs(sum - 1.0) < 1e-12);
        QVERIFY(view->findChild<QLabel*>("probeLabel")->text().contains("Σw = 1.000000"));
    }

    // k steps forward and k back: the very particles of x_T again, on both sides; k forward again:
    // the same particles as the first time (the Euler–Maruyama noise is replayed, not redrawn).
    void stepForwardAndBack()
    {
        window_->showStepThrough(true);
        auto* view = window_->stepThrough();
        QTRY_VERIFY(view->sides().size() == 2 && view->sides()[0].frame.step == 0);
        const auto start = view->sides()[0].frame.x;
        auto* step = view->findChild<QAbstractButton*>("stepButton");
        auto* back = view->findChild<QAbstractButton*>("backButton");
        const int k = 6;
        for (int i = 1; i <= k; ++i) {
            QTest::mouseClick(step, Qt::LeftButton);
            QTRY_COMPARE(view->sides()[0].frame.step, int64_t(i));
        }
        const auto kth = view->sides()[0].frame.x;
        const auto kthB = view->sides()[1].frame.x;
        QVERIFY(kth != start);
        QVERIFY(view->sides()[1].frame.nfe > view->sides()[0].frame.nfe);  // Heun: two evaluations a step
        for (int i = k - 1; i >= 0; --i) {
            QTest::mouseClick(back, Qt::LeftButton);
            QTRY_COMPARE(view->sides()[0].frame.step, int64_t(i));
        }
        QVERIFY(view->sides()[0].frame.x == start);
        for (int i = 1; i <= k; ++i) {
            QTest::mouseClick(step, Qt::LeftButton);
            QTRY_COMPARE(view->sides()[0].frame.step, int64_t(i));
        }
        QVERIFY(view->sides()[0].frame.x == kth);
        QVERIFY(view->sides()[1].frame.x == kthB);
    }

    // The lessons' texts name regimes; their probes must land in them.
    void lessonsProbeTheirRegimes_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<QString>("regime");
        QTest::newRow("small-t") << "small-t" << "near";
        QTest::newRow("targets-disagree") << "targets-disagree" << "intermediate";
    }
    void lessonsProbeTheirRegimes()
    {
        QFETCH(QString, lesson);
        QFETCH(QString, regime);
        QVERIFY(window_->applyLesson(lesson));
        auto* view = window_->playground();
        QTRY_VERIFY(view->lastProbe() && view->lastProbe()->weights.size() == 256 &&
                    std::abs(view->lastProbe()->t - view->time()) < 1e-12 && view->mixture().components.size() == 8);
        QVERIFY(view->findChild<QLabel*>("probeLabel")->text().contains("<b>" + regime + " field</b>"));
    }

private:
    std::unique_ptr<PlaygroundWindow> window_;
};

QTEST_MAIN(TestPlaygroundView)
#include "tst_playgroundview.moc"
