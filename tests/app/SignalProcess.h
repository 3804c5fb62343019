#pragma once
#include <QProcess>

#include <csignal>

// Sends `signal` to a QProcess that is still running. False, and nothing sent, once it has ended:
// its processId() is then 0, and kill(0, …) would signal the test's own process group.
inline bool signalProcess(const QProcess& process, int signal)
{
    const auto pid = process.processId();
    return process.state() == QProcess::Running && pid > 0 && ::kill(static_cast<pid_t>(pid), signal) == 0;
}
