#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

#include <functional>

// The real pingscope executable (PINGSCOPE_EXECUTABLE) as a child process, with no display. Every
// wait spins a real event loop, so the loopback servers of the test keep answering meanwhile.
class PingscopeProcess final
{
public:
    explicit PingscopeProcess(const QStringList &arguments);
    ~PingscopeProcess(); // kills the child if it still runs
    Q_DISABLE_COPY_MOVE(PingscopeProcess)

    bool waitUntil(const std::function<bool()> &condition, int timeoutMs);
    bool waitForFinished(int timeoutMs);

    // Sends a signal with ::kill (SIGHUP: reload); false if there is no child to send it to.
    bool sendSignal(int signalNumber);
    // Sends a signal with ::kill and returns how many ms passed until the child exited, or -1 if it
    // did not within timeoutMs.
    qint64 signalAndTimeExit(int signalNumber, int timeoutMs);

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    int exitCode() const; // -2 if it crashed, -1 if it has not finished
    QByteArray out() const { return m_out; }
    QByteArray err() const { return m_err; }
    QList<QByteArray> outLines() const;

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    bool m_finished = false;
};

// Runs pingscope to its end (spinning the event loop) and returns the process, finished or killed.
struct PingscopeRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};
PingscopeRun runPingscope(const QStringList &arguments, int timeoutMs = 30000);
