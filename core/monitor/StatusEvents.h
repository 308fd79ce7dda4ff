#pragma once

#include "EndpointStatus.h"
#include "EventLogEntry.h"

#include <optional>

// What the event log says about a recorded probe and about the network: the wording and the
// severity in one place, so the log, the `watch` output and the tests agree.
class StatusEvents final
{
public:
    // A status change for the worse (down, degraded) or a recovery from it; else the probe's error
    // if it failed; else nothing. A first answer (unknown -> up) is not news: 10,000 of them at
    // start would flood the log.
    static std::optional<EventLogEntry> forResult(EndpointId id, const QString &name, EndpointStatus before,
                                                  EndpointStatus after, const ProbeResult &result);
    static EventLogEntry forNetwork(bool reachable);
};
