#include "Workspace.h"

#include "Logging.h"
#include "MonitorDrain.h"
#include "ProfileDocument.h"
#include "history/HistoryRecorder.h"
#include "history/MemoryHistoryStore.h"
#include "history/SqliteHistoryStore.h"
#include "monitor/Monitor.h"
#include "probe/ProbeRunner.h"

#include <QCoreApplication>
#include <QEvent>

Workspace::Workspace() : Workspace(nullptr) { }

Workspace::Workspace(ProbeExecutor *executor)
    : m_ownExecutor(executor ? nullptr : std::make_unique<ProbeRunner>())
    , m_executor(executor ? executor : m_ownExecutor.get())
    , m_monitor(std::make_unique<Monitor>(m_executor))
    , m_document(std::make_unique<ProfileDocument>(m_monitor.get()))
    , m_recent(std::make_unique<MemoryHistoryStore>())
    , m_recentRecorder(std::make_unique<HistoryRecorder>(m_monitor.get(), m_recent.get(), keyOf()))
{
    // The recent results are the detail pane's, also of probes run by hand while monitoring is off.
    m_recentRecorder->start();
    // An edit makes the old results describe something else; they go, as the monitor's figures do.
    connect(m_monitor.get(), &Monitor::endpointUpdated, this,
            [this](EndpointId id) { m_recent->forget(m_monitor->keyOf(id)); });
    // A removed endpoint's key is gone with it, so what is kept is what the monitor still has: one
    // pass per removal, however many it removed (closing a profile of 100,000 is one).
    connect(m_monitor.get(), &Monitor::endpointsRemoved, this, [this] {
        QSet<QString> keys;
        for (const EndpointId id : m_monitor->endpointIds())
            keys.insert(m_monitor->keyOf(id));
        m_recent->keepOnly(keys);
    });
}

Workspace::~Workspace()
{
    shutdown();
}

std::function<QString(EndpointId)> Workspace::keyOf() const
{
    return [monitor = m_monitor.get()](EndpointId id) { return monitor->keyOf(id); };
}

std::unique_ptr<HistoryRecorder> Workspace::recorderFor(HistoryStore *store)
{
    Monitor *monitor = m_monitor.get();
    auto recorder = std::make_unique<HistoryRecorder>(monitor, store, keyOf());
    connect(monitor, &Monitor::started, recorder.get(), &HistoryRecorder::start);
    // Before the monitor cancels what is in flight: cancelled probes are not history.
    connect(monitor, &Monitor::stopping, recorder.get(), &HistoryRecorder::stop);
    if (monitor->isStarted())
        recorder->start();
    return recorder;
}

HistoryStore *Workspace::history() const
{
    return m_history.get();
}

bool Workspace::openHistory(const QString &path, HistoryError *error)
{
    auto store = SqliteHistoryStore::open(path, HistoryOptions{}, error);
    if (!store)
        return false;
    closeHistory();
    m_history = std::move(store);
    connect(m_history.get(), &HistoryStore::failed, this, &Workspace::historyFailed);
    m_historyRecorder = recorderFor(m_history.get());
    qCDebug(lcWorkspace) << "recording into" << path;
    return true;
}

void Workspace::closeHistory()
{
    if (m_historyRecorder)
        m_historyRecorder->stop();
    m_historyRecorder.reset();
    m_history.reset(); // commits what is pending and closes the file
}

void Workspace::shutdown(std::chrono::milliseconds limit)
{
    if (isShutDown())
        return;
    m_monitor->stop(); // the recorders end their runs, then everything in flight is cancelled
    // The executor must outlive its probes' coroutines: they resume once their operation is aborted.
    MonitorDrain::untilIdle(*m_monitor, limit);
    if (const int left = m_monitor->counters().inFlight; left > 0)
        qCWarning(lcWorkspace) << left << "probes had not returned" << limit.count() << "ms after the shutdown began";
    else
        qCDebug(lcWorkspace) << "shut down";
    closeHistory();
    m_recentRecorder->stop();
    m_recentRecorder.reset();
    m_recent.reset();
    m_document.reset();
    m_monitor.reset();
    m_ownExecutor.reset();
    m_executor = nullptr;
    // Probe contexts and the objects a coroutine owned go with deleteLater; the caller's event loop
    // may never run again (a headless command returning from main).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}
