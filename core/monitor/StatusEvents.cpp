#include "StatusEvents.h"

std::optional<EventLogEntry> StatusEvents::forResult(EndpointId id, const QString &name, EndpointStatus before,
                                                     EndpointStatus after, const ProbeResult &result)
{
    EventLogEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.endpointId = id;
    entry.endpointName = name;
    entry.errorKind = result.errorKind;

    const bool worse = after == EndpointStatus::Down || after == EndpointStatus::Degraded;
    const bool recovered
        = after == EndpointStatus::Up && (before == EndpointStatus::Down || before == EndpointStatus::Degraded);
    if (before != after && (worse || recovered)) {
        entry.type = EventLogEntry::Type::StatusChange;
        QString detail;
        if (after == EndpointStatus::Down) {
            entry.severity = EventSeverity::Error;
            detail = result.errorMessage;
        } else if (after == EndpointStatus::Degraded) {
            entry.severity = EventSeverity::Warning;
            detail = result.degradedReason;
        } else {
            entry.severity = EventSeverity::Info;
            detail = QStringLiteral("answered in %1 ms").arg(double(result.latency.count()) / 1000.0, 0, 'f', 1);
        }
        entry.message = QStringLiteral("%1 (was %2)").arg(endpointStatusName(after), endpointStatusName(before));
        if (!detail.isEmpty())
            entry.message += QStringLiteral(": ") + detail;
        return entry;
    }
    if (result.isUp())
        return std::nullopt;
    entry.type = EventLogEntry::Type::ProbeError;
    entry.severity = EventSeverity::Warning;
    entry.message = result.errorMessage;
    return entry;
}

EventLogEntry StatusEvents::forNetwork(bool reachable)
{
    EventLogEntry entry;
    entry.type = EventLogEntry::Type::Network;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.severity = reachable ? EventSeverity::Info : EventSeverity::Warning;
    entry.message = reachable
        ? QStringLiteral("the network is back; endpoints are probed as usual")
        : QStringLiteral("the network is unreachable; endpoints show as offline until it returns");
    return entry;
}
