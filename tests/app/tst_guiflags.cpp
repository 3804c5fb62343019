// The workbench's own command line: --version and --help answer without a display (as in a
// terminal over ssh, or a packaging script), and a bad flag is a usage error as in scorescope-cli:
// one line naming it, exit 2.
#include "RunProgram.h"

#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QtTest/QtTest>

namespace {
// The workbench run with `platform` and no display to connect to: with "xcb" any QApplication
// fails to start, so an answer proves none was made.
ProgramResult runGui(const QStringList& args, const QString& platform)
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.insert("QT_QPA_PLATFORM", platform);
    env.insert("XDG_RUNTIME_DIR", QDir::tempPath());
    return runProgram(SCORESCOPE_GUI, args, env);
}
} // namespace

class TestGuiFlags : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void answersWithoutADisplay_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("pattern");
        const QString versionLine = R"(^Scorescope \d+\.\d+\.\d+ \(git \S+\), LibTorch \d+\.\d+\.\d+, (CUDA|CPU) build, CUDA (not )?available\n$)";
        QTest::newRow("--version") << QStringList{"--version"} << versionLine;
        QTest::newRow("-v") << QStringList{"-v"} << versionLine;
        QTest::newRow("--help") << QStringList{"--help"} << R"(--playground\s+open the toy playground)";
        QTest::newRow("-h") << QStringList{"-h"} << R"(--step-through\s+open the playground on its step-through)";
        // With Qt's own options: Qt Core's here (Qt Gui's, -platform and -style, need a display).
        QTest::newRow("--help-all") << QStringList{"--help-all"} << R"(--qmljsdebugger <value>)";
    }
    void answersWithoutADisplay()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, pattern);
        const auto r = runGui(args, "xcb");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(QRegularExpression(pattern, QRegularExpression::MultilineOption).match(r.out).hasMatch(), qPrintable(r.out));
    }

    void badFlagIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown flag") << QStringList{"--bogus"} << "scorescope: Unknown option 'bogus'.";
        QTest::newRow("value missing") << QStringList{"--threads"} << "scorescope: Missing value after '--threads'.";
        QTest::newRow("threads") << QStringList{"--threads", "0"} << "--threads: expected a positive integer, got 0";
        QTest::newRow("language") << QStringList{"--language", "fr"} << "--language: expected system, en, de or ja, got fr";
    }
    void badFlagIsAUsageError()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto r = runGui(args, "offscreen");
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestGuiFlags)
#include "tst_guiflags.moc"
