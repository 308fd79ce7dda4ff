#pragma once

#include "ProbeSpec.h"
#include "Setting.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

// One thing the user watches, with every setting resolved (profile defaults already applied): what
// is probed (its ProbeSpec) and what surrounds it: its identity, name, tags and schedule.
struct Endpoint
{
    static constexpr double maximumIntervalS = std::numeric_limits<double>::infinity();
    static constexpr Setting<double> intervalSetting{"interval_s", 30, 0.5, maximumIntervalS};
    static constexpr Setting<double> downIntervalSetting{"down_interval_s", 0, 0.5,
                                                         maximumIntervalS}; // unset by default
    static constexpr Setting<int> failureThresholdSetting{"failure_threshold", 2, 1, 1000};

    // Stable across renames, edits and restarts, unique within a profile: history and shards are
    // keyed by it. Kept in the profile as "id"; see newId() and derivedId().
    QString id;
    QString name;
    QStringList tags;
    bool enabled = true;
    double intervalS = intervalSetting.defaultValue;
    std::optional<double> downIntervalS; // probe a Down endpoint this often instead
    int failureThreshold = failureThresholdSetting.defaultValue; // failures in a row before Down
    ProbeSpec probe;

    // The JSON object this endpoint was read from, so keys this version does not know survive a save.
    QJsonObject source;

    // The name if set, else the target's text.
    QString displayName() const { return name.isEmpty() ? probe.target.toString() : name; }

    // A fresh random id, for an endpoint the user adds (16 hex digits).
    static QString newId();
    // The id of an endpoint that has none in its file: the same for the same target every time the
    // file is read (occurrence counts endpoints with that target before it), so history and shards
    // stay with it until the file is saved with the id written out.
    static QString derivedId(const Target &target, int occurrence);
    static bool isValidId(const QString &id); // 1 to 64 of [A-Za-z0-9._-]
};
