#pragma once
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>
#include <QVector>

// Measures how late the UI thread's event loop runs a 10 ms timer (its latency: what a click or a
// repaint waits) and the process's resident memory, and appends one JSON line per interval:
// {"t_s", "rss_mib", "latency_ms": {"p50", "p99", "max"}, "samples"}. For the soak test
// (docs/experiments/soak.sh): `scorescope --soak-log FILE`.
class EventLoopProbe : public QObject {
    Q_OBJECT
public:
    EventLoopProbe(const QString& path, int intervalSeconds, QObject* parent = nullptr);
    bool isOpen() const { return out_.isOpen(); }

private:
    void tick();
    void report();

    QFile out_;
    QTimer tick_, report_;
    QElapsedTimer clock_, sinceTick_;
    QVector<double> lateness_;
};
