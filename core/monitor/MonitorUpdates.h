#pragma once

#include "EndpointId.h"
#include "EndpointStatus.h"
#include "probe/ProbeResult.h"

#include <QList>
#include <QMetaType>

// One recorded probe result, as carried by Monitor::resultsReady.
struct EndpointResult
{
    EndpointId id = 0;
    QString key; // the endpoint's stable id (Endpoint::id), for what outlives this Monitor
    ProbeResult result;
};

// One change of an endpoint's status, as carried by Monitor::statusesChanged. result is the probe
// that caused it; empty for changes not caused by a probe (pause, resume, network loss, edits).
struct StatusChange
{
    EndpointId id = 0;
    QString key; // the endpoint's stable id (Endpoint::id)
    EndpointStatus from = EndpointStatus::Unknown;
    EndpointStatus to = EndpointStatus::Unknown;
    std::optional<ProbeResult> result;
};

Q_DECLARE_METATYPE(EndpointResult)
Q_DECLARE_METATYPE(StatusChange)
