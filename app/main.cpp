#include "MainWindow.h"
#include "Version.h"
#include "cli/CommandLine.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>

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
        QCoreApplication app(argc, argv);
        describeApplication();
        return CommandLine::runHeadless(arguments);
    }

    QApplication app(argc, argv);
    describeApplication();
    QGuiApplication::setDesktopFileName(QString::fromLatin1(Pingscope::desktopFileName));
    // Wayland takes the icon from the desktop entry named above; X11 and Windows take the window's own.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/pingscope.svg")));
    MainWindow window;
    const QString profile = arguments.size() > 1 && !arguments.at(1).startsWith(QLatin1Char('-'))
        ? arguments.at(1)
        : QStringLiteral(":/profiles/demo.json");
    window.openProfile(profile);
    window.show();
    return app.exec();
}
