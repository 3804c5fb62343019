// Training from the window: the New-run dialog driven by keyboard and mouse, a run started,
// paused, resumed, checkpointed, stopped and continued through the toolbar, the worker's signals
// spied on, and the charts holding the run's data afterwards.
#include "widgets/MainWindow.h"
#include "widgets/charts/CurveChartView.h"
#include "widgets/charts/LossChartView.h"
#include "widgets/live/PointCloudView.h"
#include "widgets/live/SamplesView.h"
#include "widgets/live/SoftTruncationView.h"
#include "widgets/train/NewRunDialog.h"
#include "core/train/TrainParameters.h"
#include "widgets/train/TrainingWorker.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSlider>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QToolBar>
#include <QtTest/QtTest>

#include <cmath>
#include <memory>

// QSignalSpy records in the thread that emits, and the worker emits from its training thread; its
// signals are relayed through queued connections, so the spies record in the test's own thread.
class WorkerRelay : public QObject {
    Q_OBJECT
public:
    explicit WorkerRelay(TrainingWorker* worker)
    {
        connect(worker, &TrainingWorker::started, this, &WorkerRelay::started, Qt::QueuedConnection);
        connect(worker, &TrainingWorker::fittingPrior, this, &WorkerRelay::fittingPrior, Qt::QueuedConnection);
        connect(worker, &TrainingWorker::progress, this, &WorkerRelay::progress, Qt::QueuedConnection);
        connect(worker, &TrainingWorker::pausedChanged, this, &WorkerRelay::pausedChanged, Qt::QueuedConnection);
        connect(worker, &TrainingWorker::checkpointSaved, this, &WorkerRelay::checkpointSaved, Qt::QueuedConnection);
        connect(worker, &TrainingWorker::finished, this, &WorkerRelay::finished, Qt::QueuedConnection);
        connect(worker, &TrainingWorker::failed, this, &WorkerRelay::failed, Qt::QueuedConnection);
    }
Q_SIGNALS:
    void started(const QString& dir, const QString& device, qint64 parameters);
    void fittingPrior(const QString& kind, double horizon);
    void progress(qint64 step, qint64 total, double loss, double stepsPerSecond);
    void pausedChanged(bool paused);
    void checkpointSaved(qint64 step);
    void finished(const QString& dir, qint64 step, bool complete);
    void failed(const QString& message);
};

class TestTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }  // settings apart from the user's
    // Each test starts from the default settings, with a shown main window (quiet: no message
    // boxes) and a relay of its worker's signals.
    void init()
    {
        QSettings().clear();
        window_ = std::make_unique<MainWindow>();
        window_->setQuiet(true);
        window_->show();
        relay_ = std::make_unique<WorkerRelay>(window_->worker());
    }
    void cleanup()
    {
        relay_.reset();
        window_.reset();
    }
    void badValueIsExplainedAndStartsNothing_data();
    void badValueIsExplainedAndStartsNothing();
    void startPauseResumeStopContinue();
    void softTruncationPanelHoldsTheDraws();
    void saysWhileItFitsThePrior();

private:
    std::unique_ptr<MainWindow> window_;
    std::unique_ptr<WorkerRelay> relay_;
    static void typeInto(QWidget* parent, const QString& name, const QString& text);
    static void click(MainWindow& w, const char* action);
};

void TestTraining::typeInto(QWidget* parent, const QString& name, const QString& text)
{
    if (auto* edit = parent->findChild<QLineEdit*>(name)) {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    } else if (auto* spin = parent->findChild<QSpinBox*>(name)) {
        spin->selectAll();
        QTest::keyClicks(spin, text);
        QTest::keyClick(spin, Qt::Key_Tab);
    } else {
        QFAIL(qPrintable("no field " + name));
    }
}

void TestTraining::click(MainWindow& w, const char* action)
{
    auto* a = w.findChild<QAction*>(action);
    QVERIFY2(a, action);
    QVERIFY2(a->isEnabled(), action);
    auto* button = w.findChild<QToolBar*>("trainingToolBar")->widgetForAction(a);
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestTraining::badValueIsExplainedAndStartsNothing_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("messageField");
    QTest::addColumn<QString>("expected");
    QTest::newRow("eps not a number") << "eps" << "abc" << "eps" << "--eps";
    QTest::newRow("negative learning rate") << "lr" << "-0.1" << "lr" << "--lr";
    QTest::newRow("EMA decay of 1.5") << "ema" << "1.5" << "ema" << "--ema";
    QTest::newRow("horizon 0") << "T" << "0" << "T" << "--T";
    QTest::newRow("eps beyond the horizon") << "eps" << "2" << "eps" << "smaller than the horizon";
    QTest::newRow("Soft Truncation k of -1") << "st-k" << "-1" << "st-k" << "--st-k";
    QTest::newRow("missing mixture file") << "dataset" << "/nonexistent/mixture.json" << "dataset" << "/nonexistent/mixture.json";
}

