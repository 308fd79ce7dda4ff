#pragma once

#include "EndpointId.h"
#include "probe/ProbeResult.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

enum class EventSeverity { Info, Warning, Error };

QString eventSeverityName(EventSeverity severity); // "info", "warning", "error"

// One line of the event log. Repeats of the same probe error fold into one entry: count goes up and
// lastSeen moves; time stays the first occurrence.
struct EventLogEntry
{
    // Alert: a message sent, or failing, on a channel; History: the history file refused or failing
    enum class Type { StatusChange, ProbeError, Network, Alert, History };

    quint64 sequence = 0; // assigned by EventLog; increases by one per entry, stable under trimming
    Type type = Type::ProbeError;
    QDateTime time; // UTC, first occurrence
    QDateTime lastSeen; // UTC, last occurrence (== time unless folded)
    int count = 1;
    EndpointId endpointId = 0; // 0 for monitor-wide events
    QString endpointName;
    EventSeverity severity = EventSeverity::Info;
    ErrorKind errorKind = ErrorKind::None;
    QString message;
};

Q_DECLARE_METATYPE(EventLogEntry)
