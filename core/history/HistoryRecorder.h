#pragma once

#include "HistoryTypes.h"
#include "monitor/EndpointId.h"
#include "monitor/MonitorUpdates.h"

#include <QHash>
#include <QObject>

#include <functional>

class HistoryStore;
class Monitor;

// Feeds a Monitor's results and status changes into a HistoryStore between start() and stop(),
// keyed by each endpoint's stable key (keyOf, asked once per endpoint: Endpoint::id), with the status shown
// after each result. What the Workspace calls: start() right after Monitor::start(), stop() right
// before Monitor::stop() (its results of cancelled probes are not history) and before the store
// goes: the destructor does not touch the store, which may already be gone.
class HistoryRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryRecorder)

public:
    using KeyOf = std::function<QString(EndpointId)>;

    // The monitor and the store must outlive the recorder.
    HistoryRecorder(Monitor *monitor, HistoryStore *store, KeyOf keyOf, QObject *parent = nullptr);
    ~HistoryRecorder() override;

    void start(); // a run begins now; every endpoint is described
    void stop(); // what is pending goes to the store, and the run ends now
    bool isRecording() const { return m_recording; }

    // For a caller that changes what an endpoint's key is (a new profile id): asks keyOf again.
    void refreshKey(EndpointId id);

private:
    QString keyOf(EndpointId id);
    void describe(const QList<EndpointId> &ids);
    void onResults(const QList<EndpointResult> &results);
    void onStatuses(const QList<StatusChange> &changes);
    void onRemoved(const QList<EndpointId> &ids);
    void flushPending();

    Monitor *m_monitor;
    HistoryStore *m_store;
    KeyOf m_keyOf;
    QHash<EndpointId, QString> m_keys;
    QHash<EndpointId, EndpointStatus> m_statuses;
    struct Pending
    {
        EndpointId id;
        ProbeResult result;
    };
    QList<Pending> m_pending;
    bool m_flushQueued = false;
    bool m_recording = false;
};