void TestTraining::badValueIsExplainedAndStartsNothing()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, messageField);
    QFETCH(QString, expected);
    QTemporaryDir runs;
    MainWindow& w = *window_;
    WorkerRelay& relay = *relay_;
    QSignalSpy started(&relay, &WorkerRelay::started);
    QTest::mouseClick(w.findChild<QToolBar*>("trainingToolBar")->widgetForAction(w.findChild<QAction*>("actionNewRun")),
                      Qt::LeftButton);
    auto* dialog = w.findChild<NewRunDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    typeInto(dialog->findChild<QWidget*>("out"), "", runs.filePath("run"));  // the field beside Browse
    QVERIFY2(dialog->isValid(), qPrintable(dialog->messageFor("out")));
    if (field == "st-k")
        QTest::mouseClick(dialog->findChild<QWidget*>("soft-truncation"), Qt::LeftButton, {}, QPoint(5, 5));
    if (field == "dataset")
        typeInto(dialog->findChild<QWidget*>("dataset"), "", value);  // the editable combo's line edit
    else
        typeInto(dialog, field, value);

    QVERIFY(!dialog->isValid());
    QVERIFY2(dialog->messageFor(messageField).contains(expected), qPrintable(dialog->messageFor(messageField)));
    auto* start = dialog->findChild<QPushButton*>("startButton");
    QVERIFY(!start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTest::qWait(100);
    QVERIFY(dialog->isVisible());
    QCOMPARE(started.count(), 0);
    QVERIFY(!QFileInfo::exists(runs.filePath("run")));
}

void TestTraining::startPauseResumeStopContinue()
{
    QTemporaryDir runs;
    const QString dir = runs.filePath("ring8");
    MainWindow& w = *window_;
    WorkerRelay& relay = *relay_;
    QSignalSpy started(&relay, &WorkerRelay::started), progress(&relay, &WorkerRelay::progress),
        paused(&relay, &WorkerRelay::pausedChanged), saved(&relay, &WorkerRelay::checkpointSaved),
        finished(&relay, &WorkerRelay::finished), failed(&relay, &WorkerRelay::failed);

    w.findChild<QAction*>("actionNewRun")->trigger();
    auto* dialog = w.findChild<NewRunDialog*>();
    QVERIFY(dialog);
    typeInto(dialog, "steps", "600");
    typeInto(dialog, "batch", "128");
    typeInto(dialog, "log-every", "20");
    typeInto(dialog, "sample-every", "200");
    typeInto(dialog->findChild<QWidget*>("out"), "", dir);
    QVERIFY2(dialog->isValid(), qPrintable(dialog->messageFor("out")));
    QTest::mouseClick(dialog->findChild<QPushButton*>("startButton"), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 20000);
    QCOMPARE(started.first().at(0).toString(), dir);
    QTRY_VERIFY(progress.count() > 0);

    click(w, "actionPause");
    QTRY_VERIFY(paused.count() >= 1 && paused.last().at(0).toBool());
    QTRY_VERIFY(w.findChild<QAction*>("actionResume")->isEnabled());
    const int seen = progress.count();
    QTest::qWait(400);  // parked: no step, so no progress (which is emitted every ≥ 100 ms while stepping)
    QCOMPARE(progress.count(), seen);

    click(w, "actionSaveCheckpoint");  // served while paused
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY(QFileInfo::exists(dir + "/checkpoint.pt"));

    click(w, "actionResume");
    QTRY_VERIFY(!paused.last().at(0).toBool());
    QTRY_VERIFY(progress.count() > seen);

    click(w, "actionStop");
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    const qint64 stoppedAt = finished.first().at(1).toLongLong();
    QVERIFY(!finished.first().at(2).toBool());  // stopped, not complete
    QVERIFY(stoppedAt < 600);
    QVERIFY(w.findChild<QAction*>("actionNewRun")->isEnabled());

    // Continued from its checkpoint, the run completes.
    w.continueRun(dir);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
    QCOMPARE(finished.last().at(1).toLongLong(), 600);
    QVERIFY(finished.last().at(2).toBool());
    QCOMPARE(failed.count(), 0);

    // The charts hold the run: the loss at every logged step with finite values, the per-σ bins.
    auto* loss = w.findChild<LossChartView*>("lossChart");
    QTRY_COMPARE(loss->data().steps.size(), 30);
    QCOMPARE(loss->data().steps.back(), 600.0);
    for (double v : loss->data().values)
        QVERIFY(std::isfinite(v) && v > 0.0);
    QVERIFY(w.findChild<CurveChartView*>("lossScaleChart")->pointCount() > 0);
    // Snapshots at 200, 400 and 600 steps: the panel follows the newest, the slider goes back.
    auto* samples = w.samplesView();
    QTRY_COMPARE(samples->snapshotCount(), 3);
    QCOMPARE(samples->shownStep(), 600);
    QCOMPARE(samples->pointCloud()->points().size(), 1000);
    samples->slider()->setValue(0);
    QCOMPARE(samples->shownStep(), 200);
    QCOMPARE(samples->pointCloud()->points().size(), 1000);

    auto* bar = w.findChild<QProgressBar*>("progressBar");
    QCOMPARE(bar->value(), 600);
    QCOMPARE(bar->maximum(), 600);
    QVERIFY(w.findChild<QLabel*>("deviceLabel")->text().startsWith("cpu"));

    // The dialog opens with the fields of the run last started.
    auto* again = w.showNewRunDialog();
    QCOMPARE(again->findChild<QSpinBox*>("steps")->value(), 600);
    QCOMPARE(again->findChild<QSpinBox*>("sample-every")->value(), 200);
    again->close();
}

