#pragma once

#include "Endpoint.h"
#include "ProfileDefaults.h"
#include "alert/AlertSettings.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// A list of endpoints a user keeps in a file and shares.
struct Profile
{
    static constexpr int formatVersion = 1;

    QString name;
    ProfileDefaults defaults;
    QList<Endpoint> endpoints;
    AlertSettings alerts; // the "alerts" object: channels, rules, maintenance windows

    // The JSON this profile was read from, so keys this version does not know survive a save.
    QJsonObject source;

    // A new endpoint for this profile: the profile's defaults applied and a fresh id, target still to be set.
    Endpoint makeEndpoint() const;
};
