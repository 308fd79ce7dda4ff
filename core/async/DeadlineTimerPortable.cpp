#include "DeadlineTimerPlatform.h"

// No timer to the microsecond here: DeadlineTimer uses its precise QTimer, rounded up to the millisecond.

int DeadlineTimerPlatform::open()
{
    return -1;
}

bool DeadlineTimerPlatform::arm(int, EngineClock::time_point)
{
    return false;
}

void DeadlineTimerPlatform::disarm(int) { }

bool DeadlineTimerPlatform::acknowledge(int)
{
    return false;
}

void DeadlineTimerPlatform::close(int) { }
