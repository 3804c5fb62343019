#pragma once
#include "core/run/MetricsRow.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVector>

// Follows a run directory that `scorescope-cli train` (or a remote job on a shared disk) is
// writing: polls metrics.jsonl for appended lines, once a second, and emits them as rows (core's
// reader: a line that is not a row is passed over).
// A file that shrinks (a resumed run rewrote it) restarts the stream with reset().
class RunFollower : public QObject {
    Q_OBJECT
public:
    explicit RunFollower(QObject* parent = nullptr);

    // Returns false (and sets errorString()) when `dir` holds no run.
    bool open(const QString& dir);
    void close();
    QString directory() const { return dir_; }
    QJsonObject config() const { return config_; }
    QString errorString() const { return error_; }

public Q_SLOTS:
    void poll();

Q_SIGNALS:
    void opened(const QJsonObject& config);  // before the first rows of a newly opened run
    void reset();
    void rowsAppended(const QVector<scorescope::MetricsRow>& rows);

private:
    QString dir_, error_;
    QJsonObject config_;
    QTimer timer_;
    qint64 offset_ = 0;
    QByteArray partial_;  // a line the writer has not finished yet
};
