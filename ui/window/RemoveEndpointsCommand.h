#pragma once

#include "endpoint/Endpoint.h"
#include "monitor/EndpointId.h"

#include <QList>
#include <QUndoCommand>

class Monitor;

// Deleting endpoints, as a step the Edit menu can take back. Undo adds them back as they were, keys
// and all (so a saved profile's history finds them again), at the end of the list: the monitor has
// no insertion in the middle, and the table sorts by its own columns anyway.
class RemoveEndpointsCommand final : public QUndoCommand
{
public:
    RemoveEndpointsCommand(Monitor *monitor, const QList<EndpointId> &ids);

    void redo() override;
    void undo() override;

    int count() const { return int(m_endpoints.size()); }

private:
    Monitor *m_monitor;
    QList<Endpoint> m_endpoints; // as they were when deleted
};