// A Soft Truncation run started from the dialog: the panel counts one τ per step and every
// trained t, and lays the law of each beside its histogram.
void TestTraining::softTruncationPanelHoldsTheDraws()
{
    QTemporaryDir runs;
    MainWindow& w = *window_;
    WorkerRelay& relay = *relay_;
    QSignalSpy finished(&relay, &WorkerRelay::finished);
    auto* dialog = w.showNewRunDialog();
    typeInto(dialog, "steps", "200");
    typeInto(dialog, "batch", "64");
    typeInto(dialog, "log-every", "20");
    QTest::mouseClick(dialog->findChild<QWidget*>("soft-truncation"), Qt::LeftButton, {}, QPoint(5, 5));
    typeInto(dialog->findChild<QWidget*>("out"), "", runs.filePath("st"));
    QVERIFY(dialog->config().objective.softTruncationK > 0.0);
    QVERIFY(dialog->isValid());
    QTest::mouseClick(dialog->findChild<QPushButton*>("startButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);

    auto* view = w.softTruncationView();
    QTRY_COMPARE(view->tauCount(), 200);
    QCOMPARE(view->timeCount(), 200.0 * 64);
    QCOMPARE(view->tauChart()->curveCount(), 2);   // histogram and P_k
    QCOMPARE(view->timeChart()->curveCount(), 2);  // histogram and the law of t
    QVERIFY(view->tauChart()->pointCount() > 0 && view->timeChart()->pointCount() > 0);
}

// A run with an auxiliary prior fits it before its first step; the status bar says so meanwhile,
// and the message goes with the first step. (MainWindow's slots were connected before the relay's,
// so they have run by the time the relay's do.)
void TestTraining::saysWhileItFitsThePrior()
{
    QTemporaryDir runs;
    MainWindow& w = *window_;
    WorkerRelay& relay = *relay_;
    QSignalSpy finished(&relay, &WorkerRelay::finished);
    QStringList events;
    connect(&relay, &WorkerRelay::fittingPrior, this, [&](const QString& kind, double horizon) {
        events << QString("fitting %1 at T = %2").arg(kind).arg(horizon) << w.statusBar()->currentMessage();
    });
    connect(&relay, &WorkerRelay::progress, this, [&](qint64 step) {
        if (step == 1)
            events << "step 1" << w.statusBar()->currentMessage();
    });
    w.worker()->queueNew(runs.filePath("flow"), scorescope::chooseParameters({{"dataset", "ring8"}, {"steps", "20"}, {"log-every", "10"},
                                                                  {"prior", "flow"}, {"prior-steps", "20"}, {"prior-points", "500"}}));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QCOMPARE(events, QStringList({"fitting flow at T = 1", "Fitting the auxiliary prior (flow) at T = 1 before the first step…",
                                  "step 1", ""}));
}

QTEST_MAIN(TestTraining)
#include "tst_training.moc"
