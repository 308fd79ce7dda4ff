#pragma once

#include "endpoint/Endpoint.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What `check` and `watch` probe: a profile's enabled endpoints, then the targets typed on the command line.
struct EndpointSelection
{
    QString profilePath; // empty = none
    QStringList targets; // the profile's forms: https://…, tcp://host:port, tls://…, icmp://…, dns://…
    std::optional<int> timeoutMs; // overrides every endpoint's own; ad-hoc targets default to 5000
    std::optional<double> intervalS; // ad-hoc targets only; the profile's endpoints keep theirs
    bool insecure = false; // ad-hoc targets only: TLS certificates are not verified

    // The endpoints, or nothing with *error set to a one-line message for stderr.
    std::optional<QList<Endpoint>> resolve(QString *error) const;
};
