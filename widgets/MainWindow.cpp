#include "MainWindow.h"

#include "charts/CurveChartView.h"
#include "charts/LossChartView.h"
#include "run/RunFollower.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QJsonArray>
#include <QFileDialog>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include <cmath>
#include <tuple>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), follower_(new RunFollower(this)), lossChart_(new LossChartView(this)),
      lossScaleChart_(new CurveChartView(tr("Per-noise-level loss, latest window (Soft Truncation §2.1)"), tr("σ"),
                                         tr("per-sample loss"), true, true)),
      stfChart_(new CurveChartView(tr("Target variance, latest logging step (STF §3.4)"), tr("σ"),
                                   tr("E tr Cov[target | x]"), true, true)),
      runLabel_(new QLabel(tr("No run open"))), stepLabel_(new QLabel), rateLabel_(new QLabel)
{
    setObjectName("mainWindow");
    setWindowTitle(tr("Scorescope"));
    setCentralWidget(lossChart_);
    runLabel_->setObjectName("runLabel");
    stepLabel_->setObjectName("stepLabel");
    rateLabel_->setObjectName("rateLabel");
    statusBar()->addWidget(runLabel_, 1);
    statusBar()->addPermanentWidget(stepLabel_);
    statusBar()->addPermanentWidget(rateLabel_);

    auto* file = menuBar()->addMenu(tr("&File"));
    auto* open = file->addAction(tr("&Open Run Directory…"), this, &MainWindow::chooseRun);
    open->setObjectName("actionOpenRun");
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a run directory written by scorescope-cli train and follow it live"));
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    lossScaleChart_->setObjectName("lossScaleChart");
    stfChart_->setObjectName("stfChart");
    for (auto [chart, title, name] : {std::tuple{static_cast<QWidget*>(lossScaleChart_), tr("Loss scale"), "lossScaleDock"},
                                      std::tuple{static_cast<QWidget*>(stfChart_), tr("STF targets"), "stfDock"}}) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(chart);
        addDockWidget(Qt::RightDockWidgetArea, dock);
    }

    connect(follower_, &RunFollower::reset, lossChart_, &LossChartView::clear);
    connect(follower_, &RunFollower::rowsAppended, this, &MainWindow::onRows);

    QSettings settings;
    if (!restoreGeometry(settings.value("mainWindow/geometry").toByteArray()))
        resize(1000, 650);
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue("mainWindow/geometry", saveGeometry());
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
    runLabel_->setText(tr("%1 — %2 on %3, %4 steps")
                           .arg(dir, cfg.value("dataset").toString(),
                                cfg.value("sde").toObject().value("kind").toString())
                           .arg(cfg.value("steps").toInteger()));
    setWindowTitle(tr("Scorescope — %1").arg(dir));
    QSettings().setValue("lastRun", dir);
    return true;
}

void MainWindow::chooseRun()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open run directory"),
                                                          QSettings().value("lastRun").toString());
    if (!dir.isEmpty())
        openRun(dir);
}

namespace {
// A JSON array of numbers (null for an empty bin) as values, NaN where there is none.
QVector<double> numbers(const QJsonValue& v)
{
    QVector<double> out;
    for (const auto& x : v.toArray())
        out.push_back(x.isDouble() ? x.toDouble() : NAN);
    return out;
}

QVector<double> sigmas(const QJsonObject& bins)
{
    QVector<double> out;
    for (double c : numbers(bins.value("log10_sigma")))
        out.push_back(std::pow(10.0, c));
    return out;
}
} // namespace

void MainWindow::showBins(const QJsonObject& row)
{
    const auto bins = row.value("bins").toObject();
    const auto mean = numbers(bins.value("loss")), sd = numbers(bins.value("loss_std"));
    QVector<double> upper;
    for (int i = 0; i < std::min(mean.size(), sd.size()); ++i)
        upper.push_back(mean[i] + sd[i]);
    lossScaleChart_->setCurves({CurveChartView::curve(tr("mean"), sigmas(bins), mean),
                                CurveChartView::curve(tr("mean + std"), sigmas(bins), upper, true)});
    if (row.contains("stf_bins")) {
        const auto stf = row.value("stf_bins").toObject();
        stfChart_->setCurves({CurveChartView::curve(tr("DSM"), sigmas(stf), numbers(stf.value("v_dsm"))),
                              CurveChartView::curve(tr("STF"), sigmas(stf), numbers(stf.value("v_stf")))});
    }
}

void MainWindow::onRows(const QVector<QJsonObject>& rows)
{
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
        if (it->contains("bins")) {
            showBins(*it);
            break;
        }
    QVector<QPointF> points;
    for (const auto& r : rows)
        if (r.contains("step") && r.contains("loss"))
            points.push_back({r.value("step").toDouble(), r.value("loss").toDouble()});
    lossChart_->append(points);
    const auto& last = rows.back();
    stepLabel_->setText(tr("step %1 / %2").arg(last.value("step").toInteger()).arg(follower_->config().value("steps").toInteger()));
    rateLabel_->setText(tr("%1 steps/s").arg(last.value("steps_per_s").toDouble(), 0, 'f', 1));
}
