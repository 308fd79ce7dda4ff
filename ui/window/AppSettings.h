#pragma once

#include <QStringList>

// The user's preferences, kept in QSettings under the organisation and application names.
// A plain value: load() reads them, save() writes them back.
struct AppSettings
{
    static constexpr int maxRecentProfiles = 8;

    int concurrency = 256;
    double defaultIntervalS = 30;
    int defaultTimeoutMs = 5000;
    bool notifications = true;
    bool closeToTray = false;
    QStringList recentProfiles; // most recent first
    QString lastProfile; // reopened at start; empty when the last session had no saved profile

    static AppSettings load();
    void save() const;
    void addRecent(const QString &path);
};
