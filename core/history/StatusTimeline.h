#pragma once

#include "HistoryTypes.h"

#include <QList>

// One recorded change of an endpoint's shown status: from timeMs on, it showed status (until the
// next change or the end of the run it happened in). The error is the probe's that caused it.
struct StatusChangeRow
{
    qint64 timeMs = 0;
    EndpointStatus status = EndpointStatus::Unknown;
    ErrorKind errorKind = ErrorKind::None;
    QString message;
};

// Uptime and outages from status changes and run periods: the one definition both stores use.
//
// - Only time inside a run is observed; every run starts with the status unknown, so a gap (Pingscope
//   not running) is never downtime, and a status does not carry over a restart.
// - Up and Degraded count as up, Down as down; Unknown, Offline and Paused as neither.
// - An outage is a stretch of Down inside one run: it ends when the endpoint answers again, or when
//   the run ends (then its end is the run's last recorded moment). In a live run it is open.
namespace StatusTimeline {

// changes: one endpoint's, ascending by time; runs: ascending by start, not overlapping.
HistoryUptime uptime(const QString &key, const QList<StatusChangeRow> &changes, const QList<HistoryRun> &runs,
                     HistoryRange range);
// The outages that overlap range, by start.
QList<HistoryOutage> outages(const QString &key, const QList<StatusChangeRow> &changes, const QList<HistoryRun> &runs,
                             HistoryRange range, qint64 nowMs);

} // namespace StatusTimeline
