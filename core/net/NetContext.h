#pragma once

#include "NetError.h"
#include "NetPhase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

#include <chrono>

// The life of one network operation (a probe, a crawler's fetch): its clock, its hard deadline,
// its cancellation and its phase.
//
// QCoro 0.8 cannot cancel a coroutine, so an operation is stopped by aborting what it awaits. It
// connects to aborted() and aborts its curl handle, socket or notifier, so that its pending await
// resumes at once; after every co_await it checks isAborted() before touching anything else.
// The deadline is our own precise timer rather than QCoro's timed waits, which can touch freed
// memory when the signal and the timeout coincide (fixed only in QCoro 0.9).
class NetContext final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetContext)

public:
    explicit NetContext(std::chrono::milliseconds timeout, QObject *parent = nullptr);

    // Starts the clock and the deadline. Time before this (waiting for a free slot) is never the operation's latency.
    void start();

    // Ends the operation with kind Cancelled. Safe to call at any time, any number of times.
    void cancel();

    bool isAborted() const { return m_abortReason != ErrorKind::None; }
    ErrorKind abortReason() const { return m_abortReason; } // Timeout or Cancelled once aborted

    std::chrono::milliseconds timeout() const { return m_timeout; }
    std::chrono::microseconds elapsed() const;
    std::chrono::milliseconds remaining() const;
    QDateTime startedAt() const { return m_startedAt; }
    bool isStarted() const { return m_clock.isValid(); }

    NetPhase phase() const { return m_phase; }
    void setPhase(NetPhase phase);

    // Why it was aborted, in words naming the phase it was in: "no answer within 500 ms (timed out
    // while connecting)", "cancelled while receiving". None until aborted.
    NetError abortedError() const;

signals:
    void aborted(ErrorKind reason); // emitted once, on timeout or cancel
    void phaseChanged(NetPhase phase);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void abort(ErrorKind reason);

    std::chrono::milliseconds m_timeout;
    QElapsedTimer m_clock;
    QDateTime m_startedAt;
    // A timer of the context's own rather than a QTimer member: one QObject less per operation, and
    // this runs for every probe the monitor starts.
    int m_deadlineTimer = 0;
    NetPhase m_phase = NetPhase::Starting;
    ErrorKind m_abortReason = ErrorKind::None;
};
