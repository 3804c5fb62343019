#pragma once
#include <QFutureWatcher>
#include <QPair>
#include <QStringList>
#include <QVector>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;

// The runs at hand: every run directory (a folder with a config.json) directly inside a runs
// folder, plus the runs opened or started recently, each with its data set, SDE, objective and
// how far it has trained. Rescanned every few seconds in the background, so runs that scorescope-cli
// starts appear and a slow shared disk never stalls the window.
// Activating one (double click, Enter) asks the window to open and follow it.
class RunListView : public QWidget {
    Q_OBJECT
public:
    explicit RunListView(QWidget* parent = nullptr);

    void setFolder(const QString& folder);
    QString folder() const { return folder_; }
    void remember(const QString& dir);  // a run opened or started: listed even outside the folder
    void refresh();  // rescans in the background; the list changes when the scan is done
    QListWidget* list() const { return list_; }

Q_SIGNALS:
    void runActivated(const QString& dir);

private:
    void display(const QVector<QPair<QString, QString>>& runs);

    QString folder_;
    QStringList recent_;
    QVector<QPair<QString, QString>> shown_;  // what the list shows now
    QListWidget* list_;
    QLabel* folderLabel_;
    QTimer timer_;
    QFutureWatcher<QVector<QPair<QString, QString>>> scan_;
    bool rescan_ = false;  // asked again while a scan ran: scan once more when it ends
};
