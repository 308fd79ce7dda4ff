#include "ResultHistory.h"

#include "monitor/Monitor.h"

ResultHistory::ResultHistory(Monitor *monitor, QObject *parent) : QObject(parent)
{
    connect(monitor, &Monitor::resultsReady, this, &ResultHistory::onResults);
    connect(monitor, &Monitor::endpointsRemoved, this, [this](const QList<EndpointId> &ids) {
        for (const EndpointId id : ids)
            m_results.remove(id);
    });
    // An edit clears the monitor's figures for the endpoint; its old results no longer describe it.
    connect(monitor, &Monitor::endpointUpdated, this, [this](EndpointId id) { m_results.remove(id); });
}

const std::deque<ProbeResult> &ResultHistory::results(EndpointId id) const
{
    static const std::deque<ProbeResult> none;
    const auto found = m_results.constFind(id);
    return found == m_results.constEnd() ? none : found.value();
}

void ResultHistory::onResults(const QList<EndpointResult> &results)
{
    for (const EndpointResult &result : results) {
        std::deque<ProbeResult> &kept = m_results[result.id];
        kept.push_back(result.result);
        if (int(kept.size()) > perEndpoint)
            kept.pop_front();
    }
}
