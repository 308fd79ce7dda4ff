#pragma once

#include "HistoryTypes.h"

#include <QByteArray>
#include <QString>

#include <optional>

// The texts of history exports (`pingscope history` and the window): times, the export's rows, the
// JSON objects of outages and uptime. Qt Core only, so the window writes the same format.
namespace HistoryText {

// "2026-11-25T12:00:01.204Z", written by hand: QDateTime's formatting costs more than the rest of an
// exported row put together.
void appendIsoTime(QByteArray &out, qint64 ms);
QByteArray isoTime(qint64 ms);

// A time on the command line: ISO 8601 (UTC unless it says otherwise), or a span before now such as
// 90m, 24h, 7d, 30d. nullopt if it is neither.
std::optional<qint64> parseTime(const QString &text, qint64 nowMs);
std::optional<qint64> parseSpan(const QString &text); // 90m, 24h, 7d … in ms

QByteArray csvHeader(); // time,endpoint,target,kind,status,latency_ms,error_kind,message
// An endpoint's columns, written once and reused for each of its rows.
struct EndpointFields
{
    QByteArray csv; // endpoint,target,kind,
    QByteArray json; // ,"endpoint":…,"target":…,"kind":"…"
};
EndpointFields endpointFields(const HistoryEndpoint &endpoint);
void appendCsvRow(QByteArray &out, const EndpointFields &endpoint, const HistoryPoint &point);
void appendJsonRow(QByteArray &out, const EndpointFields &endpoint, const HistoryPoint &point);

QByteArray jsonString(const QString &text);

// A span as people read it: "6 d 23 h", "3 h 12 min", "4 min 10 s", "12.0 s".
QString duration(qint64 ms);

} // namespace HistoryText
