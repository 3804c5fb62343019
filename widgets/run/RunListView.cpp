#include "widgets/run/RunListView.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

namespace {
constexpr int kRecent = 20;

// The last step a run has logged: the first field of the last line of metrics.csv.
qint64 lastStep(const QString& dir)
{
    QFile f(dir + "/metrics.csv");
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    f.seek(std::max<qint64>(0, f.size() - 512));
    const auto lines = f.readAll().split('\n');
    for (auto it = lines.rbegin(); it != lines.rend(); ++it)
        if (bool ok = false; !it->isEmpty() && (it->split(',').first().toLongLong(&ok), ok))
            return it->split(',').first().toLongLong();
    return 0;
}

// "name — dataset, SDE, objective, step s / N", or an empty string for a folder without a run.
QString describe(const QString& dir)
{
    QFile f(dir + "/config.json");
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const auto config = QJsonDocument::fromJson(f.readAll()).object();
    if (config.isEmpty())
        return {};
    const auto objective = config.value("objective").toObject();
    QString what = objective.value("target").toString("dsm");
    if (objective.value("soft_truncation_k").toDouble() > 0.0)
        what += QString(" + ST k=%1").arg(objective.value("soft_truncation_k").toDouble());
    return QString("%1 — %2, %3, %4, step %5 / %6")
        .arg(QFileInfo(dir).fileName(), QFileInfo(config.value("dataset").toString()).fileName(),
             config.value("sde").toObject().value("kind").toString(), what)
        .arg(lastStep(dir))
        .arg(config.value("steps").toInteger());
}
using Runs = QVector<QPair<QString, QString>>;  // (directory, description)

// Every run directory in `folder`, then the recent ones outside it. Reads only files: runs off the UI thread.
Runs scan(const QString& folder, const QStringList& recent)
{
    QStringList dirs;
    for (const auto& name : QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        dirs.push_back(QDir(folder).filePath(name));
    for (const auto& r : recent)
        if (!dirs.contains(r))
            dirs.push_back(r);
    Runs runs;
    for (const auto& dir : dirs)
        if (const QString text = describe(dir); !text.isEmpty())
            runs.push_back({dir, text});
    return runs;
}
} // namespace

RunListView::RunListView(QWidget* parent)
    : QWidget(parent), list_(new QListWidget), folderLabel_(new QLabel)
{
    list_->setObjectName("runList");
    list_->setToolTip(tr("Runs in the runs folder and runs opened recently; double-click one to follow it"));
    auto* bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(tr("Folder…"), this, [this] {
        const auto d = QFileDialog::getExistingDirectory(this, tr("Runs folder"), folder_);
        if (!d.isEmpty())
            setFolder(d);
    })->setToolTip(tr("Choose the folder whose run directories are listed"));
    bar->addAction(tr("Refresh"), this, &RunListView::refresh)->setToolTip(tr("Look for new runs now"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar);
    layout->addWidget(folderLabel_);
    layout->addWidget(list_, 1);
    connect(list_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT runActivated(item->data(Qt::UserRole).toString()); });
    QSettings settings;
    recent_ = settings.value("runList/recent").toStringList();
    setFolder(settings.value("runList/folder", QDir::current().filePath("runs")).toString());
    connect(&scan_, &QFutureWatcher<Runs>::finished, this, [this] {
        display(scan_.result());
        if (rescan_)
            refresh();
    });
    timer_.setInterval(3000);
    connect(&timer_, &QTimer::timeout, this, &RunListView::refresh);
    timer_.start();
}

void RunListView::setFolder(const QString& folder)
{
    folder_ = QDir(folder).absolutePath();
    folderLabel_->setText(tr("Runs in %1").arg(folder_));
    QSettings().setValue("runList/folder", folder_);
    refresh();
}

void RunListView::remember(const QString& dir)
{
    const QString path = QDir(dir).absolutePath();
    recent_.removeAll(path);
    recent_.prepend(path);
    while (recent_.size() > kRecent)
        recent_.removeLast();
    QSettings().setValue("runList/recent", recent_);
    refresh();
}

void RunListView::refresh()
{
    // The folder may be on a slow shared disk: scan in the thread pool, one scan at a time.
    if (scan_.isRunning()) {
        rescan_ = true;
        return;
    }
    rescan_ = false;
    scan_.setFuture(QtConcurrent::run(scan, folder_, recent_));
}

void RunListView::display(const QVector<QPair<QString, QString>>& runs)
{
    if (runs == shown_)
        return;  // unchanged: keep the list, its scroll position and selection as they are
    shown_ = runs;
    const QString current = list_->currentItem() ? list_->currentItem()->data(Qt::UserRole).toString() : QString();
    list_->clear();
    for (const auto& [dir, text] : runs) {
        auto* item = new QListWidgetItem(text, list_);
        item->setData(Qt::UserRole, dir);
        item->setToolTip(dir);
        if (dir == current)
            list_->setCurrentItem(item);
    }
}
