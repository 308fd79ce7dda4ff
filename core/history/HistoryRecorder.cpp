#include "HistoryRecorder.h"

#include "HistoryStore.h"
#include "monitor/Monitor.h"

#include <QDateTime>

HistoryRecorder::HistoryRecorder(Monitor *monitor, HistoryStore *store, KeyOf keyOf, QObject *parent)
    : QObject(parent), m_monitor(monitor), m_store(store), m_keyOf(std::move(keyOf))
{
    connect(monitor, &Monitor::resultsReady, this, &HistoryRecorder::onResults);
    connect(monitor, &Monitor::statusesChanged, this, &HistoryRecorder::onStatuses);
    connect(monitor, &Monitor::endpointsAdded, this, [this](const QList<EndpointId> &ids) {
        if (m_recording)
            describe(ids);
    });
    connect(monitor, &Monitor::endpointUpdated, this, [this](EndpointId id) {
        if (m_recording)
            describe({id});
    });
    connect(monitor, &Monitor::endpointsRemoved, this, &HistoryRecorder::onRemoved);
}

HistoryRecorder::~HistoryRecorder() = default;

QString HistoryRecorder::keyOf(EndpointId id)
{
    auto found = m_keys.constFind(id);
    if (found == m_keys.constEnd())
        found = m_keys.insert(id, m_keyOf(id));
    return *found;
}

void HistoryRecorder::refreshKey(EndpointId id)
{
    m_keys.remove(id);
    if (m_recording)
        describe({id});
}

void HistoryRecorder::describe(const QList<EndpointId> &ids)
{
    QList<HistoryEndpoint> described;
    described.reserve(ids.size());
    for (const EndpointId id : ids) {
        if (const auto endpoint = m_monitor->endpoint(id))
            described << HistoryEndpoint{keyOf(id), endpoint->displayName(), endpoint->probe.target.toString(),
                                         endpoint->probe.target.kind};
    }
    if (!described.isEmpty())
        m_store->describe(described);
}

void HistoryRecorder::start()
{
    if (m_recording)
        return;
    m_recording = true;
    m_statuses.clear();
    for (const EndpointId id : m_monitor->endpointIds()) {
        if (const auto state = m_monitor->state(id))
            m_statuses.insert(id, state->status);
    }
    m_store->beginRun(QDateTime::currentMSecsSinceEpoch());
    describe(m_monitor->endpointIds());
}

void HistoryRecorder::stop()
{
    if (!m_recording)
        return;
    flushPending();
    m_recording = false;
    m_store->endRun(QDateTime::currentMSecsSinceEpoch());
}

void HistoryRecorder::onResults(const QList<EndpointResult> &results)
{
    if (!m_recording)
        return;
    for (const EndpointResult &result : results)
        m_pending.append(Pending{result.id, result.result});
    // The monitor emits a batch's status changes right after its results: wait for them, so each
    // result goes with the status shown after it.
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &HistoryRecorder::flushPending, Qt::QueuedConnection);
    }
}

void HistoryRecorder::onStatuses(const QList<StatusChange> &changes)
{
    if (!m_recording)
        return;
    QList<HistoryStatusMark> marks;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const StatusChange &change : changes) {
        m_statuses.insert(change.id, change.to);
        // A change a probe caused is stored with that probe's result; the others are marked now.
        if (!change.result)
            marks << HistoryStatusMark{keyOf(change.id), now, change.to};
    }
    if (!marks.isEmpty()) {
        flushPending(); // keep results and marks in the order they happened
        m_store->mark(marks);
    }
}

void HistoryRecorder::onRemoved(const QList<EndpointId> &ids)
{
    if (m_recording) {
        flushPending();
        // Removed endpoints are observed no longer; their history stays until retention drops it.
        QList<HistoryStatusMark> marks;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const EndpointId id : ids)
            marks << HistoryStatusMark{keyOf(id), now, EndpointStatus::Unknown};
        m_store->mark(marks);
    }
    for (const EndpointId id : ids) {
        m_keys.remove(id);
        m_statuses.remove(id);
    }
}

void HistoryRecorder::flushPending()
{
    m_flushQueued = false;
    if (m_pending.isEmpty())
        return;
    QList<HistoryEntry> entries;
    entries.reserve(m_pending.size());
    for (Pending &pending : m_pending)
        entries.append(HistoryEntry{keyOf(pending.id), std::move(pending.result),
                                    m_statuses.value(pending.id, EndpointStatus::Unknown)});
    m_pending.clear();
    m_store->append(entries);
}
