// scorescope: the desktop workbench.
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName("Scorescope");
    QApplication::setApplicationName("Scorescope");
    QApplication::setApplicationVersion(SCORESCOPE_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription("Scorescope: a research workbench for score-based diffusion models");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("run", "a run directory to open and follow");
    QCommandLineOption screenshot("screenshot", "render the window to FILE after MS milliseconds, then quit", "FILE");
    QCommandLineOption delay("screenshot-delay", "delay before the screenshot (default 1500 ms)", "MS", "1500");
    parser.addOption(screenshot);
    parser.addOption(delay);
    parser.process(app);

    MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openRun(parser.positionalArguments().first());
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(parser.value(delay).toInt(), &window, [&] {
            window.grab().save(parser.value(screenshot));
            app.quit();
        });
    }
    return app.exec();
}
