#include "widgets/EventLoopProbe.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <unistd.h>

namespace {
constexpr int kTickMs = 10;

double residentMiB()
{
    QFile statm("/proc/self/statm");
    if (!statm.open(QIODevice::ReadOnly))
        return 0.0;
    const auto fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : 0.0;
}

double quantile(QVector<double> v, double q)
{
    if (v.isEmpty())
        return 0.0;
    const auto k = static_cast<qsizetype>(q * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + k, v.end());
    return v[k];
}
} // namespace

EventLoopProbe::EventLoopProbe(const QString& path, int intervalSeconds, QObject* parent) : QObject(parent), out_(path)
{
    if (!out_.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return;
    tick_.setTimerType(Qt::PreciseTimer);
    connect(&tick_, &QTimer::timeout, this, &EventLoopProbe::tick);
    connect(&report_, &QTimer::timeout, this, &EventLoopProbe::report);
    clock_.start();
    sinceTick_.start();
    tick_.start(kTickMs);
    report_.start(intervalSeconds * 1000);
}

void EventLoopProbe::tick()
{
    // How much later than its 10 ms this timeout came: the time the loop was busy elsewhere.
    lateness_.push_back(std::max(0.0, static_cast<double>(sinceTick_.nsecsElapsed()) / 1e6 - kTickMs));
    sinceTick_.restart();
}

void EventLoopProbe::report()
{
    const QJsonObject latency{{"p50", quantile(lateness_, 0.5)}, {"p99", quantile(lateness_, 0.99)},
                              {"max", lateness_.isEmpty() ? 0.0 : *std::max_element(lateness_.begin(), lateness_.end())}};
    const QJsonObject row{{"t_s", static_cast<double>(clock_.elapsed()) / 1000.0}, {"rss_mib", residentMiB()},
                          {"latency_ms", latency}, {"samples", static_cast<double>(lateness_.size())}};
    out_.write(QJsonDocument(row).toJson(QJsonDocument::Compact) + "\n");
    out_.flush();
    lateness_.clear();
}
