#include "RemoveEndpointsCommand.h"

#include "EndpointKeys.h"
#include "monitor/Monitor.h"

#include <QCoreApplication>

RemoveEndpointsCommand::RemoveEndpointsCommand(Monitor *monitor, const QList<EndpointId> &ids) : m_monitor(monitor)
{
    for (const EndpointId id : ids) {
        if (auto endpoint = monitor->endpoint(id))
            m_endpoints.append(std::move(*endpoint));
    }
    setText(
        m_endpoints.size() == 1
            ? QCoreApplication::translate("RemoveEndpointsCommand", "Delete %1").arg(m_endpoints.first().displayName())
            : QCoreApplication::translate("RemoveEndpointsCommand", "Delete %1 Endpoints").arg(m_endpoints.size()));
}

void RemoveEndpointsCommand::redo()
{
    QStringList keys;
    for (const Endpoint &endpoint : std::as_const(m_endpoints))
        keys.append(endpoint.id);
    m_monitor->removeEndpoints(EndpointKeys::idsOf(*m_monitor, keys));
}

void RemoveEndpointsCommand::undo()
{
    m_monitor->addEndpoints(m_endpoints);
}
