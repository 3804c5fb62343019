#pragma once
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// One of our programs run to its end: the exit code (-1: still running at the limit, and killed;
// -2: it crashed) and what it printed.
struct ProgramResult {
    int code;
    QString out, err;
};

// The limit only catches a hang. It is generous because the same tests run under the sanitizers,
// where a run takes about 6× as long as in release; ctest's TIMEOUT bounds the whole test.
inline ProgramResult runProgram(const QString& program, const QStringList& args,
                                const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                                int timeoutMs = 900000)
{
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, "timed out"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
}
