#pragma once

#include "endpoint/Endpoint.h"

#include <QUndoCommand>

class Monitor;

// One endpoint edited in the editor, as a step the Edit menu can take back: undo puts back the
// endpoint as it was, redo the edit. The endpoint is found by its key, which an edit keeps.
class EditEndpointCommand final : public QUndoCommand
{
public:
    EditEndpointCommand(Monitor *monitor, Endpoint before, Endpoint after);

    void redo() override;
    void undo() override;

private:
    void apply(const Endpoint &endpoint);

    Monitor *m_monitor;
    Endpoint m_before;
    Endpoint m_after;
};
