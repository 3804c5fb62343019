#pragma once
#include "core/run/MetricsRow.h"

#include <QMainWindow>

class CurveChartView;
class LossChartView;
class LossHeatmapView;
class NewRunDialog;
class PlaygroundWindow;
class QAction;
class QLabel;
class QProgressBar;
class QThread;
class RunFollower;
class RunListView;
class SamplesView;
class SoftTruncationView;
class TrainingWorker;
namespace scorescope { struct TrainConfig; }

// The workbench window: starts, pauses, resumes and stops training runs in a worker thread, and
// opens any run directory (also one that scorescope-cli or a remote job is writing) to follow it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    bool openRun(const QString& dir);  // shows an error message box on failure unless quiet
    void setQuiet(bool quiet) { quiet_ = quiet; }

    NewRunDialog* showNewRunDialog();  // non-modal; Start begins the run it describes
    void startTraining(const QString& dir, const scorescope::TrainConfig& config);
    void continueRun(const QString& dir);
    TrainingWorker* worker() const { return worker_; }
    PlaygroundWindow* showPlayground();  // the interactive and teaching window, created on first use

    LossChartView* lossChart() const { return lossChart_; }
    CurveChartView* lossScaleChart() const { return lossScaleChart_; }
    CurveChartView* stfChart() const { return stfChart_; }
    SoftTruncationView* softTruncationView() const { return softTruncationView_; }
    LossHeatmapView* lossHeatmap() const { return lossHeatmap_; }
    SamplesView* samplesView() const { return samplesView_; }
    RunListView* runList() const { return runList_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void onRows(const QVector<scorescope::MetricsRow>& rows);
    // The latest per-σ bins of the run: the loss scale, and STF's window when it has one.
    void showBins(const scorescope::BinnedWindow& bins, const scorescope::BinnedWindow* stf);
    void chooseRun();
    void chooseRunToContinue();
    void setTrainingState(bool running, bool paused);
    void showProgress(qint64 step, qint64 total, double stepsPerSecond);

    RunFollower* follower_;
    QThread* trainingThread_;
    TrainingWorker* worker_;
    LossChartView* lossChart_;
    CurveChartView* lossScaleChart_;
    CurveChartView* stfChart_;
    SoftTruncationView* softTruncationView_;
    LossHeatmapView* lossHeatmap_;
    SamplesView* samplesView_;
    RunListView* runList_;
    QLabel* runLabel_;
    QLabel* stepLabel_;
    QLabel* rateLabel_;
    QLabel* etaLabel_;
    QLabel* deviceLabel_;
    QProgressBar* progressBar_;
    QAction *newRun_, *continueRun_, *pause_, *resume_, *stop_, *saveCheckpoint_;
    PlaygroundWindow* playground_ = nullptr;
    bool quiet_ = false;
    bool fittingPrior_ = false;  // its status message stays until the first step
    bool training_ = false;  // a run is being trained in this window (the worker reports progress)
};
