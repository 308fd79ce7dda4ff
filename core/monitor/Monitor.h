#pragma once

#include "DueQueue.h"
#include "DurationHistogram.h"
#include "EndpointId.h"
#include "EndpointState.h"
#include "EndpointStatistics.h"
#include "EventLog.h"
#include "MonitorCounters.h"
#include "MonitorUpdates.h"
#include "UpdateBatcher.h"
#include "async/AsyncSemaphore.h"
#include "async/DeadlineTimer.h"
#include "endpoint/Endpoint.h"
#include "endpoint/Setting.h"
#include "probe/ProbeExecutor.h"

#include <QCoroTask>
#include <QList>
#include <QObject>

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

class NetworkWatcher;
struct EndpointRecord;

// The monitor engine: probes every enabled endpoint at its interval through a ProbeExecutor, under
// a global cap on probes in flight, and keeps each endpoint's live state, status and statistics.
//
// Scheduling is fixed-rate, start to start: run n is due at first + n * interval whatever the
// answers took. A run that comes due while the previous probe of that endpoint is still queued or
// running is skipped and counted, never stacked. First runs are spread over the first interval by
// a fixed offset per id, so 10,000 endpoints do not fire in the same millisecond.
//
// The executor must outlive the Monitor. All methods are for the thread the Monitor lives in.
// Every control takes effect at once; probes it cancels end within the executor's cancel latency.
class Monitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Monitor)

public:
    // Probes in flight at once at most; the window's settings and --concurrency read it.
    static constexpr Setting<int> concurrencySetting{"concurrency", 256, 1, 100000};
    // The schedule timer wakes when startGroup runs are due, or startSlack after the earliest due run,
    // whichever comes first: a wake of its own per run costs more CPU than the probe's own work in the
    // engine, and the busier loop lengthens the latency tail, while big groups (all runs due within a
    // fixed slack at a high rate) make each latency hold the others' work. Measured at 1,000 and 5,000
    // http runs a second against fixed slacks of 0.25, 0.5, 1 and 2 ms: this cost the least CPU at
    // 1,000 and gave the lowest median at 5,000. The wait is counted as lateness, never as latency.
    static constexpr int startGroup = 4;
    static constexpr std::chrono::microseconds startSlack{2000};
    // Runs started per wake at most, so that after a stall the backlog starts in small groups with
    // the answers read in between, rather than all at once with each latency holding the others' work.
    static constexpr int maxStartsPerWake = 8;

    explicit Monitor(ProbeExecutor *executor, QObject *parent = nullptr);
    ~Monitor() override;

    // Endpoints. Ids are assigned here, start at 1 and are never reused.
    EndpointId addEndpoint(Endpoint endpoint);
    QList<EndpointId> addEndpoints(const QList<Endpoint> &endpoints);
    // A change of what is probed (anything in its ProbeSpec) cancels the probe in flight, clears the
    // status and statistics and probes again at once; a change of interval re-times the next run.
    bool updateEndpoint(EndpointId id, Endpoint endpoint);
    bool removeEndpoint(EndpointId id); // its probe in flight is cancelled and its result dropped
    int removeEndpoints(const QList<EndpointId> &ids); // the number removed; one endpointsRemoved for all
    void removeAll();
    bool contains(EndpointId id) const;
    QList<EndpointId> endpointIds() const; // in the order added
    std::optional<Endpoint> endpoint(EndpointId id) const;
    QString keyOf(EndpointId id) const; // its stable id (Endpoint::id), without copying the endpoint; empty if none
    int endpointCount() const { return int(m_order.size()); }

    // Running. Before start() and after stop(), nothing is scheduled, but "run now" still probes once.
    void start();
    void stop(); // cancels everything in flight and stops scheduling
    bool isStarted() const { return m_started; }

    void runNow(EndpointId id);
    void runNow(const QList<EndpointId> &ids);
    void runAllNow();
    void pause(EndpointId id); // cancels its probe in flight; it stays paused until resumed
    void pauseAll();
    void resume(EndpointId id); // probes it at once
    void resumeAll(); // resumed endpoints' first runs are spread over their interval again
    void cancel(EndpointId id); // cancels the probe in flight; the schedule goes on
    void cancelAll();

    void setConcurrencyLimit(int limit);
    int concurrencyLimit() const { return m_semaphore->capacity(); }

    // Follows QNetworkInformation where a backend loads; otherwise the network stays reachable.
    void watchNetwork();
    // While unreachable, endpoints show as Offline and failures neither turn them Down nor go to the log.
    void setNetworkReachable(bool reachable);
    bool isNetworkReachable() const { return m_networkReachable; }

    // Observation.
    std::optional<EndpointState> state(EndpointId id) const;
    std::optional<EndpointStatistics> statistics(EndpointId id) const;
    MonitorCounters counters() const;
    const DurationHistogram &latenessHistogram() const { return m_lateness; } // for exporting it whole
    EventLog *eventLog() const { return m_log; }
    void setBatchInterval(std::chrono::milliseconds interval) { m_batcher->setInterval(interval); }

    // The first run's offset within the first interval: a fixed, well-spread fraction of the interval
    // per id (the golden-ratio sequence), so a profile starts the same way every time.
    static std::chrono::microseconds firstRunOffset(EndpointId id, std::chrono::microseconds interval);

