#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <chrono>

// Durations as people read them: "0.42 ms", "12.3 ms", "1.25 s".
class DurationText final
{
    Q_DECLARE_TR_FUNCTIONS(DurationText)

public:
    static QString format(std::chrono::microseconds duration);
    // Spelled out rather than through tr()'s %n: without a loaded translation that shows "day(s)".
    static QString daysLeft(qint64 days); // "1 day left", "12 days left"
    static QString daysAgo(qint64 days); // "expired 1 day ago", "expired today"
    // In whole 24-hour days, whatever the time of day: QDateTime::daysTo counts midnights, which
    // said "11 days left" of 10 days and an hour when asked at 23:30.
    static qint64 wholeDaysUntil(const QDateTime &now, const QDateTime &then); // negative once past
    static QString certificateExpiry(const QDateTime &notAfter, const QDateTime &now); // daysLeft or daysAgo
};
