#include "EndpointSelection.h"

#include "endpoint/ProfileReader.h"

#include <QHash>

std::optional<QList<Endpoint>> EndpointSelection::resolve(QString *error) const
{
    QList<Endpoint> endpoints;
    Profile adHoc; // plain defaults, the same a new profile would have
    if (!profilePath.isEmpty()) {
        const ProfileReadResult read = ProfileReader::fromFile(profilePath);
        if (!read.ok()) {
            *error = QStringLiteral("%1: %2").arg(profilePath, read.problems.join(QStringLiteral("; ")));
            return std::nullopt;
        }
        // Disabled endpoints are switched off on purpose, in the window and here alike.
        for (const Endpoint &endpoint : read.profile->endpoints) {
            if (endpoint.enabled)
                endpoints.append(endpoint);
        }
    }
    // Targets typed here get the ids a profile without ids would give them, the same on every run, so
    // that watch --shard splits them alike on every agent. Counted after the profile's own targets.
    QHash<QString, int> occurrences;
    for (const Endpoint &endpoint : endpoints)
        ++occurrences[endpoint.probe.target.toString()];
    for (const QString &text : targets) {
        QString problem;
        const std::optional<Target> target = Target::parse(text, &problem);
        if (!target) {
            *error = QStringLiteral("%1: %2").arg(text, problem);
            return std::nullopt;
        }
        Endpoint endpoint = adHoc.makeEndpoint();
        endpoint.probe.target = *target;
        endpoint.id = Endpoint::derivedId(*target, occurrences[target->toString()]++);
        if (intervalS)
            endpoint.intervalS = *intervalS;
        endpoint.probe.http.verifyTls = !insecure;
        endpoints.append(endpoint);
    }
    if (timeoutMs) {
        for (Endpoint &endpoint : endpoints)
            endpoint.probe.timeoutMs = *timeoutMs;
    }
    return endpoints;
}
