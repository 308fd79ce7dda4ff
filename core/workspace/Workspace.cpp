#include "Workspace.h"

#include "Logging.h"
#include "MonitorDrain.h"
#include "ProfileDocument.h"
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
{ }

Workspace::~Workspace()
{
    shutdown();
}

void Workspace::shutdown(std::chrono::milliseconds limit)
{
    if (isShutDown())
        return;
    m_monitor->stop(); // cancels everything in flight
    // The executor must outlive its probes' coroutines: they resume once their operation is aborted.
    MonitorDrain::untilIdle(*m_monitor, limit);
    if (const int left = m_monitor->counters().inFlight; left > 0)
        qCWarning(lcWorkspace) << left << "probes had not returned" << limit.count() << "ms after the shutdown began";
    else
        qCDebug(lcWorkspace) << "shut down";
    m_document.reset();
    m_monitor.reset();
    m_ownExecutor.reset();
    m_executor = nullptr;
    // Probe contexts and the objects a coroutine owned go with deleteLater; the caller's event loop
    // may never run again (a headless command returning from main).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}
