#include "HistoryPoints.h"

#include <algorithm>
#include <climits>

HistoryPoint HistoryPoints::fromResult(const ProbeResult &result)
{
    HistoryPoint point;
    point.timeMs = historyMsOf(result.started);
    point.status = result.status;
    point.latencyUs = (std::max<qint64>(result.latency.count(), 0) + 5) / 10 * 10;
    const std::array<std::optional<std::chrono::microseconds>, 5> phases{
        result.phases.dns, result.phases.connect, result.phases.tls, result.phases.ttfb, result.phases.transfer};
    for (std::size_t i = 0; i < phases.size(); ++i) {
        if (phases[i])
            point.phasesUs[i] = qint32(std::clamp<qint64>((phases[i]->count() + 5) / 10 * 10, 0, INT32_MAX));
    }
    point.httpStatus = result.httpStatus;
    point.errorKind = result.errorKind;
    point.message = result.errorMessage;
    if (result.icmp)
        point.icmp = HistoryIcmp{result.icmp->sent, result.icmp->received};
    return point;
}

qint64 HistoryPoints::bucketStart(qint64 ms, HistoryResolution resolution)
{
    const qint64 size = historyBucketMs(resolution);
    if (size == 0)
        return ms;
    const qint64 rem = ms % size;
    return ms - (rem < 0 ? rem + size : rem);
}

HistorySeries HistoryPoints::series(QList<HistoryPoint> points, HistoryResolution resolution)
{
    // Results arrive in the order probes ended, not started.
    std::stable_sort(points.begin(), points.end(),
                     [](const HistoryPoint &a, const HistoryPoint &b) { return a.timeMs < b.timeMs; });
    HistorySeries series;
    series.resolution = resolution;
    if (resolution == HistoryResolution::Raw) {
        series.points = std::move(points);
        return series;
    }
    for (const HistoryPoint &point : points) {
        const qint64 start = bucketStart(point.timeMs, resolution);
        if (series.buckets.isEmpty() || series.buckets.last().startMs != start) {
            series.buckets.append(HistoryBucket{});
            series.buckets.last().startMs = start;
        }
        series.buckets.last().add(point);
    }
    return series;
}

QList<HistoryBucket> HistoryPoints::coarsen(const QList<HistoryBucket> &buckets, HistoryResolution to)
{
    QList<HistoryBucket> coarse;
    for (const HistoryBucket &bucket : buckets) {
        const qint64 start = bucketStart(bucket.startMs, to);
        if (coarse.isEmpty() || coarse.last().startMs != start) {
            coarse.append(HistoryBucket{});
            coarse.last().startMs = start;
        }
        coarse.last().merge(bucket);
    }
    return coarse;
}

int HistoryPoints::statusCode(ProbeStatus status)
{
    return status == ProbeStatus::Up ? 0 : status == ProbeStatus::Degraded ? 1 : 2;
}

ProbeStatus HistoryPoints::statusFromCode(qint64 code)
{
    return code == 0 ? ProbeStatus::Up : code == 1 ? ProbeStatus::Degraded : ProbeStatus::Down;
}
