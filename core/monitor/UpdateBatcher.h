#pragma once

#include "MonitorUpdates.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <unordered_set>

// Coalesces the Monitor's changes into at most one batch per interval (default 16 ms, one frame),
// so a view following 10,000 endpoints repaints once per frame rather than once per probe. The
// first change after a quiet spell starts the timer; everything until it fires goes in one batch.
class UpdateBatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdateBatcher)

public:
    explicit UpdateBatcher(QObject *parent = nullptr);

    void setInterval(std::chrono::milliseconds interval) { m_timer.setInterval(interval); }

    void taskChanged(EndpointId id);
    void resultRecorded(EndpointId id, const QString &key, const ProbeResult &result);
    void statusChanged(StatusChange change);

    // Drops what is pending about an endpoint that no longer exists.
    void forget(const std::unordered_set<EndpointId> &ids); // drops what is pending for these

    // Emits what is pending now (e.g. before stopping), and stops the timer.
    void flush();
    bool isPending() const { return m_timer.isActive(); }

signals:
    void tasksChanged(const QList<EndpointId> &ids); // ascending, each once
    void resultsReady(const QList<EndpointResult> &results); // in the order they were recorded
    void statusesChanged(const QList<StatusChange> &changes); // in the order they happened

private:
    void arm();

    QTimer m_timer;
    QSet<EndpointId> m_changed;
    QList<EndpointResult> m_results;
    QList<StatusChange> m_statusChanges;
};
