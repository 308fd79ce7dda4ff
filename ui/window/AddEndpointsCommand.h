#pragma once

#include "endpoint/Endpoint.h"

#include <QList>
#include <QUndoCommand>

class Monitor;

// Adding endpoints (one by the editor, copies, an import, what the crawler found) as a step the Edit
// menu can take back: undo removes them again, redo adds them again, with the same stable keys.
class AddEndpointsCommand final : public QUndoCommand
{
public:
    AddEndpointsCommand(Monitor *monitor, QList<Endpoint> endpoints, const QString &text);

    void redo() override;
    void undo() override;

private:
    Monitor *m_monitor;
    QList<Endpoint> m_endpoints;
};
