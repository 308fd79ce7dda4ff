#include "UpdateBatcher.h"

#include <algorithm>

using namespace std::chrono_literals;

UpdateBatcher::UpdateBatcher(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(16ms);
    connect(&m_timer, &QTimer::timeout, this, &UpdateBatcher::flush);
}

void UpdateBatcher::arm()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void UpdateBatcher::taskChanged(EndpointId id)
{
    m_changed.insert(id);
    arm();
}

void UpdateBatcher::resultRecorded(EndpointId id, const ProbeResult &result)
{
    m_results.append(EndpointResult{id, result});
    m_changed.insert(id);
    arm();
}

void UpdateBatcher::statusChanged(StatusChange change)
{
    m_changed.insert(change.id);
    m_statusChanges.append(std::move(change));
    arm();
}

void UpdateBatcher::forget(EndpointId id)
{
    m_changed.remove(id);
    m_results.removeIf([id](const EndpointResult &r) { return r.id == id; });
    m_statusChanges.removeIf([id](const StatusChange &c) { return c.id == id; });
}

void UpdateBatcher::flush()
{
    m_timer.stop();
    // Taken out first: a slot may cause new changes, which belong to the next batch.
    QList<EndpointId> changed(m_changed.begin(), m_changed.end());
    m_changed.clear();
    const QList<StatusChange> statusChanges = std::exchange(m_statusChanges, {});
    const QList<EndpointResult> results = std::exchange(m_results, {});
    std::sort(changed.begin(), changed.end());
    if (!changed.isEmpty())
        emit tasksChanged(changed);
    if (!results.isEmpty())
        emit resultsReady(results);
    if (!statusChanges.isEmpty())
        emit statusesChanged(statusChanges);
}
