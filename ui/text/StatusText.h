#pragma once

#include "async/EngineClock.h"
#include "monitor/EndpointState.h"
#include "monitor/EndpointStatus.h"

#include <QColor>
#include <QString>

// What people read and see for a status or a task: translated words and the badge colours.
// A colour always comes with its word, never alone.
namespace StatusText {
QString statusLabel(EndpointStatus status); // "Up", "Down", …
QColor statusColor(EndpointStatus status);
int severityRank(EndpointStatus status); // for sorting: Down sorts above Degraded above Up
QString taskLabel(const EndpointState &state, EngineClock::time_point now); // "next in 4 s", "TLS…"
} // namespace StatusText
