#pragma once

#include <QList>
#include <QString>

#include <optional>

// What an alert says happened. The names are the profile's ("events" of a rule) and the messages'.
enum class AlertEventKind {
    Down, // failure_threshold probes in a row failed
    Recovered, // answers again after being down; carries the outage's duration
    Degraded, // answers, but slowly or with a certificate close to expiry
    StillDown, // a reminder while an outage goes on
    Certificate, // the certificate expires within the rule's certificate_days
    Test, // sent by hand from the Alerts dialog
};

QString alertEventKindName(AlertEventKind kind); // "down", "recovered", "degraded", "still_down", "certificate", "test"
std::optional<AlertEventKind> alertEventKindFromName(const QString &name);
// The kinds a rule may name, in the order the documentation lists them.
QList<AlertEventKind> ruleEventKinds();
