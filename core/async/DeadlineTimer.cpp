#include "DeadlineTimer.h"

#include <QSocketNotifier>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <sys/timerfd.h>
#include <unistd.h>
#endif

using namespace std::chrono_literals;

// steady_clock is CLOCK_MONOTONIC in libstdc++ and libc++, so its time points are timerfd's.
static_assert(std::is_same_v<MonitorClock, std::chrono::steady_clock>);

DeadlineTimer::DeadlineTimer(QObject *parent) : QObject(parent)
{
    m_fallback.setSingleShot(true);
    m_fallback.setTimerType(Qt::PreciseTimer);
    connect(&m_fallback, &QTimer::timeout, this, &DeadlineTimer::fire);
#ifdef Q_OS_LINUX
    m_fd = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (m_fd >= 0) {
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            quint64 expirations = 0;
            // Reading clears the readable state; a stale expiry (stopped since) reads nothing and is ignored.
            if (::read(m_fd, &expirations, sizeof expirations) == sizeof expirations && m_active)
                fire();
        });
    }
#endif
}

DeadlineTimer::~DeadlineTimer()
{
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        delete m_notifier;
        ::close(m_fd);
    }
#endif
}

void DeadlineTimer::start(TimePoint deadline)
{
    // The schedule re-arms after every change, mostly to the deadline it already has: spare the syscall.
    if (m_active && deadline == m_deadline)
        return;
    m_active = true;
    m_deadline = deadline;
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        const auto since = deadline.time_since_epoch();
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since);
        itimerspec spec{};
        spec.it_value.tv_sec = time_t(seconds.count());
        spec.it_value.tv_nsec = long(std::chrono::duration_cast<std::chrono::nanoseconds>(since - seconds).count());
        // An all-zero it_value would disarm the timer instead of firing at once.
        if (spec.it_value.tv_sec == 0 && spec.it_value.tv_nsec == 0)
            spec.it_value.tv_nsec = 1;
        if (::timerfd_settime(m_fd, TFD_TIMER_ABSTIME, &spec, nullptr) == 0)
            return;
    }
#endif
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(deadline - MonitorClock::now());
    m_fallback.start(std::max(wait, 0ms));
}

void DeadlineTimer::stop()
{
    m_active = false;
    m_fallback.stop();
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        const itimerspec disarm{};
        ::timerfd_settime(m_fd, TFD_TIMER_ABSTIME, &disarm, nullptr);
    }
#endif
}

void DeadlineTimer::fire()
{
    m_active = false;
    emit timeout();
}
