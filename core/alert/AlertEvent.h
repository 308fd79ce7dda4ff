#pragma once

#include "AlertEndpoint.h"
#include "AlertEventKind.h"
#include "monitor/EndpointStatus.h"
#include "net/ErrorKind.h"

#include <QDateTime>
#include <QString>

#include <optional>

// One thing that happened to one endpoint, as an alert tells it.
struct AlertEvent
{
    AlertEventKind kind = AlertEventKind::Down;
    QDateTime time; // UTC, when it happened
    AlertEndpoint endpoint;
    EndpointStatus status = EndpointStatus::Unknown; // now
    EndpointStatus previous = EndpointStatus::Unknown;
    ErrorKind errorKind = ErrorKind::None;
    QString detail; // the error, the reason for degraded, or what the test says
    std::optional<double> latencyMs; // of the probe that caused it, when it answered
    QDateTime since; // UTC: when the outage (or the current status) began
    std::optional<qint64> durationS; // recovered: the outage's length; still_down: its length so far
    QDateTime certificateExpiry; // certificate: the certificate's notAfter, UTC

    // "db.example.com is down", "db.example.com is up again after 5 min 3 s".
    QString headline() const;
    // The headline with its details: "db.example.com is down: connection refused by 10.0.0.1:5432".
    QString line() const;

    // "45 s", "5 min 3 s", "2 h 10 min", "3 d 4 h".
    static QString durationText(qint64 seconds);
};
