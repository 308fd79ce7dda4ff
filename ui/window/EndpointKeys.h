#pragma once

#include "monitor/EndpointId.h"

#include <QList>
#include <QStringList>

class Monitor;

// The undo commands name endpoints by their stable key (Endpoint::id), not by EndpointId: an endpoint
// that an undo adds back gets a new EndpointId, and the commands before it on the stack must still
// find it.
namespace EndpointKeys {
QStringList keysOf(const Monitor &monitor, const QList<EndpointId> &ids);
QList<EndpointId> idsOf(const Monitor &monitor, const QStringList &keys); // those still there, in the monitor's order
} // namespace EndpointKeys
