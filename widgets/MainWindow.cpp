#include "widgets/MainWindow.h"

#include "core/analysis/StfWindowSummary.h"
#include "widgets/InterfaceLanguage.h"
#include "widgets/charts/ChartPanel.h"
#include "widgets/charts/CurveChartView.h"
#include "widgets/charts/LossChartView.h"
#include "widgets/live/LossHeatmapView.h"
#include "widgets/live/SamplesView.h"
#include "widgets/live/SoftTruncationView.h"
#include "widgets/playground/PlaygroundWindow.h"
#include "widgets/run/RunFollower.h"
#include "widgets/run/RunListView.h"
#include "widgets/train/NewRunDialog.h"
#include "widgets/train/TrainingWorker.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QIcon>
#include <QActionGroup>
#include <QStatusBar>
#include <QThread>
#include <QToolBar>

#include <climits>
#include <functional>
#include <cmath>
#include <tuple>
#include <utility>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), follower_(new RunFollower(this)), lossChart_(new LossChartView(this)),
      lossScaleChart_(new CurveChartView(tr("Per-time loss, latest window (Soft Truncation §2.1)"), tr("t"),
                                         tr("per-sample loss"), true, true)),
      stfChart_(new CurveChartView(tr("Target variance, latest logging step (STF §3.4)"), tr("σ"),
                                   tr("E tr Cov[target | x]"), true, true)),
      softTruncationView_(new SoftTruncationView), lossHeatmap_(new LossHeatmapView),
      samplesView_(new SamplesView), runList_(new RunListView),
      runLabel_(new QLabel(tr("No run open"))), stepLabel_(new QLabel), rateLabel_(new QLabel), etaLabel_(new QLabel),
      deviceLabel_(new QLabel), progressBar_(new QProgressBar)
{
    setObjectName("mainWindow");
    setWindowTitle(tr("Scorescope"));
    auto* lossPanel = new ChartPanel(lossChart_, [this] { return lossChart_->toCsv(); });
    lossPanel->setObjectName("lossPanel");
    auto* outliers = lossPanel->toolBar()->addAction(tr("Ignore outliers"), lossChart_, &LossChartView::setIgnoreOutliers);
    outliers->setObjectName("actionIgnoreOutliers");
    outliers->setCheckable(true);
    outliers->setToolTip(tr("Scale the loss axis to the 2nd–98th percentile, so that spikes do not flatten the curve"));
    setCentralWidget(lossPanel);
    runLabel_->setObjectName("runLabel");
    stepLabel_->setObjectName("stepLabel");
    rateLabel_->setObjectName("rateLabel");
    etaLabel_->setObjectName("etaLabel");
    deviceLabel_->setObjectName("deviceLabel");
    progressBar_->setObjectName("progressBar");
    progressBar_->setMaximumWidth(160);
    progressBar_->setRange(0, 1);
    progressBar_->setValue(0);
    statusBar()->addWidget(runLabel_, 1);
    statusBar()->addPermanentWidget(progressBar_);
    statusBar()->addPermanentWidget(stepLabel_);
    statusBar()->addPermanentWidget(rateLabel_);
    statusBar()->addPermanentWidget(etaLabel_);
    statusBar()->addPermanentWidget(deviceLabel_);

    auto* file = menuBar()->addMenu(tr("&File"));
    newRun_ = file->addAction(tr("&New Run…"), this, &MainWindow::showNewRunDialog);
    newRun_->setObjectName("actionNewRun");
    newRun_->setShortcut(QKeySequence::New);
    newRun_->setToolTip(tr("Configure a training run and start it in the background"));
    continueRun_ = file->addAction(tr("&Continue Run…"), this, &MainWindow::chooseRunToContinue);
    continueRun_->setObjectName("actionContinueRun");
    continueRun_->setToolTip(tr("Resume training a run directory from its checkpoint, exactly where it stopped"));
    auto* open = file->addAction(tr("&Open Run Directory…"), this, &MainWindow::chooseRun);
    open->setObjectName("actionOpenRun");
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a run directory written by scorescope-cli train and follow it live"));
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* training = menuBar()->addMenu(tr("&Training"));
    pause_ = training->addAction(tr("&Pause"), this, [this] { worker_->setPaused(true); });
    pause_->setObjectName("actionPause");
    pause_->setShortcut(Qt::Key_F7);
    pause_->setToolTip(tr("Hold training between two steps (the thread waits; nothing is lost)"));
    resume_ = training->addAction(tr("&Resume"), this, [this] { worker_->setPaused(false); });
    resume_->setObjectName("actionResume");
    resume_->setShortcut(Qt::Key_F8);
    resume_->setToolTip(tr("Continue a paused run"));
    stop_ = training->addAction(tr("&Stop"), this, [this] { worker_->stop(); });
    stop_->setObjectName("actionStop");
    stop_->setShortcut(Qt::SHIFT | Qt::Key_F5);
    stop_->setToolTip(tr("End training after a checkpoint; Continue Run picks it up again"));
    saveCheckpoint_ = training->addAction(tr("Save &Checkpoint"), this, [this] { worker_->requestCheckpoint(); });
    saveCheckpoint_->setObjectName("actionSaveCheckpoint");
    saveCheckpoint_->setShortcut(QKeySequence::Save);
    saveCheckpoint_->setToolTip(tr("Write checkpoint.pt now (atomically: a temporary file, then a rename)"));
    auto* tools = menuBar()->addMenu(tr("T&ools"));
    auto* playground = tools->addAction(tr("&Playground and Step-through Sampling…"), this, &MainWindow::showPlayground);
    playground->setObjectName("actionPlayground");
    playground->setToolTip(tr("Edit a 2-D mixture and watch diffusion, targets, regimes and samplers step by step"));
    // The interface language: the system's, or one chosen here (each name in its own language).
    auto* language = tools->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString chosen = chosenLanguage();
    QVector<InterfaceLanguage> choices{{"system", tr("System language")}};
    choices += interfaceLanguages();
    for (const auto& [code, name] : choices) {
        auto* action = language->addAction(name);
        action->setObjectName("language_" + code);
        action->setCheckable(true);
        action->setChecked(code == chosen);
        action->setData(code);
        languages->addAction(action);
    }
    connect(languages, &QActionGroup::triggered, this, [this](QAction* action) {
        chooseLanguage(action->data().toString());
        statusBar()->showMessage(tr("The language changes when Scorescope starts again."), 8000);
    });
    auto* toolbar = addToolBar(tr("Training"));
    toolbar->setObjectName("trainingToolBar");
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Icons from the application's resources (app/gui); without them the buttons show text only.
    const std::pair<QAction*, const char*> icons[] = {{newRun_, "new-run"}, {pause_, "pause"}, {resume_, "resume"},
                                                      {stop_, "stop"}, {saveCheckpoint_, "save-checkpoint"}};
    for (const auto& [action, icon] : icons) {
        action->setIcon(QIcon(QStringLiteral(":/icons/toolbar/%1.svg").arg(icon)));
        toolbar->addAction(action);
    }

    trainingThread_ = new QThread(this);
    worker_ = new TrainingWorker;
    worker_->moveToThread(trainingThread_);
    connect(trainingThread_, &QThread::finished, worker_, &QObject::deleteLater);
    trainingThread_->start();
    connect(worker_, &TrainingWorker::started, this, [this](const QString& dir, const QString& device, qint64 parameters) {
        openRun(dir);
        deviceLabel_->setText(tr("%1, %2 parameters").arg(device).arg(parameters));
        setTrainingState(true, false);
    });
    connect(worker_, &TrainingWorker::fittingPrior, this, [this](const QString& kind, double horizon) {
        fittingPrior_ = true;
        statusBar()->showMessage(tr("Fitting the auxiliary prior (%1) at T = %2 before the first step…").arg(kind).arg(horizon));
    });
    connect(worker_, &TrainingWorker::progress, this, [this](qint64 step, qint64 total, double, double rate) {
        if (std::exchange(fittingPrior_, false))
            statusBar()->clearMessage();
        showProgress(step, total, rate);
    });
    connect(worker_, &TrainingWorker::pausedChanged, this, [this](bool paused) {
        setTrainingState(true, paused);
        statusBar()->showMessage(paused ? tr("Paused") : tr("Training"), 3000);
    });
    connect(worker_, &TrainingWorker::checkpointSaved, this,
            [this](qint64 step) { statusBar()->showMessage(tr("Checkpoint saved at step %1").arg(step), 5000); });
    connect(worker_, &TrainingWorker::finished, this, [this](const QString&, qint64 step, bool complete) {
        setTrainingState(false, false);
        follower_->poll();  // the last rows, without waiting for the next poll
        samplesView_->refresh();
        statusBar()->showMessage(complete ? tr("Finished at step %1").arg(step)
                                          : tr("Stopped at step %1; Continue Run resumes it").arg(step));
    });
    connect(worker_, &TrainingWorker::failed, this, [this](const QString& message) {
        setTrainingState(false, false);
        statusBar()->showMessage(tr("Training failed: %1").arg(message));
        if (!quiet_)
            QMessageBox::critical(this, tr("Training"), message);
    });
    setTrainingState(false, false);

    lossScaleChart_->setObjectName("lossScaleChart");
    stfChart_->setObjectName("stfChart");
    softTruncationView_->setObjectName("softTruncationView");
    const std::function<QString()> lossScaleCsv = [this] { return lossScaleChart_->toCsv(); },
                                    stfCsv = [this] { return stfChart_->toCsv(); },
                                    truncationCsv = [this] { return softTruncationView_->toCsv(); },
                                    heatmapCsv = [this] { return lossHeatmap_->toCsv(); },
                                    samplesCsv = [this] { return samplesView_->toCsv(); };
    samplesView_->setObjectName("samplesView");
    lossHeatmap_->setObjectName("lossHeatmap");
    for (auto [view, csv, title, name] :
         {std::tuple{static_cast<QWidget*>(lossScaleChart_), lossScaleCsv, tr("Loss scale"), QString("lossScale")},
          std::tuple{static_cast<QWidget*>(stfChart_), stfCsv, tr("STF targets"), QString("stf")},
          std::tuple{static_cast<QWidget*>(softTruncationView_), truncationCsv, tr("Soft Truncation"), QString("softTruncation")},
          std::tuple{static_cast<QWidget*>(lossHeatmap_), heatmapCsv, tr("Loss over training"), QString("lossHeatmap")},
          std::tuple{static_cast<QWidget*>(samplesView_), samplesCsv, tr("Samples"), QString("samples")}}) {
        auto* panel = new ChartPanel(view, csv);
        panel->setObjectName(name + "Panel");
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name + "Dock");
        dock->setWidget(panel);
        addDockWidget(view == softTruncationView_ || view == lossHeatmap_ ? Qt::BottomDockWidgetArea : Qt::RightDockWidgetArea, dock);
    }
    tabifyDockWidget(findChild<QDockWidget*>("stfDock"), findChild<QDockWidget*>("samplesDock"));
    auto* runsDock = new QDockWidget(tr("Runs"), this);
    runsDock->setObjectName("runsDock");
    runsDock->setWidget(runList_);
    addDockWidget(Qt::LeftDockWidgetArea, runsDock);
    connect(runList_, &RunListView::runActivated, this, &MainWindow::openRun);

    connect(follower_, &RunFollower::opened, this, [this](const QJsonObject& cfg) {
        softTruncationView_->setRunConfig(cfg);
        samplesView_->setRun(follower_->directory(), cfg);
        const bool stf = cfg.value("objective").toObject().value("target").toString() == "stf";
        stfChart_->setCurves({});
        stfChart_->chart()->setTitle(stf ? tr("Target variance per σ bin, latest logging step (STF §3.4)")
                                         : tr("No STF targets: this run trains with plain DSM targets"));
    });
    connect(follower_, &RunFollower::reset, lossChart_, &LossChartView::clear);
    connect(follower_, &RunFollower::reset, softTruncationView_, &SoftTruncationView::clear);
    connect(follower_, &RunFollower::reset, lossHeatmap_, &LossHeatmapView::clear);
    connect(follower_, &RunFollower::rowsAppended, this, &MainWindow::onRows);

    QSettings settings;
    if (!restoreGeometry(settings.value("mainWindow/geometry").toByteArray()))
        resize(1400, 900);
    restoreState(settings.value("mainWindow/state").toByteArray());
}

