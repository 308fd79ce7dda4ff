#include "MainWindow.h"
#include "Version.h"
#include "cli/CommandLine.h"

#include <QApplication>
#include <QCoreApplication>

namespace {
void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Pingscope"));
    QCoreApplication::setApplicationName(QString::fromLatin1(Pingscope::applicationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(Pingscope::versionString));
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}
} // namespace

int main(int argc, char **argv)
{
    // Headless commands never touch a display, so they run on a QCoreApplication.
    const QStringList arguments = argumentsOf(argc, argv);
    if (CommandLine::isHeadless(arguments)) {
        // Qt's own poll() dispatcher rather than the GLib one: with thousands of probes a second the
        // GLib dispatcher drops timers (the schedule, curl's, every deadline) to idle priority once
        // they have fired, and costs more per event; measured in docs/benchmarks.md. The window
        // keeps GLib, which the platform theme may need.
        if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
            qputenv("QT_NO_GLIB", "1");
        QCoreApplication app(argc, argv);
        describeApplication();
        return CommandLine::runHeadless(arguments);
    }

    QApplication app(argc, argv);
    describeApplication();
    QGuiApplication::setDesktopFileName(QString::fromLatin1(Pingscope::desktopFileName));
    MainWindow window;
    const QString profile = arguments.size() > 1 && !arguments.at(1).startsWith(QLatin1Char('-'))
        ? arguments.at(1)
        : QStringLiteral(":/profiles/demo.json");
    window.openProfile(profile);
    window.show();
    return app.exec();
}
