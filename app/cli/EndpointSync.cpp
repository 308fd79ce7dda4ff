#include "EndpointSync.h"

#include "monitor/Monitor.h"

#include <QSet>

bool EndpointSync::sameSettings(const Endpoint &a, const Endpoint &b)
{
    // Everything but the JSON it was read from, whose key order or unknown keys change nothing here.
    return a.id == b.id && a.name == b.name && a.tags == b.tags && a.enabled == b.enabled && a.intervalS == b.intervalS
        && a.downIntervalS == b.downIntervalS && a.failureThreshold == b.failureThreshold && a.probe == b.probe;
}

EndpointSync::Change EndpointSync::apply(const QList<Endpoint> &endpoints)
{
    Change change;
    QSet<QString> wanted;
    QList<Endpoint> fresh;
    for (const Endpoint &endpoint : endpoints) {
        wanted.insert(endpoint.id);
        const auto known = m_ids.constFind(endpoint.id);
        if (known == m_ids.constEnd()) {
            fresh.append(endpoint);
            continue;
        }
        const auto current = m_monitor->endpoint(*known);
        if (current && sameSettings(*current, endpoint)) {
            ++change.unchanged;
            continue;
        }
        m_monitor->updateEndpoint(*known, endpoint);
        m_kinds[*known] = endpoint.probe.target.kind;
        ++change.changed;
    }
    QList<EndpointId> gone;
    for (auto known = m_ids.begin(); known != m_ids.end();) {
        if (wanted.contains(known.key())) {
            ++known;
            continue;
        }
        gone.append(known.value());
        m_kinds.erase(known.value());
        known = m_ids.erase(known);
    }
    change.removed = m_monitor->removeEndpoints(gone);
    const QList<EndpointId> added = m_monitor->addEndpoints(fresh);
    for (qsizetype i = 0; i < added.size(); ++i) {
        m_ids.insert(fresh.at(i).id, added.at(i));
        m_kinds.emplace(added.at(i), fresh.at(i).probe.target.kind);
    }
    change.added = int(added.size());
    return change;
}

std::optional<ProbeKind> EndpointSync::kindOf(EndpointId id) const
{
    const auto found = m_kinds.find(id);
    return found == m_kinds.end() ? std::nullopt : std::optional<ProbeKind>(found->second);
}
