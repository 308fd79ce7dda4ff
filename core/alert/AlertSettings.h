#pragma once

#include "AlertChannelSettings.h"
#include "AlertRule.h"
#include "MaintenanceWindow.h"
#include "endpoint/Setting.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

class JsonFieldReader;
struct Endpoint;

// The "alerts" object of a profile: the channels alerts go out on, the rules that say which
// events of which endpoints go to which channels, and the maintenance windows during which none do.
struct AlertSettings
{
    // Events that come within this many seconds of the first are sent as one message.
    static constexpr Setting<double> groupSetting{"group_s", 10, 0, 600};

    QList<AlertChannelSettings> channels;
    QList<AlertRule> rules;
    QList<MaintenanceWindow> maintenance;
    double groupS = groupSetting.defaultValue;

    QJsonObject source; // the "alerts" object as read, so unknown keys survive

    bool isEmpty() const { return channels.isEmpty() && rules.isEmpty() && maintenance.isEmpty(); }
    const AlertChannelSettings *channel(const QString &name) const;

    // Whether a maintenance window covers the endpoint at time. A plain function of the settings,
    // for the alert engine and for the history, which counts such time as maintenance, not downtime.
    bool inMaintenance(const AlertEndpoint &endpoint, const QDateTime &time) const;
    bool inMaintenance(const Endpoint &endpoint, const QDateTime &time) const;
    // The first moment after time when any window opens or closes.
    std::optional<QDateTime> nextMaintenanceChange(const QDateTime &time) const;

    // Reads the "alerts" object; problems (with their JSON paths) go to the reader.
    static AlertSettings read(JsonFieldReader &fields);
    // Into the object it was read from (source), so its unknown keys survive.
    QJsonObject write() const;

    friend bool operator==(const AlertSettings &a, const AlertSettings &b)
    {
        return a.channels == b.channels && a.rules == b.rules && a.maintenance == b.maintenance && a.groupS == b.groupS;
    }
};
