#pragma once

#include <QObject>

#include <chrono>
#include <memory>

class Monitor;
class ProbeExecutor;
class ProfileDocument;

// What is open, in the order it depends on: the probe executor, the monitor over it, and the
// profile document over the monitor. The window, `check`, `watch` and the tests hold one instead of
// wiring these lifetimes by hand, and shutdown() is the one way to close them: it leaves no probe,
// coroutine, timer or socket behind.
class Workspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    // Cancelled probes end within milliseconds; this leaves room for a loaded machine.
    static constexpr std::chrono::milliseconds shutdownLimit{300};

    // Probes for real, with a ProbeRunner of its own.
    Workspace();
    // Probes with executor (a test's fake), which must outlive this workspace.
    explicit Workspace(ProbeExecutor *executor);
    ~Workspace() override; // shuts down

    // All three null once shut down.
    ProbeExecutor *executor() const { return m_executor; }
    Monitor *monitor() const { return m_monitor.get(); }
    ProfileDocument *document() const { return m_document.get(); }

    // Stops the monitor and cancels every probe in flight, runs the event loop until they have
    // returned (at most limit), then releases the document, the monitor and the executor, in that
    // order. Safe to call more than once.
    void shutdown(std::chrono::milliseconds limit = shutdownLimit);
    bool isShutDown() const { return !m_monitor; }

private:
    std::unique_ptr<ProbeExecutor> m_ownExecutor;
    ProbeExecutor *m_executor;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<ProfileDocument> m_document;
};