MainWindow::~MainWindow()
{
    // Training ends with a checkpoint before the thread goes: at most one step and one save.
    worker_->stop();
    trainingThread_->quit();
    trainingThread_->wait();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());  // docks and toolbars
    QMainWindow::closeEvent(event);
}

bool MainWindow::openRun(const QString& dir)
{
    if (!follower_->open(dir)) {
        if (!quiet_)
            QMessageBox::warning(this, tr("Open run"), follower_->errorString());
        return false;
    }
    const auto cfg = follower_->config();
    const auto sde = cfg.value("sde").toObject();
    QString process = sde.value("kind").toString();
    // The horizon and prior matter once they differ from the defaults (§4).
    if (process != "edm" && sde.value("T").toDouble(1.0) != 1.0)
        process += tr(" to T = %1").arg(sde.value("T").toDouble());
    if (const QString prior = cfg.value("prior").toObject().value("kind").toString("gaussian"); prior != "gaussian")
        process += tr(", %1 prior").arg(prior);
    runLabel_->setText(tr("%1 — %2 on %3, %4 steps").arg(dir, cfg.value("dataset").toString(), process).arg(cfg.value("steps").toInteger()));
    setWindowTitle(tr("Scorescope — %1").arg(dir));
    QSettings().setValue("lastRun", dir);
    runList_->remember(dir);
    return true;
}

