#pragma once

#include "EngineClock.h"

#include <QObject>
#include <QTimer>

class QSocketNotifier;

// A single-shot timer to a point on the steady clock, to the microsecond where the system allows.
//
// Qt 6.4's timers count whole milliseconds, which leaves the Monitor no say in how runs due within
// one millisecond share a wake (see Monitor::rearm). On Linux this is a timerfd (absolute
// CLOCK_MONOTONIC, which std::chrono::steady_clock reads) behind a socket notifier, so it fires at
// its deadline; elsewhere it falls back to a precise QTimer rounded up to the millisecond.
// Never fires early.
class DeadlineTimer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeadlineTimer)

public:
    using TimePoint = EngineClock::time_point;

    explicit DeadlineTimer(QObject *parent = nullptr);
    ~DeadlineTimer() override;

    void start(TimePoint deadline); // replaces any earlier deadline
    void stop();
    bool isActive() const { return m_active; }
    bool isMicrosecondPrecise() const { return m_fd >= 0; }

signals:
    void timeout();

private:
    void fire();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_fallback; // a child, so that moveToThread() takes it along
    TimePoint m_deadline;
    bool m_active = false;
};
