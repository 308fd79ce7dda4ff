#include "DeadlineTimer.h"

#include "DeadlineTimerPlatform.h"

#include <QSocketNotifier>

#include <algorithm>

using namespace std::chrono_literals;

DeadlineTimer::DeadlineTimer(QObject *parent) : QObject(parent), m_fallback(this)
{
    m_fallback.setSingleShot(true);
    m_fallback.setTimerType(Qt::PreciseTimer);
    connect(&m_fallback, &QTimer::timeout, this, &DeadlineTimer::fire);
    m_fd = DeadlineTimerPlatform::open();
    if (m_fd >= 0) {
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            // Reading clears the readable state; a stale expiry (stopped since) reads nothing and is ignored.
            if (DeadlineTimerPlatform::acknowledge(m_fd) && m_active)
                fire();
        });
    }
}

DeadlineTimer::~DeadlineTimer()
{
    if (m_fd >= 0) {
        delete m_notifier;
        DeadlineTimerPlatform::close(m_fd);
    }
}

void DeadlineTimer::start(TimePoint deadline)
{
    // The schedule re-arms after every change, mostly to the deadline it already has: spare the syscall.
    if (m_active && deadline == m_deadline)
        return;
    m_active = true;
    m_deadline = deadline;
    if (m_fd >= 0 && DeadlineTimerPlatform::arm(m_fd, deadline))
        return;
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(deadline - EngineClock::now());
    m_fallback.start(std::max(wait, 0ms));
}

void DeadlineTimer::stop()
{
    m_active = false;
    m_fallback.stop();
    if (m_fd >= 0)
        DeadlineTimerPlatform::disarm(m_fd);
}

void DeadlineTimer::fire()
{
    m_active = false;
    emit timeout();
}
