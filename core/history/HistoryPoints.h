#pragma once

#include "HistoryTypes.h"

// Conversions between probe results and stored points, and bucketing of points into rollups.
namespace HistoryPoints {

HistoryPoint fromResult(const ProbeResult &result);
// A result's status as the files store it: 0 up, 1 degraded, 2 down.
int statusCode(ProbeStatus status);
ProbeStatus statusFromCode(qint64 code);
qint64 bucketStart(qint64 ms, HistoryResolution resolution); // UTC minute, hour or day
// Points (ascending) as the resolution asks: themselves for raw, else their buckets.
HistorySeries series(QList<HistoryPoint> points, HistoryResolution resolution);
// Buckets of a finer resolution merged into the coarser one's buckets (both ascending).
QList<HistoryBucket> coarsen(const QList<HistoryBucket> &buckets, HistoryResolution to);

} // namespace HistoryPoints
