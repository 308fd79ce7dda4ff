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

void UpdateBatcher::resultRecorded(EndpointId id, const QString &key, const ProbeResult &result)
{
    m_results.append(EndpointResult{id, key, result});
    m_changed.insert(id);
    arm();
}

void UpdateBatcher::statusChanged(StatusChange change)
{
    m_changed.insert(change.id);
    m_statusChanges.append(std::move(change));
    arm();
}

void UpdateBatcher::forget(const std::unordered_set<EndpointId> &ids)
{
    for (const EndpointId id : ids)
        m_changed.remove(id);
    m_results.removeIf([&ids](const EndpointResult &r) { return ids.count(r.id) != 0; });
    m_statusChanges.removeIf([&ids](const StatusChange &c) { return ids.count(c.id) != 0; });
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
