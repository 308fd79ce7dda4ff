#include "Monitor.h"

#include "EndpointRecord.h"
#include "Logging.h"
#include "NetworkWatcher.h"
#include "StatusEvents.h"
#include "async/DeleteLater.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

using namespace std::chrono_literals;
using std::chrono::duration_cast;
using std::chrono::microseconds;
using std::chrono::milliseconds;

namespace {

microseconds secondsToInterval(double seconds)
{
    return microseconds(qint64(std::llround(std::max(seconds, Endpoint::intervalSetting.minimum) * 1e6)));
}

// A probe's context goes with deleteLater: the last reference can drop inside the context's own
// aborted() emission (a deadline firing), and a QObject must not be deleted inside its own signal.
std::shared_ptr<NetContext> makeContext(int timeoutMs)
{
    return makeSharedLater<NetContext>(milliseconds(std::max(1, timeoutMs)));
}

} // namespace

Monitor::Monitor(ProbeExecutor *executor, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_alive(std::make_shared<bool>(true))
    , m_semaphore(new AsyncSemaphore(concurrencySetting.defaultValue, this))
    , m_batcher(new UpdateBatcher(this))
    , m_log(new EventLog(EventLog::defaultCapacity, this))
{
    qRegisterMetaType<EndpointResult>();
    qRegisterMetaType<StatusChange>();
    qRegisterMetaType<EventLogEntry>();

    // One timer over an ordered set of due times rather than a QTimer per endpoint: 10,000 timers
    // are 10,000 entries in the event dispatcher's timer list (kept sorted by linear insertion and
    // walked on every loop pass) and 10,000 QObjects, while one timer costs O(log n) per probe.
    // It is a DeadlineTimer, to the microsecond, so rearm() decides how runs share a wake.
    connect(&m_scheduleTimer, &DeadlineTimer::timeout, this, &Monitor::onScheduleTimer);

    connect(m_batcher, &UpdateBatcher::tasksChanged, this, &Monitor::tasksChanged);
    connect(m_batcher, &UpdateBatcher::resultsReady, this, &Monitor::resultsReady);
    connect(m_batcher, &UpdateBatcher::statusesChanged, this, &Monitor::statusesChanged);
}

Monitor::~Monitor()
{
    // Probes still suspended resume later (running ones when their executor sees the cancel, queued
    // ones from the semaphore's destructor); from here on they find *alive false and touch nothing.
    *m_alive = false;
    m_scheduleTimer.stop();
    std::vector<std::shared_ptr<NetContext>> contexts;
    for (const auto &[id, record] : m_records) {
        if (record->inFlight)
            contexts.push_back(record->inFlight->context);
    }
    cancelAllOf(contexts);
}

// ---- endpoints

EndpointId Monitor::addEndpoint(Endpoint endpoint)
{
    const auto ids = addEndpoints({std::move(endpoint)});
    return ids.first();
}

QList<EndpointId> Monitor::addEndpoints(const QList<Endpoint> &endpoints)
{
    QList<EndpointId> ids;
    ids.reserve(endpoints.size());
    const TimePoint now = EngineClock::now();
    // One endpoint added by hand is probed at once; a batch (a profile opened) is spread.
    const bool spread = endpoints.size() > 1;
    for (const Endpoint &endpoint : endpoints) {
        auto record = std::make_unique<EndpointRecord>();
        record->id = ++m_lastId;
        record->endpoint = endpoint;
        record->tracker.setFailureThreshold(endpoint.failureThreshold);
        record->shownStatus = shownStatusOf(*record);
        record->task = restingTask(*record);
        EndpointRecord &added = *record;
        m_records.emplace(added.id, std::move(record));
        m_order.push_back(added.id);
        scheduleFirstRun(added, now, spread);
        ids.append(added.id);
    }
    rearm();
    qCDebug(lcMonitor) << "added" << ids.size() << "endpoints," << m_order.size() << "in all";
    if (!ids.isEmpty())
        emit endpointsAdded(ids);
    return ids;
}

bool Monitor::updateEndpoint(EndpointId id, Endpoint endpoint)
{
    EndpointRecord *record = find(id);
    if (!record)
        return false;
    const Endpoint old = std::exchange(record->endpoint, std::move(endpoint));
    const Endpoint &now = record->endpoint;
    // What is probed changed, so the old status and figures describe something else.
    const bool probeChanged = old.probe != now.probe;
    const bool intervalChanged = old.intervalS != now.intervalS || old.downIntervalS != now.downIntervalS;
    const bool enabledChanged = old.enabled != now.enabled;
    record->tracker.setFailureThreshold(now.failureThreshold);

    std::vector<std::shared_ptr<NetContext>> contexts;
    if ((probeChanged || !now.enabled) && record->inFlight) {
        // Detached: the probe of the old settings ends as cancelled and its result is dropped.
        contexts.push_back(record->inFlight->context);
        record->inFlight.reset();
    }
    if (probeChanged) {
        record->tracker.reset();
        record->window.clear();
        record->lastResult.reset();
        record->lastDue.reset();
    }
    const TimePoint at = EngineClock::now();
    if (!isScheduled(*record))
        m_due.remove(id);
    else if (probeChanged || enabledChanged)
        scheduleFirstRun(*record, at, false);
    else if (intervalChanged)
        retime(*record, at);
    if (!record->inFlight)
        setTask(*record, restingTask(*record));
    refreshStatus(*record);
    m_batcher->taskChanged(id);
    rearm();
    emit endpointUpdated(id);
    cancelAllOf(contexts);
    return true;
}

bool Monitor::removeEndpoint(EndpointId id)
{
    return removeEndpoints({id}) == 1;
}

int Monitor::removeEndpoints(const QList<EndpointId> &ids)
{
    std::vector<std::shared_ptr<NetContext>> contexts;
    QList<EndpointId> removed;
    std::unordered_set<EndpointId> gone;
    for (const EndpointId id : ids) {
        const auto found = m_records.find(id);
        if (found == m_records.end())
            continue;
        if (found->second->inFlight)
            contexts.push_back(found->second->inFlight->context);
        m_records.erase(found);
        m_due.remove(id);
        removed.append(id);
        gone.insert(id);
    }
    if (removed.isEmpty())
        return 0;
    // One pass over the order and the pending batch, not one per endpoint: closing a profile of
    // 100,000 endpoints stays linear.
    std::erase_if(m_order, [&gone](EndpointId id) { return gone.count(id) != 0; });
    m_batcher->forget(gone);
    rearm();
    qCDebug(lcMonitor) << "removed" << removed.size() << "endpoints," << contexts.size()
                       << "probes in flight cancelled";
    emit endpointsRemoved(removed);
    // After the erase, so the cancelled probes find no record and their results are never recorded.
    cancelAllOf(contexts);
    return int(removed.size());
}

void Monitor::removeAll()
{
    removeEndpoints(endpointIds());
}

bool Monitor::contains(EndpointId id) const
{
    return m_records.count(id) != 0;
}

QList<EndpointId> Monitor::endpointIds() const
{
    return QList<EndpointId>(m_order.begin(), m_order.end());
}

QString Monitor::keyOf(EndpointId id) const
{
    const EndpointRecord *record = find(id);
    return record ? record->endpoint.id : QString();
}

std::optional<Endpoint> Monitor::endpoint(EndpointId id) const
{
    if (const EndpointRecord *record = find(id))
        return record->endpoint;
    return std::nullopt;
}

// ---- running

void Monitor::start()
{
    if (m_started)
        return;
    m_started = true;
    qCDebug(lcMonitor) << "started with" << m_order.size() << "endpoints";
    const TimePoint now = EngineClock::now();
    for (const EndpointId id : m_order) {
        EndpointRecord &record = *find(id);
        scheduleFirstRun(record, now, true);
        if (!record.inFlight)
            setTask(record, restingTask(record));
    }
    rearm();
    emit started();
}

void Monitor::stop()
{
    if (m_started)
        emit stopping();
    qCDebug(lcMonitor) << "stopped;" << m_counters.queued + m_counters.running << "probes in flight cancelled";
    m_started = false;
    m_due.clear();
    m_scheduleTimer.stop();
    std::vector<std::shared_ptr<NetContext>> contexts;
    for (const EndpointId id : m_order) {
        EndpointRecord &record = *find(id);
        if (record.inFlight)
            contexts.push_back(record.inFlight->context);
        else
            setTask(record, restingTask(record));
    }
    cancelAllOf(contexts);
}

void Monitor::runNow(EndpointId id)
{
    runNow(QList<EndpointId>{id});
}

void Monitor::runNow(const QList<EndpointId> &ids)
{
    for (const EndpointId id : ids) {
        EndpointRecord *record = find(id);
        if (!record || record->inFlight)
            continue;
        const TimePoint now = EngineClock::now();
        ++m_counters.due;
        if (isScheduled(*record)) {
            // The fixed-rate grid restarts from this run, so the next scheduled one is a full interval on.
            record->lastDue = now;
            m_due.schedule(id, now + intervalOf(*record));
        }
        dispatch(id, now);
    }
    rearm();
}

void Monitor::runAllNow()
{
    runNow(endpointIds());
}

void Monitor::pause(EndpointId id)
{
    EndpointRecord *record = find(id);
    if (!record || record->paused)
        return;
    record->paused = true;
    m_due.remove(id);
    std::vector<std::shared_ptr<NetContext>> contexts;
    if (record->inFlight)
        contexts.push_back(record->inFlight->context);
    else
        setTask(*record, TaskState::Paused);
    refreshStatus(*record);
    rearm();
    cancelAllOf(contexts);
}

void Monitor::pauseAll()
{
    for (const EndpointId id : endpointIds())
        pause(id);
}

void Monitor::resume(EndpointId id)
{
    EndpointRecord *record = find(id);
    if (!record || !record->paused)
        return;
    record->paused = false;
    scheduleFirstRun(*record, EngineClock::now(), false);
    if (!record->inFlight)
        setTask(*record, restingTask(*record));
    refreshStatus(*record);
    rearm();
}

void Monitor::resumeAll()
{
    const TimePoint now = EngineClock::now();
    for (const EndpointId id : m_order) {
        EndpointRecord &record = *find(id);
        if (!record.paused)
            continue;
        record.paused = false;
        scheduleFirstRun(record, now, true);
        if (!record.inFlight)
            setTask(record, restingTask(record));
        refreshStatus(record);
    }
    rearm();
}

void Monitor::cancel(EndpointId id)
{
    EndpointRecord *record = find(id);
    if (record && record->inFlight)
        cancelAllOf({record->inFlight->context});
}

void Monitor::cancelAll()
{
    std::vector<std::shared_ptr<NetContext>> contexts;
    for (const auto &[id, record] : m_records) {
        if (record->inFlight)
            contexts.push_back(record->inFlight->context);
    }
    cancelAllOf(contexts);
}

void Monitor::setConcurrencyLimit(int limit)
{
    m_semaphore->setCapacity(limit);
}

void Monitor::cancelAllOf(const std::vector<std::shared_ptr<NetContext>> &contexts)
{
    // Collected first and cancelled last: a cancel can finish a probe synchronously, and what that
    // runs (signals to views) may add or remove endpoints, so no container of ours is being walked.
    for (const auto &context : contexts)
        context->cancel();
}

// ---- network

void Monitor::watchNetwork()
{
    if (m_network)
        return;
    m_network = new NetworkWatcher(this);
    if (!m_network->isAvailable())
        return;
    connect(m_network, &NetworkWatcher::reachableChanged, this, &Monitor::setNetworkReachable);
    setNetworkReachable(m_network->isReachable());
}

void Monitor::setNetworkReachable(bool reachable)
{
    if (reachable == m_networkReachable)
        return;
    m_networkReachable = reachable;
    for (const EndpointId id : m_order)
        refreshStatus(*find(id));
    m_log->add(StatusEvents::forNetwork(reachable));
}

// ---- observation

std::optional<EndpointState> Monitor::state(EndpointId id) const
{
    const EndpointRecord *record = find(id);
    if (!record)
        return std::nullopt;
    EndpointState state;
    state.id = id;
    state.name = record->endpoint.displayName();
    state.task = record->task;
    state.phase = record->phase;
    state.nextRun = m_due.dueTime(id);
    state.status = record->shownStatus;
    state.verdict = record->tracker.status();
    state.failing = record->tracker.isFailing();
    state.successStreak = record->tracker.successStreak();
    state.failureStreak = record->tracker.failureStreak();
    state.statusSince = record->statusSince;
    state.lastResult = record->lastResult;
    state.skippedRuns = record->skippedRuns;
    return state;
}

std::optional<EndpointStatistics> Monitor::statistics(EndpointId id) const
{
    const EndpointRecord *record = find(id);
    if (!record)
        return std::nullopt;
    const TimePoint now = EngineClock::now();
    EndpointStatistics stats = record->window.compute(now);
    stats.successStreak = record->tracker.successStreak();
    stats.failureStreak = record->tracker.failureStreak();
    if (record->statusSince)
        stats.sinceStatusChange = duration_cast<milliseconds>(now - *record->statusSince);
    return stats;
}

MonitorCounters Monitor::counters() const
{
    MonitorCounters counters = m_counters;
    counters.inFlight = counters.queued + counters.running;
    counters.latenessSamples = m_lateness.count();
    counters.latenessP50 = m_lateness.percentile(50);
    counters.latenessP99 = m_lateness.percentile(99);
    return counters;
}

microseconds Monitor::firstRunOffset(EndpointId id, microseconds interval)
{
    // Successive multiples of the golden ratio, modulo 1, fill [0, 1) evenly whatever the count.
    constexpr double goldenFraction = 0.6180339887498949;
    const double fraction = std::fmod(double(id) * goldenFraction, 1.0);
    return microseconds(qint64(fraction * double(interval.count())));
}

// ---- internals

EndpointRecord *Monitor::find(EndpointId id) const
{
    const auto found = m_records.find(id);
    return found == m_records.end() ? nullptr : found->second.get();
}

EndpointRecord *Monitor::findInFlight(EndpointId id, quint64 serial) const
{
    EndpointRecord *record = find(id);
    return record && record->inFlight && record->inFlight->serial == serial ? record : nullptr;
}

microseconds Monitor::intervalOf(const EndpointRecord &record) const
{
    if (record.tracker.status() == EndpointStatus::Down && record.endpoint.downIntervalS)
        return secondsToInterval(*record.endpoint.downIntervalS);
    return secondsToInterval(record.endpoint.intervalS);
}

bool Monitor::isScheduled(const EndpointRecord &record) const
{
    return m_started && record.endpoint.enabled && !record.paused;
}

EndpointStatus Monitor::shownStatusOf(const EndpointRecord &record) const
{
    if (record.paused || !record.endpoint.enabled)
        return EndpointStatus::Paused;
    if (!m_networkReachable)
        return EndpointStatus::Offline;
    if (record.tracker.isFailing())
        return EndpointStatus::Failing;
    return record.tracker.status();
}

TaskState Monitor::restingTask(const EndpointRecord &record) const
{
    if (record.paused)
        return TaskState::Paused;
    return isScheduled(record) ? TaskState::Waiting : TaskState::Idle;
}

void Monitor::setTask(EndpointRecord &record, TaskState task)
{
    if (record.task == task)
        return;
    record.task = task;
    m_batcher->taskChanged(record.id);
}

void Monitor::refreshStatus(EndpointRecord &record, const std::optional<ProbeResult> &cause)
{
    const EndpointStatus shown = shownStatusOf(record);
    m_batcher->taskChanged(record.id); // streaks and the failing flag may have moved even if this did not
    if (shown == record.shownStatus)
        return;
    m_batcher->statusChanged(StatusChange{record.id, record.endpoint.id, record.shownStatus, shown, cause});
    record.shownStatus = shown;
    record.statusSince = EngineClock::now();
}

void Monitor::scheduleFirstRun(EndpointRecord &record, TimePoint now, bool spread)
{
    if (!isScheduled(record)) {
        m_due.remove(record.id);
        return;
    }
    record.lastDue.reset();
    const microseconds offset = spread ? firstRunOffset(record.id, intervalOf(record)) : 0us;
    m_due.schedule(record.id, now + offset);
}

void Monitor::retime(EndpointRecord &record, TimePoint now)
{
    const auto current = m_due.dueTime(record.id);
    if (!isScheduled(record) || !current)
        return;
    const microseconds interval = intervalOf(record);
    const TimePoint next
        = record.lastDue ? std::max(*record.lastDue + interval, now) : std::min(*current, now + interval);
    m_due.schedule(record.id, next);
}

void Monitor::rearm()
{
    const auto earliest = m_due.earliest();
    if (!m_started || !earliest) {
        m_scheduleTimer.stop();
        return;
    }
    // Wake when a group of runs is due or the earliest has waited its slack, whichever comes first.
    TimePoint wake = *earliest + startSlack;
    if (const auto groupDue = m_due.nthEarliest(startGroup))
        wake = std::min(wake, *groupDue);
    m_scheduleTimer.start(wake);
}

void Monitor::onScheduleTimer()
{
    // Taken out of the queue before any probe starts: a probe can finish synchronously and re-time
    // its endpoint. Nothing starts early: the timer never fires before the earliest due time.
    // At most a few per wake: after a stall (a busy machine, a suspended laptop) many runs are due at
    // once, and starting them all together would have each one's latency include the others' work.
    // The rest start on the next pass of the event loop, after the answers that have come in.
    const auto due = m_due.takeDue(EngineClock::now(), maxStartsPerWake);
    for (const auto &[id, dueAt] : due) {
        EndpointRecord *record = find(id);
        if (!record)
            continue;
        ++m_counters.due;
        // Fixed rate, start to start: the next run is a whole interval after this one was due,
        // whatever this one takes. Runs missed entirely (a stalled event loop, a suspended laptop)
        // are skipped, not fired in a burst.
        const microseconds interval = intervalOf(*record);
        const TimePoint now = EngineClock::now();
        TimePoint next = dueAt + interval;
        while (next <= now) {
            next += interval;
            ++m_counters.due;
            ++m_counters.skipped;
            ++record->skippedRuns;
        }
        record->lastDue = dueAt;
        m_due.schedule(id, next);
        if (record->inFlight) {
            ++m_counters.skipped;
            ++record->skippedRuns;
            m_batcher->taskChanged(id);
            continue;
        }
        dispatch(id, dueAt);
    }
    rearm();
}

void Monitor::dispatch(EndpointId id, TimePoint due)
{
    EndpointRecord &record = *find(id);
    const quint64 serial = ++m_lastSerial;
    auto context = makeContext(record.endpoint.probe.timeoutMs);
    record.inFlight = EndpointRecord::InFlight{serial, context};
    record.phase = NetPhase::Starting;
    setTask(record, TaskState::Queued);
    ++m_counters.queued;
    // Last: the probe may run to its end before this returns, and what that triggers may remove the record.
    probe(id, serial, due, record.endpoint.probe, std::move(context), m_alive);
}

QCoro::Task<> Monitor::probe(EndpointId id, quint64 serial, TimePoint due, ProbeSpec spec,
                             std::shared_ptr<NetContext> context, std::shared_ptr<const bool> alive)
{
    auto slot = m_semaphore->acquire();
    // A cancel while queued takes the waiter out of the queue: it never holds a slot.
    connect(context.get(), &NetContext::aborted, m_semaphore,
            [semaphore = m_semaphore, ticket = slot.ticket()] { semaphore->cancel(ticket); });
    const bool granted = co_await slot;
    if (!*alive)
        co_return;
    --m_counters.queued;
    if (!granted || context->isAborted()) {
        if (granted)
            m_semaphore->release();
        finishCancelled(id, serial);
        co_return;
    }

    ++m_counters.running;
    // Lateness is the wait for the schedule and the slot; latency starts inside run(), with the context's clock.
    m_lateness.record(duration_cast<microseconds>(EngineClock::now() - due));
    if (EndpointRecord *record = findInFlight(id, serial)) {
        record->phase = context->phase();
        setTask(*record, TaskState::Running);
    }
    connect(context.get(), &NetContext::phaseChanged, this, [this, id, serial](NetPhase phase) {
        if (EndpointRecord *record = findInFlight(id, serial)) {
            record->phase = phase;
            m_batcher->taskChanged(id);
        }
    });

    ProbeResult result = co_await m_executor->run(std::move(spec), context);
    if (!*alive)
        co_return;
    --m_counters.running;
    m_semaphore->release();
    if (context->abortReason() == ErrorKind::Cancelled)
        finishCancelled(id, serial);
    else
        finishWithResult(id, serial, std::move(result));
}

void Monitor::finishCancelled(EndpointId id, quint64 serial)
{
    ++m_counters.cancelled;
    EndpointRecord *record = findInFlight(id, serial);
    if (!record)
        return;
    record->inFlight.reset();
    setTask(*record, record->paused ? TaskState::Paused : TaskState::Cancelled);
}

void Monitor::finishWithResult(EndpointId id, quint64 serial, ProbeResult result)
{
    EndpointRecord *record = findInFlight(id, serial);
    if (!record) {
        ++m_counters.cancelled; // removed or changed while in flight: its result describes nothing shown
        return;
    }
    record->inFlight.reset();
    ++m_counters.done;
    if (!result.isUp())
        ++m_counters.failed;

    const TimePoint now = EngineClock::now();
    const EndpointStatus before = record->shownStatus;
    const EndpointStatus verdictBefore = record->tracker.status();
    const bool wasDown = verdictBefore == EndpointStatus::Down;
    // Without a network a failure says nothing about the endpoint: it neither counts towards Down nor is logged.
    const bool offlineFailure = !m_networkReachable && !result.isUp();
    if (!offlineFailure)
        record->tracker.record(result);
    refreshStatus(*record, result);
    const EndpointStatus after = record->shownStatus;
    record->window.add(result, after, now);
    record->lastResult = result;
    setTask(*record, restingTask(*record));
    if (wasDown != (record->tracker.status() == EndpointStatus::Down) && record->endpoint.downIntervalS) {
        retime(*record, now);
        rearm();
    }
    m_batcher->resultRecorded(id, record->endpoint.id, result);
    if (offlineFailure)
        return;
    // Last: the log's signals reach views, which may edit endpoints.
    // Failing is a step on the way, not a status of its own in the log: "down (was up)", not "(was failing)".
    const EndpointStatus logBefore = before == EndpointStatus::Failing ? verdictBefore : before;
    if (auto entry = StatusEvents::forResult(id, record->endpoint.displayName(), logBefore, after, result))
        m_log->add(std::move(*entry));
}