void MainWindow::chooseRun()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open run directory"),
                                                          QSettings().value("lastRun").toString());
    if (!dir.isEmpty())
        openRun(dir);
}

NewRunDialog* MainWindow::showNewRunDialog()
{
    auto* dialog = new NewRunDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startTraining(dialog->runDirectory(), dialog->config()); });
    dialog->open();
    return dialog;
}

void MainWindow::startTraining(const QString& dir, const scorescope::TrainConfig& config)
{
    setTrainingState(true, false);
    statusBar()->showMessage(tr("Starting %1…").arg(dir));
    worker_->queueNew(dir, config);
}

void MainWindow::continueRun(const QString& dir)
{
    setTrainingState(true, false);
    statusBar()->showMessage(tr("Resuming %1…").arg(dir));
    worker_->queueResume(dir, 0);
}

void MainWindow::chooseRunToContinue()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Continue run"), QSettings().value("lastRun").toString());
    if (!dir.isEmpty())
        continueRun(dir);
}

void MainWindow::setTrainingState(bool running, bool paused)
{
    training_ = running;
    newRun_->setEnabled(!running);
    continueRun_->setEnabled(!running);
    pause_->setEnabled(running && !paused);
    resume_->setEnabled(running && paused);
    stop_->setEnabled(running);
    saveCheckpoint_->setEnabled(running);
}

