#include "EndpointCommands.h"

#include "crawl/CrawlDialog.h"
#include "editor/EndpointEditorDialog.h"
#include "import/ImportDialog.h"
#include "monitor/Monitor.h"
#include "table/EndpointTableModel.h"
#include "workspace/ProfileDocument.h"

#include <QMessageBox>

#include <optional>

EndpointCommands::EndpointCommands(Monitor *monitor, EndpointTableModel *model, ProfileDocument *document,
                                   ProbeExecutor *testExecutor, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_monitor(monitor)
    , m_model(model)
    , m_document(document)
    , m_testExecutor(testExecutor)
    , m_dialogParent(dialogParent)
{ }

void EndpointCommands::add()
{
    EndpointEditorDialog dialog(m_testExecutor, m_dialogParent);
    dialog.setWindowTitle(tr("Add endpoint"));
    dialog.setEndpoint(m_document->makeEndpoint());
    if (dialog.exec() == QDialog::Accepted)
        m_monitor->addEndpoint(dialog.endpoint());
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
        m_monitor->updateEndpoint(id, dialog.endpoint());
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
    m_monitor->addEndpoints(copies);
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
    m_monitor->removeEndpoints(ids);
}

void EndpointCommands::importList()
{
    ImportDialog dialog(m_document->makeEndpoint(), m_document->profile().endpoints, m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QList<Endpoint> endpoints = dialog.endpoints();
    if (!endpoints.isEmpty())
        m_monitor->addEndpoints(endpoints);
}

void EndpointCommands::discover()
{
    CrawlDialog dialog(m_document->makeEndpoint(), m_dialogParent);
    connect(&dialog, &CrawlDialog::addRequested, &dialog, [this, &dialog](const QList<CrawlId> &ids) {
        const QList<Endpoint> endpoints = dialog.endpointsFor(ids, m_document->profile().endpoints);
        if (!endpoints.isEmpty())
            m_monitor->addEndpoints(endpoints);
        dialog.reportAdded(int(endpoints.size()), int(ids.size() - endpoints.size()));
    });
    dialog.exec();
}
