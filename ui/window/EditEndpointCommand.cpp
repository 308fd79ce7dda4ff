#include "EditEndpointCommand.h"

#include "EndpointKeys.h"
#include "monitor/Monitor.h"

#include <QCoreApplication>

EditEndpointCommand::EditEndpointCommand(Monitor *monitor, Endpoint before, Endpoint after)
    : QUndoCommand(QCoreApplication::translate("EditEndpointCommand", "Edit %1").arg(before.displayName()))
    , m_monitor(monitor)
    , m_before(std::move(before))
    , m_after(std::move(after))
{ }

void EditEndpointCommand::redo()
{
    apply(m_after);
}

void EditEndpointCommand::undo()
{
    apply(m_before);
}

void EditEndpointCommand::apply(const Endpoint &endpoint)
{
    const QList<EndpointId> ids = EndpointKeys::idsOf(*m_monitor, {m_before.id});
    if (!ids.isEmpty())
        m_monitor->updateEndpoint(ids.first(), endpoint);
}
