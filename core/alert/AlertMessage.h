#pragma once

#include "AlertEvent.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

// What one channel sends at once: one event, or many gathered into one message (a storm of 200
// endpoints going down is one message listing them). Pure: the text, the template fields and the
// JSON document are functions of the events alone.
struct AlertMessage
{
    static constexpr int listedLines = 25; // lines of the text; the rest are counted
    static constexpr int listedEvents = 1000; // events in the JSON document; the rest are counted

    QList<AlertEvent> events;

    int count() const { return int(events.size()); }
    // "db is down"; "200 endpoints down"; "3 down, 2 up again".
    QString title() const;
    // The title, then one line per event (up to listedLines).
    QString text() const;
    // The worst news in it, for services that colour a message: "failure", "warning", "success" or "info".
    QString severity() const;
    // The values of the template fields (AlertTemplate::fieldNames), secret excepted.
    QHash<QString, QString> fields() const;
    // {"title", "text", "count", "severity", "events": [...], "more": n}: the standard webhook body
    // and a command's input.
    QByteArray json() const;
    // The event kind names it holds, for titles that must not carry endpoint names: "Pingscope: 3 down".
    QString neutralTitle() const;
};
