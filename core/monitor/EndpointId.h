#pragma once

#include <QtGlobal>

#include <chrono>

// A stable name for one endpoint inside a Monitor. Rows move under edits and sorting; ids do not.
// Ids start at 1 and are never reused within one Monitor; 0 means "no endpoint" (monitor-wide events).
using EndpointId = quint64;

// Scheduling runs on the monotonic clock: a wall-clock jump (NTP, a user changing the time) must not
// fire or starve thousands of probes at once.
using MonitorClock = std::chrono::steady_clock;