void MainWindow::showProgress(qint64 step, qint64 total, double stepsPerSecond)
{
    progressBar_->setRange(0, static_cast<int>(std::min<qint64>(total, INT_MAX)));
    progressBar_->setValue(static_cast<int>(std::min(step, total)));
    stepLabel_->setText(tr("step %1 / %2").arg(step).arg(total));
    rateLabel_->setText(tr("%1 steps/s").arg(stepsPerSecond, 0, 'f', 1));
    if (stepsPerSecond > 0.0 && step < total) {
        const auto secs = static_cast<qint64>((total - step) / stepsPerSecond);
        etaLabel_->setText(tr("ETA %1:%2:%3").arg(secs / 3600).arg(secs / 60 % 60, 2, 10, QChar('0')).arg(secs % 60, 2, 10, QChar('0')));
    } else {
        etaLabel_->clear();
    }
}

namespace {
QVector<double> qt(const std::vector<double>& v) { return QVector<double>(v.begin(), v.end()); }
} // namespace

void MainWindow::showBins(const scorescope::BinnedWindow& bins, const scorescope::BinnedWindow* stf)
{
    const auto mean = bins.mean("loss");
    const auto* loss = bins.find("loss");
    QVector<double> upper;
    for (size_t i = 0; loss && i < std::min(mean.size(), loss->spread.size()); ++i)
        upper.push_back(mean[i] + loss->spread[i]);
    // Against the diffusion time of each σ bin's centre, as Soft Truncation's loss-scale plots are.
    const auto times = qt(bins.t);
    lossScaleChart_->setCurves({CurveChartView::curve(tr("mean"), times, qt(mean)),
                                CurveChartView::curve(tr("mean + std"), times, upper, true)});
    if (!stf)
        return;
    scorescope::StfVarianceOptions thresholds;
    thresholds.referenceSize = follower_->config().value("objective").toObject().value("reference_size").toInteger(1024);
    const auto summary = scorescope::summariseStfWindow(*stf, thresholds);
    const auto sigma = qt(summary.sigma);
    QVector<CurveChartView::Curve> curves{CurveChartView::curve(tr("DSM"), sigma, qt(summary.vDsm)),
                                          CurveChartView::curve(tr("STF"), sigma, qt(summary.vStf)),
                                          CurveChartView::curve(tr("ratio STF/DSM"), sigma, qt(summary.ratio), true)};
    if (!summary.bias2.empty())
        curves.push_back(CurveChartView::curve(tr("bias² (estimate)"), sigma, qt(summary.bias2), true));
    QStringList regime;
    for (const auto& r : summary.regime)
        regime.push_back(QString::fromStdString(r));
    stfChart_->setCurves(curves, CurveChartView::regimeBands(qt(summary.regimeSigma), regime));
}

void MainWindow::onRows(const QVector<scorescope::MetricsRow>& rows)
{
    softTruncationView_->addRows(rows);
    lossHeatmap_->addRows(rows);
    samplesView_->refresh();
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
        if (it->lossBins) {
            showBins(*it->lossBins, it->stfBins ? &*it->stfBins : nullptr);
            break;
        }
    QVector<QPointF> points;
    for (const auto& r : rows)
        if (std::isfinite(r.loss))
            points.push_back({double(r.step), r.loss});
    lossChart_->append(points);
    // A run trained here reports through the worker, every step; its logged rows lag behind.
    if (!training_) {
        const auto& last = rows.back();
        // Rows of older runs may lack the rate.
        showProgress(last.step, follower_->config().value("steps").toInteger(),
                     std::isfinite(last.stepsPerSecond) ? last.stepsPerSecond : 0.0);
    }
}

PlaygroundWindow* MainWindow::showPlayground()
{
    if (!playground_)
        playground_ = new PlaygroundWindow(this);
    playground_->setWindowFlag(Qt::Window);
    playground_->show();
    playground_->raise();
    return playground_;
}
