#pragma once

#include "monitor/Monitor.h"

#include <QStringList>

// The user's preferences, kept in QSettings under the organisation and application names.
// A plain value: load() reads them, save() writes them back.
struct AppSettings
{
    static constexpr int maxRecentProfiles = 8;

    int concurrency = Monitor::concurrencySetting.defaultValue;
    double defaultIntervalS = Endpoint::intervalSetting.defaultValue;
    int defaultTimeoutMs = ProbeSpec::timeoutSetting.defaultValue;
    bool notifications = true;
    bool closeToTray = false;
    QStringList recentProfiles; // most recent first
    QString lastProfile; // reopened at start; empty when the last session had no saved profile

    static AppSettings load();
    void save() const;
    void addRecent(const QString &path);
};
