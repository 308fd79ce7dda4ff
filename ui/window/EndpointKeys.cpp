#include "EndpointKeys.h"

#include "monitor/Monitor.h"

#include <QSet>

QStringList EndpointKeys::keysOf(const Monitor &monitor, const QList<EndpointId> &ids)
{
    QStringList keys;
    keys.reserve(ids.size());
    for (const EndpointId id : ids)
        keys.append(monitor.keyOf(id));
    return keys;
}

QList<EndpointId> EndpointKeys::idsOf(const Monitor &monitor, const QStringList &keys)
{
    const QSet<QString> wanted(keys.cbegin(), keys.cend());
    QList<EndpointId> ids;
    for (const EndpointId id : monitor.endpointIds()) {
        if (wanted.contains(monitor.keyOf(id)))
            ids.append(id);
    }
    return ids;
}
