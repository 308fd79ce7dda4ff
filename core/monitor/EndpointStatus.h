#pragma once

#include <QString>

#include <cstddef>

// What the user sees for an endpoint.
enum class EndpointStatus {
    Unknown, // no result yet (or not since the endpoint was changed or resumed)
    Up,
    Degraded, // answered, but slowly or with a certificate close to expiry
    Down, // failure_threshold probes in a row failed
    Offline, // the machine has no network, so a failure says nothing about the endpoint
    Paused, // paused by the user, or disabled
    // The last probes failed, fewer in a row than failure_threshold: visibly failing, not yet Down, so
    // nothing alarms. Last in the list because the history file stores statuses by number.
    Failing,
};
inline constexpr EndpointStatus lastEndpointStatus = EndpointStatus::Failing;
inline constexpr std::size_t endpointStatusCount = std::size_t(lastEndpointStatus) + 1;

// "unknown", "up", "degraded", "down", "offline", "paused", "failing"
QString endpointStatusName(EndpointStatus status);

// What the scheduler is doing with an endpoint right now.
enum class TaskState {
    Idle, // not scheduled: the monitor is stopped or the endpoint is disabled
    Waiting, // scheduled; EndpointState::nextRun says when
    Queued, // due, waiting for a free slot under the concurrency cap
    Running, // probing; EndpointState::phase says in which phase
    Paused, // paused by the user
    Cancelled, // its last probe was cancelled; still scheduled (nextRun) unless the monitor stopped
};

QString taskStateName(TaskState state); // "idle", "waiting", "queued", "running", "paused", "cancelled"