signals:
    // Batched, at most one of each per batch interval (16 ms).
    void tasksChanged(const QList<EndpointId> &ids); // state(id) changed: task, phase, status or result
    void resultsReady(const QList<EndpointResult> &results);
    void statusesChanged(const QList<StatusChange> &changes);
    // Not held back: a view must know rows before it can show their changes. Additions and removals
    // come one signal per call, however many endpoints it adds or removes.
    void endpointsAdded(const QList<EndpointId> &ids);
    void endpointUpdated(EndpointId id);
    void endpointsRemoved(const QList<EndpointId> &ids); // in the order given to removeEndpoints
    void started();
    void stopping(); // at the start of stop(), before anything in flight is cancelled

private:
    using TimePoint = EngineClock::time_point;

    EndpointRecord *find(EndpointId id) const;
    EndpointRecord *findInFlight(EndpointId id, quint64 serial) const;
    std::chrono::microseconds intervalOf(const EndpointRecord &record) const;
    bool isScheduled(const EndpointRecord &record) const;
    EndpointStatus shownStatusOf(const EndpointRecord &record) const;
    void refreshStatus(EndpointRecord &record, const std::optional<ProbeResult> &cause = std::nullopt);
    void setTask(EndpointRecord &record, TaskState task);
    TaskState restingTask(const EndpointRecord &record) const;

    void scheduleFirstRun(EndpointRecord &record, TimePoint now, bool spread);
    void rearm();
    void onScheduleTimer();
    void dispatch(EndpointId id, TimePoint due);
    void retime(EndpointRecord &record, TimePoint now);
    std::vector<std::shared_ptr<NetContext>> detach(const QList<EndpointId> &ids);
    static void cancelAllOf(const std::vector<std::shared_ptr<NetContext>> &contexts);

    QCoro::Task<> probe(EndpointId id, quint64 serial, TimePoint due, ProbeSpec spec,
                        std::shared_ptr<NetContext> context, std::shared_ptr<const bool> alive);
    void finishCancelled(EndpointId id, quint64 serial);
    void finishWithResult(EndpointId id, quint64 serial, ProbeResult result);

    ProbeExecutor *m_executor;
    std::shared_ptr<bool> m_alive; // false from the destructor on: suspended probes must not touch us
    AsyncSemaphore *m_semaphore;
    UpdateBatcher *m_batcher;
    EventLog *m_log;
    NetworkWatcher *m_network = nullptr;
    DeadlineTimer m_scheduleTimer;
    DueQueue m_due;
    std::unordered_map<EndpointId, std::unique_ptr<EndpointRecord>> m_records;
    std::vector<EndpointId> m_order;
    EndpointId m_lastId = 0;
    quint64 m_lastSerial = 0;
    bool m_started = false;
    bool m_networkReachable = true;
    MonitorCounters m_counters;
    DurationHistogram m_lateness;
};
