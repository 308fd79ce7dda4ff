#pragma once

#include "monitor/EndpointId.h"

#include <QList>
#include <QObject>

class EndpointTableModel;
class Monitor;
class ProbeExecutor;
class ProfileDocument;
class QWidget;

// The edits a user makes to the endpoint list: add, edit, duplicate, delete, import and discover, each
// through its dialog and then the Monitor (which the profile and the table follow).
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

private:
    Monitor *m_monitor;
    EndpointTableModel *m_model;
    ProfileDocument *m_document;
    ProbeExecutor *m_testExecutor;
    QWidget *m_dialogParent;
};
