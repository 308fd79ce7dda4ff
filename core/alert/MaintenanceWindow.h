#pragma once

#include "EndpointFilter.h"
#include "endpoint/Setting.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>

class JsonFieldReader;

// A time when the endpoints it covers are expected to be down: probes go on, no alert fires, and
// the history counts the time as maintenance rather than downtime. Either one-off (start to end)
// or weekly ("Sun 02:00" for duration_min, in time_zone or the system's).
struct MaintenanceWindow
{
    static constexpr Setting<int> durationSetting{"duration_min", 60, 1, 7 * 24 * 60};

    QString name;
    EndpointFilter filter;
    // One-off.
    QDateTime start; // UTC
    QDateTime end; // UTC, after start
    // Weekly.
    QList<int> weekdays; // 1 = Monday … 7 = Sunday; empty = one-off
    QTime timeOfDay;
    int durationMin = durationSetting.defaultValue;
    QString timeZone; // an IANA name; empty = the system's

    QJsonObject source; // what it was read from, so unknown keys survive a save

    bool isWeekly() const { return !weekdays.isEmpty(); }
    // Whether the window is open at time (for any endpoint).
    bool isOpenAt(const QDateTime &time) const;
    bool covers(const AlertEndpoint &endpoint, const QDateTime &time) const
    {
        return filter.matches(endpoint) && isOpenAt(time);
    }
    // The first moment after time at which the window opens or closes; nothing if it never will.
    std::optional<QDateTime> nextChangeAfter(const QDateTime &time) const;

    // "Sun 02:00", "Mon,Thu 22:30", "daily 03:00"; false with *error on anything else.
    static bool parseWeekly(const QString &text, QList<int> *weekdays, QTime *time, QString *error);
    QString weeklyText() const;
    // ISO 8601; without an offset, the time is read in zone (the system's if empty).
    static std::optional<QDateTime> parseMoment(const QString &text, const QString &zone);

    static MaintenanceWindow read(JsonFieldReader &fields);
    QJsonObject write() const;

    friend bool operator==(const MaintenanceWindow &a, const MaintenanceWindow &b)
    {
        return a.name == b.name && a.filter == b.filter && a.start == b.start && a.end == b.end
            && a.weekdays == b.weekdays && a.timeOfDay == b.timeOfDay && a.durationMin == b.durationMin
            && a.timeZone == b.timeZone;
    }

private:
    QList<QDateTime> weeklyStartsAround(const QDateTime &time) const; // from 8 days before to 8 after
};
