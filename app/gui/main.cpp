// scorescope: the desktop workbench.
#include "widgets/EventLoopProbe.h"
#include "widgets/InterfaceLanguage.h"
#include "widgets/MainWindow.h"
#include "widgets/train/TrainingWorker.h"
#include "widgets/playground/PlaygroundWindow.h"
#include "widgets/playground/PlaygroundView.h"
#include "widgets/playground/StepThroughView.h"
#include "widgets/analysis/AnalysisView.h"
#include "core/common/Allocator.h"
#include "core/common/BuildInfo.h"
#include "core/common/Threads.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTranslator>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <memory>

int main(int argc, char** argv)
{
    scorescope::retainFreedMemory();
    scorescope::keepThisThreadSerial();  // the UI thread; training threads set their own width
    // Past a file-size limit (ulimit -f) a run's write should fail and be shown, not kill the program.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication::setOrganizationName("Scorescope");
    QCoreApplication::setApplicationName("Scorescope");
    QCoreApplication::setApplicationVersion(QString::fromStdString(scorescope::buildInfo()));

    QCommandLineParser parser;
    parser.setApplicationDescription("Scorescope: a research workbench for score-based diffusion models");
    const QCommandLineOption help = parser.addHelpOption(), version = parser.addVersionOption();
    parser.addPositionalArgument("run", "a run directory to open and follow");
    QCommandLineOption screenshot("screenshot", "render the window to FILE after MS milliseconds, then quit", "FILE");
    QCommandLineOption delay("screenshot-delay", "delay before the screenshot (default 1500 ms)", "MS", "1500");
    QCommandLineOption analysis("analysis", "show the charts of a CSV written by scorescope-cli analyze (repeatable: "
                                            "several files overlay)", "CSV");
    QCommandLineOption newRun("new-run", "open the New-run dialog at start");
    QCommandLineOption continueRun("continue", "continue training the run in DIR from its checkpoint", "DIR");
    QCommandLineOption playground("playground", "open the toy playground and step-through sampling window");
    QCommandLineOption lesson("lesson", "open the playground on a guided lesson: small-t, targets-disagree, what-T-buys, "
                                        "samplers", "ID");
    QCommandLineOption stepThrough("step-through", "open the playground on its step-through sampling tab");
    QCommandLineOption mixture("mixture", "open the playground on a mixture JSON file", "FILE");
    QCommandLineOption traceStep("trace-step", "step-through: jump both samplers to step N", "N");
    QCommandLineOption model("model", "playground: open the run in DIR for its trained score (repeatable)", "DIR");
    QCommandLineOption score("score", "playground arrows: truth, model or difference", "SOURCE");
    QCommandLineOption presentation("presentation", "large text and thick lines, for a projector");
    QCommandLineOption soakLog("soak-log", "append the event loop's latency and the memory in use to FILE every "
                                           "--soak-interval seconds (docs/experiments/soak.sh)", "FILE");
    QCommandLineOption soakInterval("soak-interval", "seconds between --soak-log lines (default 60)", "S", "60");
    QCommandLineOption threads("threads", "training threads (default: one per core)", "N");
    QCommandLineOption language("language", "interface language: system (default: as chosen in Tools → Language), "
                                            "en, de or ja", "LANG");
    parser.addOption(language);
    for (const auto& o : {playground, lesson, stepThrough, mixture, traceStep, model, score, presentation})
        parser.addOption(o);
    parser.addOption(newRun);
    parser.addOption(continueRun);
    parser.addOption(screenshot);
    parser.addOption(delay);
    parser.addOption(analysis);
    parser.addOption(soakLog);
    parser.addOption(soakInterval);
    parser.addOption(threads);
    // --version and --help print and exit: they need no display, so no QApplication either. The
    // arguments are read once before any application exists, to know which one to make; their
    // errors are reported after Qt has taken its own options (-platform, -style …), as
    // scorescope-cli reports a usage error: one line, exit 2.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    parser.parse(arguments);
    const bool textOnly = parser.isSet(help) || parser.isSet("help-all") || parser.isSet(version);
    std::unique_ptr<QCoreApplication> application;
    if (textOnly)
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    auto& app = *application;
    if (textOnly)
        parser.process(app);  // prints and exits
    if (!parser.parse(app.arguments())) {
        qCritical("scorescope: %s", qPrintable(parser.errorText()));
        return 2;
    }
    QApplication::setWindowIcon(QIcon(":/icons/scorescope.svg"));
    QApplication::setDesktopFileName("io.github.scorescope.Scorescope");
    if (parser.isSet(language) && !isInterfaceLanguage(parser.value(language))) {
        qCritical("--language: expected system, en, de or ja, got %s", qPrintable(parser.value(language)));
        return 2;
    }
    QTranslator translator, qtTranslator;  // English needs none; a system language without one falls back to English
    installLanguage(parser.isSet(language) ? parser.value(language) : chosenLanguage(), translator, qtTranslator);

    MainWindow main;
    if (parser.isSet(threads)) {
        bool ok = false;
        const int n = parser.value(threads).toInt(&ok);
        if (!ok || n < 1) {
            qCritical("--threads: expected a positive integer, got %s", qPrintable(parser.value(threads)));
            return 2;
        }
        main.worker()->setThreads(n);
    }
    AnalysisView analysisView;
    QWidget* shown = &main;
    if (parser.isSet(analysis)) {
        QString error;
        if (!analysisView.open(parser.values(analysis), &error)) {
            if (parser.isSet(screenshot))
                qCritical("%s", qPrintable(error));  // unattended: no dialog to wait on
            else
                QMessageBox::critical(nullptr, "Scorescope", error);
            return 2;
        }
        analysisView.setWindowTitle("Scorescope — " + parser.values(analysis).join(", "));
        analysisView.resize(1100, analysisView.charts().size() > 2 ? 760 : 420);
        shown = &analysisView;
    } else if (parser.isSet(playground) || parser.isSet(lesson) || parser.isSet(stepThrough) || parser.isSet(mixture) ||
               parser.isSet(model)) {
        auto* window = main.showPlayground();
        for (const auto& dir : parser.values(model))
            window->openRun(dir);
        const QStringList sources{"truth", "model", "difference"};
        if (parser.isSet(score) && !sources.contains(parser.value(score))) {
            qCritical("--score: expected truth, model or difference, got %s", qPrintable(parser.value(score)));
            return 2;
        }
        if (parser.isSet(score))
            window->playground()->setScoreSource(static_cast<scorescope::ScoreSource>(sources.indexOf(parser.value(score))));
        window->setPresentation(parser.isSet(presentation));
        QString error;
        if (parser.isSet(lesson) && !window->applyLesson(parser.value(lesson)))
            error = QString("unknown lesson %1").arg(parser.value(lesson));
        if (parser.isSet(mixture))
            window->loadMixture(parser.value(mixture), &error);
        if (parser.isSet(stepThrough))
            window->showStepThrough(true);
        if (parser.isSet(traceStep))
            window->stepThrough()->jumpTo(parser.value(traceStep).toInt());
        if (!error.isEmpty()) {
            qCritical("%s", qPrintable(error));
            return 2;
        }
        shown = window;
    } else if (!parser.positionalArguments().isEmpty()) {
        main.openRun(parser.positionalArguments().first());
    }
    auto& window = *shown;
    window.show();
    std::unique_ptr<EventLoopProbe> probe;
    if (parser.isSet(soakLog)) {
        probe = std::make_unique<EventLoopProbe>(parser.value(soakLog), std::max(1, parser.value(soakInterval).toInt()));
        if (!probe->isOpen()) {
            qCritical("--soak-log: cannot write %s", qPrintable(parser.value(soakLog)));
            return 2;
        }
    }
    if (parser.isSet(newRun))
        main.showNewRunDialog();
    if (parser.isSet(continueRun))
        main.continueRun(parser.value(continueRun));
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(parser.value(delay).toInt(), &window, [&] {
            // The dialog in front, if one is open; else the window.
            QWidget* front = QApplication::activeModalWidget() ? QApplication::activeModalWidget() : &window;
            front->grab().save(parser.value(screenshot));
            app.quit();
        });
    }
    return app.exec();
}
