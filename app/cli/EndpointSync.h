#pragma once

#include "endpoint/Endpoint.h"
#include "monitor/EndpointId.h"

#include <QHash>
#include <QList>

#include <optional>
#include <unordered_map>

class Monitor;

// Keeps a Monitor's endpoints in step with a list read from a profile, matched by their stable ids
// (Endpoint::id): watch reads the profile again on SIGHUP, and an endpoint that did not change
// keeps its schedule, status, statistics and the counters of the metrics page.
class EndpointSync final
{
public:
    explicit EndpointSync(Monitor *monitor) : m_monitor(monitor) { }

    struct Change
    {
        int added = 0;
        int changed = 0; // updated in place: a new target starts afresh, a new name keeps its counts
        int removed = 0;
        int unchanged = 0;
    };
    Change apply(const QList<Endpoint> &endpoints);

    // Looked up per result, thousands a second: a map of kinds, not a copy of the endpoint each time.
    std::optional<ProbeKind> kindOf(EndpointId id) const;

    static bool sameSettings(const Endpoint &a, const Endpoint &b);

private:
    Monitor *m_monitor;
    QHash<QString, EndpointId> m_ids; // Endpoint::id → the monitor's id
    std::unordered_map<EndpointId, ProbeKind> m_kinds;
};
