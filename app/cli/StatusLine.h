#pragma once

#include "endpoint/Endpoint.h"
#include "monitor/MonitorUpdates.h"

#include <QByteArray>
#include <QDateTime>

// One line of `pingscope watch --log text|json` for one change of an endpoint's status.
//   text: 2026-11-25T12:00:00.000Z  api (https://api.lan/health)  up -> down  refused: connection refused by …
//   json: {"time","name","target","kind","from","to","latency_ms","error":null|{"kind","message"},"degraded_reason"}
namespace StatusLine {
QByteArray text(const StatusChange &change, const Endpoint &endpoint, const QDateTime &time);
QByteArray json(const StatusChange &change, const Endpoint &endpoint, const QDateTime &time);
} // namespace StatusLine
