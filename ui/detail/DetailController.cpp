#include "DetailController.h"

#include "EndpointDetailPane.h"
#include "history/MemoryHistoryStore.h"
#include "monitor/Monitor.h"

DetailController::DetailController(Monitor *monitor, const MemoryHistoryStore *recent, EndpointDetailPane *pane,
                                   QObject *parent)
    : QObject(parent), m_monitor(monitor), m_pane(pane), m_recent(recent)
{
    m_pane->setEnabled(false); // until an endpoint is shown
    connect(monitor, &Monitor::resultsReady, this, &DetailController::onResults);
    connect(monitor, &Monitor::endpointUpdated, this, [this](EndpointId id) {
        if (id == m_id)
            show(id);
    });
    connect(monitor, &Monitor::endpointsRemoved, this, [this](const QList<EndpointId> &ids) {
        if (ids.contains(m_id))
            show(0);
    });
}

void DetailController::show(EndpointId id)
{
    m_id = id;
    const auto endpoint = id ? m_monitor->endpoint(id) : std::nullopt;
    if (!endpoint) {
        m_id = 0;
        m_pane->clear();
        m_pane->setEnabled(false);
        return;
    }
    m_pane->setEnabled(true);
    m_pane->setEndpoint(*endpoint);
    for (const ProbeResult &result : m_recent->recent(endpoint->id))
        m_pane->addResult(result);
    if (const auto statistics = m_monitor->statistics(id))
        m_pane->setStatistics(*statistics);
}

void DetailController::onResults(const QList<EndpointResult> &results)
{
    if (m_id == 0)
        return;
    bool any = false;
    for (const EndpointResult &result : results) {
        if (result.id == m_id) {
            m_pane->addResult(result.result);
            any = true;
        }
    }
    if (!any)
        return;
    if (const auto statistics = m_monitor->statistics(m_id))
        m_pane->setStatistics(*statistics);
}
