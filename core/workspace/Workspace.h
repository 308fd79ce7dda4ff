#pragma once

#include "history/HistoryTypes.h"
#include "monitor/EndpointId.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

class HistoryRecorder;
class HistoryStore;
class MemoryHistoryStore;
class Monitor;
class ProbeExecutor;
class ProfileDocument;
class SqliteHistoryStore;

// What is open, in the order it depends on: the probe executor, the monitor over it, the profile
// document over the monitor, and what remembers the monitor's results: the last few of each
// endpoint in memory, always, and a history file when one is open. The window, `check`, `watch` and
// the tests hold one instead of wiring these lifetimes by hand, and shutdown() is the one way to
// close them: it leaves no probe, coroutine, timer, socket or writer behind.
//
// Recording follows the monitor: a run of the history begins when the monitor starts and ends as it
// stops, before the probes it cancels are counted.
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

    // All null once shut down.
    ProbeExecutor *executor() const { return m_executor; }
    Monitor *monitor() const { return m_monitor.get(); }
    ProfileDocument *document() const { return m_document.get(); }
    MemoryHistoryStore *recentResults() const { return m_recent.get(); }
    HistoryStore *history() const; // the open history file, or null

    // Opens (or creates) a history file and records into it, from now if the monitor runs, else from
    // its next start; the file open before is closed. On refusal (not a history, damaged, newer)
    // returns false with *error set and the file untouched. Later failures come as historyFailed().
    bool openHistory(const QString &path, HistoryError *error);
    void closeHistory(); // commits what is pending

    // Stops the monitor and cancels every probe in flight, runs the event loop until they have
    // returned (at most limit), then closes the history and releases the document, the monitor and
    // the executor, in that order. Safe to call more than once.
    void shutdown(std::chrono::milliseconds limit = shutdownLimit);
    bool isShutDown() const { return !m_monitor; }

signals:
    void historyFailed(const HistoryError &error);

private:
    std::function<QString(EndpointId)> keyOf() const;
    std::unique_ptr<HistoryRecorder> recorderFor(HistoryStore *store); // one that follows the monitor's runs

    std::unique_ptr<ProbeExecutor> m_ownExecutor;
    ProbeExecutor *m_executor;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<ProfileDocument> m_document;
    std::unique_ptr<MemoryHistoryStore> m_recent;
    std::unique_ptr<HistoryRecorder> m_recentRecorder;
    std::unique_ptr<SqliteHistoryStore> m_history;
    std::unique_ptr<HistoryRecorder> m_historyRecorder;
};
