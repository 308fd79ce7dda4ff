#include "Version.h"
#include "cli/CommandLine.h"
#include "cli/ExitCode.h"

#include <QCoreApplication>

#include <cstdio>

#if PINGSCOPE_WITH_WINDOW
#include "WindowMain.h"
#endif

namespace {
// Before any application object exists, so the headless commands and the window see the same names.
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

constexpr CommandLine::Window window
    = PINGSCOPE_WITH_WINDOW ? CommandLine::Window::Built : CommandLine::Window::NotBuilt;
} // namespace

// Only dispatches: a headless command on a QCoreApplication, a line saying why the window cannot
// start, or the window (WindowMain.cpp, in builds with PINGSCOPE_GUI).
int main(int argc, char **argv)
{
    const QStringList arguments = argumentsOf(argc, argv);
    describeApplication();
    if (CommandLine::isHeadless(arguments)) {
        // Qt's own poll() dispatcher rather than the GLib one: with thousands of probes a second the
        // GLib dispatcher drops timers (the schedule, curl's, every deadline) to idle priority once
        // they have fired, and costs more per event; measured in docs/benchmarks.md. The window
        // keeps GLib, which the platform theme may need.
        if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
            qputenv("QT_NO_GLIB", "1");
        QCoreApplication app(argc, argv);
        return CommandLine::runHeadless(arguments, window);
    }
    if (const QString problem = CommandLine::windowProblem(arguments, window); !problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", problem.toLocal8Bit().constData());
        return ExitCode::Usage;
    }
#if PINGSCOPE_WITH_WINDOW
    return runWindow(argc, argv, arguments);
#else
    return ExitCode::Usage; // not reached: without the window, windowProblem always names one
#endif
}
