#include "AppSettings.h"

#include <QFileInfo>
#include <QSettings>

AppSettings AppSettings::load()
{
    const QSettings settings;
    AppSettings loaded;
    loaded.concurrency
        = std::clamp(settings.value(QStringLiteral("monitor/concurrency"), loaded.concurrency).toInt(), 1, 10000);
    loaded.defaultIntervalS
        = std::max(0.5, settings.value(QStringLiteral("defaults/intervalS"), loaded.defaultIntervalS).toDouble());
    loaded.defaultTimeoutMs
        = std::max(1, settings.value(QStringLiteral("defaults/timeoutMs"), loaded.defaultTimeoutMs).toInt());
    loaded.notifications = settings.value(QStringLiteral("tray/notifications"), loaded.notifications).toBool();
    loaded.closeToTray = settings.value(QStringLiteral("tray/closeToTray"), loaded.closeToTray).toBool();
    loaded.recentProfiles = settings.value(QStringLiteral("profiles/recent")).toStringList();
    loaded.lastProfile = settings.value(QStringLiteral("profiles/last")).toString();
    return loaded;
}

void AppSettings::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("monitor/concurrency"), concurrency);
    settings.setValue(QStringLiteral("defaults/intervalS"), defaultIntervalS);
    settings.setValue(QStringLiteral("defaults/timeoutMs"), defaultTimeoutMs);
    settings.setValue(QStringLiteral("tray/notifications"), notifications);
    settings.setValue(QStringLiteral("tray/closeToTray"), closeToTray);
    settings.setValue(QStringLiteral("profiles/recent"), recentProfiles);
    settings.setValue(QStringLiteral("profiles/last"), lastProfile);
}

void AppSettings::addRecent(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recentProfiles.removeAll(absolute);
    recentProfiles.prepend(absolute);
    while (recentProfiles.size() > maxRecentProfiles)
        recentProfiles.removeLast();
}
