#include "HistoryLocation.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace {
QString settingsKey(const QString &hash)
{
    return QStringLiteral("history/moved/") + hash;
}

// SQLite's files beside the database: moved with it, or the WAL's last commits would be lost.
const QString companions[] = {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")};
} // namespace

QString HistoryLocation::keyOf(const QString &profilePath)
{
    const QFileInfo info(profilePath);
    const QString canonical = info.canonicalFilePath();
    const QString path = canonical.isEmpty() ? info.absoluteFilePath() : canonical;
    return QString::fromLatin1(QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

QString HistoryLocation::defaultPathFor(const QString &profilePath)
{
    if (profilePath.isEmpty())
        return {};
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history");
    return QStringLiteral("%1/%2-%3.history").arg(dir, QFileInfo(profilePath).completeBaseName(), keyOf(profilePath));
}

QString HistoryLocation::pathFor(const QString &profilePath)
{
    if (profilePath.isEmpty())
        return {};
    const QString moved = QSettings().value(settingsKey(keyOf(profilePath))).toString();
    return moved.isEmpty() ? defaultPathFor(profilePath) : moved;
}

void HistoryLocation::rememberMove(const QString &profilePath, const QString &historyPath)
{
    QSettings settings;
    if (historyPath == defaultPathFor(profilePath))
        settings.remove(settingsKey(keyOf(profilePath)));
    else
        settings.setValue(settingsKey(keyOf(profilePath)), historyPath);
}

bool HistoryLocation::moveFile(const QString &from, const QString &to, QString *error)
{
    if (QFileInfo::exists(to)) {
        *error = QObject::tr("%1 exists already; choose another name.").arg(to);
        return false;
    }
    QDir().mkpath(QFileInfo(to).absolutePath());
    QStringList moved;
    for (const QString &suffix : companions) {
        if (!QFileInfo::exists(from + suffix))
            continue;
        // rename() fails across file systems; then a copy, and the original goes only once all are copied.
        if (QFile::rename(from + suffix, to + suffix)) {
            moved << suffix;
            continue;
        }
        if (!QFile::copy(from + suffix, to + suffix)) {
            for (const QString &back : std::as_const(moved))
                QFile::rename(to + back, from + back);
            for (const QString &other : companions) {
                if (!moved.contains(other))
                    QFile::remove(to + other);
            }
            *error = QObject::tr("Could not write %1.").arg(to + suffix);
            return false;
        }
    }
    for (const QString &suffix : companions) {
        if (!moved.contains(suffix))
            QFile::remove(from + suffix);
    }
    return true;
}
