#pragma once

#include "EndpointId.h"
#include "EndpointStatus.h"
#include "StatisticsWindow.h"
#include "StatusTracker.h"
#include "async/EngineClock.h"
#include "endpoint/Endpoint.h"
#include "net/NetContext.h"

#include <memory>
#include <optional>

// The Monitor's private book on one endpoint. Not part of the API: views read EndpointState.
struct EndpointRecord
{
    struct InFlight
    {
        quint64 serial = 0; // names this probe; a result whose serial no longer matches is dropped
        std::shared_ptr<NetContext> context;
    };

    EndpointId id = 0;
    Endpoint endpoint;
    bool paused = false;
    TaskState task = TaskState::Idle;
    NetPhase phase = NetPhase::Starting;
    std::optional<InFlight> inFlight;
    std::optional<EngineClock::time_point> lastDue; // of the latest run, the base of the fixed-rate grid
    StatusTracker tracker;
    EndpointStatus shownStatus = EndpointStatus::Unknown; // as last signalled
    std::optional<EngineClock::time_point> statusSince;
    std::optional<ProbeResult> lastResult;
    StatisticsWindow window;
    quint64 skippedRuns = 0;
};
