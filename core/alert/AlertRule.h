#pragma once

#include "AlertEventKind.h"
#include "EndpointFilter.h"
#include "endpoint/Setting.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

class JsonFieldReader;

// Which events of which endpoints go to which channels. A rule without tags or endpoints covers
// every endpoint; without events, it sends down and recovered.
struct AlertRule
{
    static constexpr Setting<int> remindSetting{"remind_every_min", 60, 1, 7 * 24 * 60};
    static constexpr Setting<int> certificateDaysSetting{"certificate_days", 14, 1, 3650};
    static QList<AlertEventKind> defaultEvents() { return {AlertEventKind::Down, AlertEventKind::Recovered}; }

    QStringList channels; // channel names
    QList<AlertEventKind> events = defaultEvents();
    EndpointFilter filter;
    int remindEveryMin = remindSetting.defaultValue; // for still_down
    int certificateDays = certificateDaysSetting.defaultValue; // for certificate

    QJsonObject source;

    bool wants(AlertEventKind kind) const { return events.contains(kind); }

    // knownChannels: the profile's channel names, which the rule's must be among.
    static AlertRule read(JsonFieldReader &fields, const QStringList &knownChannels);
    QJsonObject write() const;

    friend bool operator==(const AlertRule &a, const AlertRule &b)
    {
        return a.channels == b.channels && a.events == b.events && a.filter == b.filter
            && a.remindEveryMin == b.remindEveryMin && a.certificateDays == b.certificateDays;
    }
};
