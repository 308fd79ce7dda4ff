#include "EndpointStatus.h"

QString endpointStatusName(EndpointStatus status)
{
    switch (status) {
    case EndpointStatus::Unknown:
        return QStringLiteral("unknown");
    case EndpointStatus::Up:
        return QStringLiteral("up");
    case EndpointStatus::Degraded:
        return QStringLiteral("degraded");
    case EndpointStatus::Down:
        return QStringLiteral("down");
    case EndpointStatus::Offline:
        return QStringLiteral("offline");
    case EndpointStatus::Paused:
        return QStringLiteral("paused");
    case EndpointStatus::Failing:
        return QStringLiteral("failing");
    }
    return {};
}

QString taskStateName(TaskState state)
{
    switch (state) {
    case TaskState::Idle:
        return QStringLiteral("idle");
    case TaskState::Waiting:
        return QStringLiteral("waiting");
    case TaskState::Queued:
        return QStringLiteral("queued");
    case TaskState::Running:
        return QStringLiteral("running");
    case TaskState::Paused:
        return QStringLiteral("paused");
    case TaskState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}
