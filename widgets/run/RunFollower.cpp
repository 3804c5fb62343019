#include "widgets/run/RunFollower.h"

#include "core/run/RunDirectory.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace {
QString path(const std::string& p) { return QString::fromStdString(p); }
}

RunFollower::RunFollower(QObject* parent) : QObject(parent)
{
    // Once a second: rows arrive a few times a second at most, and every batch redraws all panels,
    // which takes CPU from a run training in this process (the status bar follows the worker at 10 Hz).
    timer_.setInterval(1000);
    connect(&timer_, &QTimer::timeout, this, &RunFollower::poll);
}

bool RunFollower::open(const QString& dir)
{
    close();
    const scorescope::RunDirectory run{dir.toStdString()};
    QFile cfg(path(run.config()));
    if (!cfg.open(QIODevice::ReadOnly)) {
        error_ = tr("%1 is not a run directory (no config.json)").arg(dir);
        return false;
    }
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(cfg.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        error_ = tr("%1: config.json is not valid JSON (%2)").arg(dir, err.errorString());
        return false;
    }
    dir_ = dir;
    config_ = doc.object();
    Q_EMIT opened(config_);
    Q_EMIT reset();
    poll();
    timer_.start();
    return true;
}

void RunFollower::close()
{
    timer_.stop();
    dir_.clear();
    config_ = {};
    offset_ = 0;
    partial_.clear();
}

void RunFollower::poll()
{
    if (dir_.isEmpty())
        return;
    QFile f(path(scorescope::RunDirectory{dir_.toStdString()}.metricsJsonl()));
    if (!f.open(QIODevice::ReadOnly))
        return;  // not written yet
    if (f.size() < offset_) {
        offset_ = 0;
        partial_.clear();
        Q_EMIT reset();
    }
    if (f.size() == offset_)
        return;
    f.seek(offset_);
    const QByteArray chunk = f.readAll();
    offset_ += chunk.size();
    partial_ += chunk;
    QVector<scorescope::MetricsRow> rows;
    int start = 0;
    for (int nl = partial_.indexOf('\n'); nl >= 0; nl = partial_.indexOf('\n', start)) {
        if (auto row = scorescope::parseMetricsLine({partial_.constData() + start, size_t(nl - start)}))
            rows.push_back(std::move(*row));
        start = nl + 1;
    }
    partial_ = partial_.mid(start);
    if (!rows.isEmpty())
        Q_EMIT rowsAppended(rows);
}
