#pragma once

#include "history/HistoryTypes.h"

#include <QList>
#include <QPointF>

// What the latency chart draws for a range read from the history: the latency line in pieces (a
// gap, time Pingscope was not running, breaks it), failure marks, the gaps themselves and the bands
// where the endpoint was down. x is ms since the epoch, y is ms of latency. At most about
// maximumPoints line points and as many marks, whatever the range.
struct HistoryChartData
{
    static constexpr int maximumPoints = 2000;

    HistoryRange view;
    HistoryResolution resolution = HistoryResolution::Raw;
    QList<QList<QPointF>> lines; // ascending; one per stretch without a gap
    QList<qreal> failures; // x of failed results (raw) or of buckets with failures
    QList<HistoryRange> gaps; // inside view, up to now: not recording
    QList<HistoryRange> downs; // inside view: outages

    int pointCount() const;

    // runs and outages as the store gives them; nowMs ends open outages and the last gap.
    static HistoryChartData build(HistoryRange view, const HistorySeries &series, const QList<HistoryRun> &runs,
                                  const QList<HistoryOutage> &outages, qint64 nowMs);
};
