#pragma once

#include "EngineClock.h"

// The system's timer to the microsecond behind DeadlineTimer: a descriptor that turns readable at
// an absolute point on the engine's clock. Linux has one (timerfd, DeadlineTimerLinux.cpp); other
// systems have none (DeadlineTimerPortable.cpp), and DeadlineTimer falls back to a QTimer.
namespace DeadlineTimerPlatform {
int open(); // the descriptor, or -1 where there is none
bool arm(int fd, EngineClock::time_point deadline); // replaces an earlier deadline; false on failure
void disarm(int fd);
bool acknowledge(int fd); // reads the expiry once readable; false when there was none (stale)
void close(int fd);
} // namespace DeadlineTimerPlatform
