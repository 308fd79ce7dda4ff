#include "window/AppSettings.h"
#include "window/MainWindow.h"
#include "Version.h"
#include "cli/CommandLine.h"
#include "demo/DemoServer.h"
#include "monitor/Monitor.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>

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

QString profileArgument(const QStringList &arguments)
{
    for (const QString &argument : arguments.mid(1)) {
        if (!argument.startsWith(QLatin1Char('-')))
            return argument;
    }
    return {};
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
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/pingscope.svg")));

    // Declared in this order so they are destroyed in the reverse: the window, then the workspace
    // (which shuts its probes down), then the demo server they probe.
    DemoServer demo;
    Workspace workspace;
    workspace.monitor()->watchNetwork();
    MainWindow window(&workspace);

    const QString file = profileArgument(arguments);
    if (arguments.contains(QLatin1String("--demo"))) {
        QString error;
        if (demo.start(&error)) {
            window.loadProfile(demo.demoProfile(), {});
        } else {
            QMessageBox::warning(&window, QObject::tr("Cannot start the demo"),
                                 QObject::tr("The demo server could not start: %1").arg(error));
        }
    } else if (!file.isEmpty()) {
        window.openProfile(file);
    } else {
        const QString last = AppSettings::load().lastProfile;
        if (!last.isEmpty() && QFileInfo::exists(last))
            window.openProfile(last);
    }
    window.startMonitoring();
    window.show();
    return app.exec();
}
