#include "MainWindow.h"

#include "charts/LossChartView.h"
#include "run/RunFollower.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), follower_(new RunFollower(this)), lossChart_(new LossChartView(this)),
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

void MainWindow::onRows(const QVector<QJsonObject>& rows)
{
    QVector<QPointF> points;
    for (const auto& r : rows)
        if (r.contains("step") && r.contains("loss"))
            points.push_back({r.value("step").toDouble(), r.value("loss").toDouble()});
    lossChart_->append(points);
    const auto& last = rows.back();
    stepLabel_->setText(tr("step %1 / %2").arg(last.value("step").toInteger()).arg(follower_->config().value("steps").toInteger()));
    rateLabel_->setText(tr("%1 steps/s").arg(last.value("steps_per_s").toDouble(), 0, 'f', 1));
}
