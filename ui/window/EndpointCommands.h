#pragma once

#include "endpoint/Endpoint.h"
#include "monitor/EndpointId.h"

#include <QList>
#include <QObject>

class EndpointTableModel;
class Monitor;
class ProbeExecutor;
class ProfileDocument;
class QUndoStack;
class QWidget;

// The edits a user makes to the endpoint list: add, edit, duplicate, delete, import and discover, each
// through its dialog and then, as a step on the undo stack (the Edit menu's Undo and Redo), the
// Monitor (which the profile and the table follow).
class EndpointCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointCommands)

public:
    // testExecutor runs the editor's Test probes (null: none); dialogParent owns the dialogs.
    EndpointCommands(Monitor *monitor, EndpointTableModel *model, ProfileDocument *document,
                     ProbeExecutor *testExecutor, QWidget *dialogParent);

    void add();
    void edit(EndpointId id);
    void duplicate(const QList<EndpointId> &ids);
    void remove(const QList<EndpointId> &ids); // asks first when more than one
    void importList();
    // The crawler's dialog: what the user adds of what it found becomes endpoints, those the profile has skipped.
    void discover();

    QUndoStack *undoStack() const { return m_undo; }

private:
    void addAsStep(QList<Endpoint> endpoints, const QString &text); // nothing for an empty list

    Monitor *m_monitor;
    EndpointTableModel *m_model;
    ProfileDocument *m_document;
    ProbeExecutor *m_testExecutor;
    QWidget *m_dialogParent;
    QUndoStack *m_undo;
};
