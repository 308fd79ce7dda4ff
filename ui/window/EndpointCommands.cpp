#include "EndpointCommands.h"

#include "AddEndpointsCommand.h"
#include "EditEndpointCommand.h"
#include "RemoveEndpointsCommand.h"
#include "crawl/CrawlDialog.h"
#include "editor/EndpointEditorDialog.h"
#include "import/ImportDialog.h"
#include "monitor/Monitor.h"
#include "table/EndpointTableModel.h"
#include "workspace/ProfileDocument.h"

#include <QMessageBox>
#include <QUndoStack>

#include <optional>

EndpointCommands::EndpointCommands(Monitor *monitor, EndpointTableModel *model, ProfileDocument *document,
                                   ProbeExecutor *testExecutor, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_monitor(monitor)
    , m_model(model)
    , m_document(document)
    , m_testExecutor(testExecutor)
    , m_dialogParent(dialogParent)
    , m_undo(new QUndoStack(this))
{
    // The steps name endpoints of the profile that was open: another profile starts a history of its own.
    connect(document, &ProfileDocument::loaded, m_undo, &QUndoStack::clear);
}

void EndpointCommands::addAsStep(QList<Endpoint> endpoints, const QString &text)
{
    if (!endpoints.isEmpty())
        m_undo->push(new AddEndpointsCommand(m_monitor, std::move(endpoints), text));
}

void EndpointCommands::add()
{
    EndpointEditorDialog dialog(m_testExecutor, m_dialogParent);
    dialog.setWindowTitle(tr("Add endpoint"));
    dialog.setEndpoint(m_document->makeEndpoint());
    if (dialog.exec() == QDialog::Accepted) {
        const Endpoint added = dialog.endpoint();
        addAsStep({added}, tr("Add %1").arg(added.displayName()));
    }
}

void EndpointCommands::edit(EndpointId id)
{
    const auto current = m_monitor->endpoint(id);
    if (!current)
        return;
    EndpointEditorDialog dialog(m_testExecutor, m_dialogParent);
    dialog.setWindowTitle(tr("Edit %1").arg(current->displayName()));
    dialog.setEndpoint(*current);
    // The endpoint may be removed while the dialog is open (a profile dropped on the window, say).
    if (dialog.exec() == QDialog::Accepted && m_monitor->contains(id))
        m_undo->push(new EditEndpointCommand(m_monitor, *current, dialog.endpoint()));
}

void EndpointCommands::duplicate(const QList<EndpointId> &ids)
{
    QList<Endpoint> copies;
    for (const EndpointId id : ids) {
        if (auto endpoint = m_monitor->endpoint(id)) {
            if (!endpoint->name.isEmpty())
                endpoint->name = tr("%1 (copy)").arg(endpoint->name);
            endpoint->id = Endpoint::newId(); // a copy has a history of its own
            copies.append(std::move(*endpoint));
        }
    }
    addAsStep(copies,
              copies.size() == 1 ? tr("Duplicate %1").arg(copies.first().displayName())
                                 : tr("Duplicate %1 Endpoints").arg(copies.size()));
}

void EndpointCommands::remove(const QList<EndpointId> &ids)
{
    if (ids.isEmpty())
        return;
    if (ids.size() > 1) {
        const auto answer = QMessageBox::question(m_dialogParent, tr("Delete endpoints"),
                                                  tr("Delete the %1 selected endpoints?").arg(ids.size()));
        if (answer != QMessageBox::Yes)
            return;
    }
    m_undo->push(new RemoveEndpointsCommand(m_monitor, ids));
}

void EndpointCommands::importList()
{
    ImportDialog dialog(m_document->makeEndpoint(), m_document->profile().endpoints, m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QList<Endpoint> endpoints = dialog.endpoints();
    addAsStep(endpoints, tr("Import %1 Endpoints").arg(endpoints.size()));
}

void EndpointCommands::discover()
{
    CrawlDialog dialog(m_document->makeEndpoint(), m_dialogParent);
    connect(&dialog, &CrawlDialog::addRequested, &dialog, [this, &dialog](const QList<CrawlId> &ids) {
        const QList<Endpoint> endpoints = dialog.endpointsFor(ids, m_document->profile().endpoints);
        addAsStep(endpoints, tr("Add %1 Discovered Endpoints").arg(endpoints.size()));
        dialog.reportAdded(int(endpoints.size()), int(ids.size() - endpoints.size()));
    });
    dialog.exec();
}
