#pragma once

#include "Endpoint.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// The settings a profile's endpoints inherit unless they set their own.
struct ProfileDefaults
{
    double intervalS = 30;
    std::optional<double> downIntervalS;
    int timeoutMs = 5000;
    int failureThreshold = 2;
    std::optional<int> degradedMs;
    int certWarningDays = 14;
    IpFamily ipFamily = IpFamily::Any;
};

// A list of endpoints a user keeps in a file and shares.
struct Profile
{
    static constexpr int formatVersion = 1;

    QString name;
    ProfileDefaults defaults;
    QList<Endpoint> endpoints;

    // The JSON this profile was read from, so keys this version does not know survive a save.
    QJsonObject source;

    // A new endpoint for this profile: the profile's defaults applied, target still to be set.
    Endpoint makeEndpoint() const;
};
