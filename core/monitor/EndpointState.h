#pragma once

#include "EndpointId.h"
#include "EndpointStatus.h"
#include "async/EngineClock.h"
#include "net/NetPhase.h"
#include "probe/ProbeResult.h"

#include <QString>

#include <optional>

// A snapshot of one endpoint's live state, taken by Monitor::state(). Cheap to copy.
struct EndpointState
{
    EndpointId id = 0;
    QString name; // Endpoint::displayName()
    TaskState task = TaskState::Idle;
    NetPhase phase = NetPhase::Starting; // meaningful while task == Running
    std::optional<EngineClock::time_point> nextRun; // when scheduled

    EndpointStatus status = EndpointStatus::Unknown; // what is shown: the verdict, or Failing, Offline, Paused over it
    EndpointStatus verdict = EndpointStatus::Unknown; // Unknown, Up, Degraded or Down, as the failure threshold decides
    bool failing = false; // the last probe failed but fewer than failure_threshold in a row yet
    int successStreak = 0; // probes in a row that answered (one of the two streaks is 0)
    int failureStreak = 0; // probes in a row that failed
    std::optional<EngineClock::time_point> statusSince; // the last change of status
    std::optional<ProbeResult> lastResult;
    quint64 skippedRuns = 0; // runs skipped because the previous probe was still in flight
};
