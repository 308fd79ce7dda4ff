#include "HelpLocations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace {
// share/ beside bin/: /usr for the packages, wherever a tarball was unpacked.
QString besideProgram(const QString &relative)
{
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/") + relative);
}
} // namespace

QString HelpLocations::exampleProfilesDirectory()
{
    const QString relative = QStringLiteral("pingscope/profiles");
    const QString beside = besideProgram(relative);
    if (QFileInfo(beside).isDir())
        return QDir::cleanPath(beside);
    return QStandardPaths::locate(QStandardPaths::GenericDataLocation, relative, QStandardPaths::LocateDirectory);
}

QString HelpLocations::documentationFile()
{
    for (const QString &name : {QStringLiteral("window.md"), QStringLiteral("README.md")}) {
        const QString relative = QStringLiteral("doc/pingscope/") + name;
        const QString beside = besideProgram(relative);
        if (QFileInfo::exists(beside))
            return QDir::cleanPath(beside);
        QString found = QStandardPaths::locate(QStandardPaths::GenericDataLocation, relative);
        if (!found.isEmpty())
            return found;
    }
    return {};
}
