#pragma once
#include <QMainWindow>

class CurveChartView;
class LossChartView;
class QLabel;
class RunFollower;

// The workbench window. For now: open a run directory and follow its training loss live.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    bool openRun(const QString& dir);  // shows an error message box on failure unless quiet
    void setQuiet(bool quiet) { quiet_ = quiet; }

    LossChartView* lossChart() const { return lossChart_; }
    CurveChartView* lossScaleChart() const { return lossScaleChart_; }
    CurveChartView* stfChart() const { return stfChart_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void onRows(const QVector<QJsonObject>& rows);
    void showBins(const QJsonObject& row);  // the latest per-σ bins of the run
    void chooseRun();

    RunFollower* follower_;
    LossChartView* lossChart_;
    CurveChartView* lossScaleChart_;
    CurveChartView* stfChart_;
    QLabel* runLabel_;
    QLabel* stepLabel_;
    QLabel* rateLabel_;
    bool quiet_ = false;
};
