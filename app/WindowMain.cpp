#include "WindowMain.h"

#include "Version.h"
#include "cli/CommandLine.h"
#include "demo/DemoServer.h"
#include "monitor/Monitor.h"
#include "window/AppSettings.h"
#include "window/MainActions.h"
#include "window/MainWindow.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>

int runWindow(int &argc, char **argv, const QStringList &arguments)
{
    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QString::fromLatin1(Pingscope::desktopFileName));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/pingscope.svg")));

    // Declared in this order so they are destroyed in the reverse: the window, then the workspace
    // (which shuts its probes down), then the demo server they probe.
    DemoServer demo;
    Workspace workspace;
    workspace.monitor()->watchNetwork();
    MainWindow window(&workspace);

    // The demo server starts the first time the demo is opened, from --demo or Help → Open the Demo.
    const auto openDemo = [&window, &demo] {
        QString error;
        if (demo.port() != 0 || demo.start(&error)) {
            window.loadProfile(demo.demoProfile(), {});
        } else {
            QMessageBox::warning(&window, QObject::tr("Cannot start the demo"),
                                 QObject::tr("The demo server could not start: %1").arg(error));
        }
    };
    QObject::connect(window.actions()->openDemo, &QAction::triggered, &window, [&window, openDemo] {
        if (window.maybeSave())
            openDemo();
    });

    const QString file = CommandLine::profileArgument(arguments);
    if (arguments.contains(QLatin1String("--demo"))) {
        openDemo();
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
