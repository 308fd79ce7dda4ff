#include "AddEndpointsCommand.h"

#include "EndpointKeys.h"
#include "monitor/Monitor.h"

AddEndpointsCommand::AddEndpointsCommand(Monitor *monitor, QList<Endpoint> endpoints, const QString &text)
    : QUndoCommand(text), m_monitor(monitor), m_endpoints(std::move(endpoints))
{ }

void AddEndpointsCommand::redo()
{
    m_monitor->addEndpoints(m_endpoints);
}

void AddEndpointsCommand::undo()
{
    QStringList keys;
    for (const Endpoint &endpoint : std::as_const(m_endpoints))
        keys.append(endpoint.id);
    m_monitor->removeEndpoints(EndpointKeys::idsOf(*m_monitor, keys));
}
