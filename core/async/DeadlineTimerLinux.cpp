#include "DeadlineTimerPlatform.h"

#include <sys/timerfd.h>
#include <unistd.h>

#include <QtGlobal>

// steady_clock is CLOCK_MONOTONIC in libstdc++ and libc++, so its time points are timerfd's.
static_assert(std::is_same_v<EngineClock, std::chrono::steady_clock>);

int DeadlineTimerPlatform::open()
{
    return ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
}

bool DeadlineTimerPlatform::arm(int fd, EngineClock::time_point deadline)
{
    const auto since = deadline.time_since_epoch();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since);
    itimerspec spec{};
    spec.it_value.tv_sec = time_t(seconds.count());
    spec.it_value.tv_nsec = long(std::chrono::duration_cast<std::chrono::nanoseconds>(since - seconds).count());
    // An all-zero it_value would disarm the timer instead of firing at once.
    if (spec.it_value.tv_sec == 0 && spec.it_value.tv_nsec == 0)
        spec.it_value.tv_nsec = 1;
    return ::timerfd_settime(fd, TFD_TIMER_ABSTIME, &spec, nullptr) == 0;
}

void DeadlineTimerPlatform::disarm(int fd)
{
    const itimerspec disarmed{};
    ::timerfd_settime(fd, TFD_TIMER_ABSTIME, &disarmed, nullptr);
}

bool DeadlineTimerPlatform::acknowledge(int fd)
{
    quint64 expirations = 0;
    return ::read(fd, &expirations, sizeof expirations) == sizeof expirations;
}

void DeadlineTimerPlatform::close(int fd)
{
    ::close(fd);
}
