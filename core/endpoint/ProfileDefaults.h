#pragma once

#include "Endpoint.h"

#include <QJsonObject>

#include <optional>

class JsonFieldReader;

// The settings a profile's endpoints inherit from its "defaults" unless they set their own; the
// same keys in both places.
struct ProfileDefaults
{
    double intervalS = Endpoint::intervalSetting.defaultValue;
    std::optional<double> downIntervalS;
    int failureThreshold = Endpoint::failureThresholdSetting.defaultValue;
    int timeoutMs = ProbeSpec::timeoutSetting.defaultValue;
    std::optional<int> degradedMs;
    int certWarningDays = ProbeSpec::certWarningDaysSetting.defaultValue;
    IpFamily ipFamily = IpFamily::Any;

    static ProfileDefaults of(const Endpoint &endpoint); // the inheritable settings it has now
    void applyTo(Endpoint *endpoint) const;

    // Overrides these with the keys the object has; problems go to the reader.
    void read(JsonFieldReader &fields);
    // Writes the settings that the object had or that differ from implied.
    void write(QJsonObject &object, const ProfileDefaults &implied) const;

    friend bool operator==(const ProfileDefaults &, const ProfileDefaults &) = default;
};
