#pragma once

#include <chrono>

// The engine's one clock, for schedules, deadlines and round trips: monotonic, so a wall-clock jump
// (NTP, a user changing the time) neither fires nor starves thousands of probes at once.
using EngineClock = std::chrono::steady_clock;
