#include "HistoryChartData.h"

#include <algorithm>

namespace {
struct Sample
{
    qint64 x = 0;
    double y = 0;
};

// More raw results than the chart draws (a fast interval over a long view): the lowest and the
// highest of each of maximumPoints / 2 slices, so spikes stay visible.
QList<Sample> thin(const QList<Sample> &samples, HistoryRange view)
{
    constexpr int slices = HistoryChartData::maximumPoints / 2;
    if (samples.size() <= HistoryChartData::maximumPoints)
        return samples;
    QList<Sample> kept;
    kept.reserve(HistoryChartData::maximumPoints);
    const double width = double(std::max<qint64>(view.lengthMs(), 1)) / slices;
    qsizetype i = 0;
    while (i < samples.size()) {
        const auto slice = qint64(double(samples[i].x - view.fromMs) / width);
        Sample low = samples[i];
        Sample high = samples[i];
        qsizetype j = i;
        for (; j < samples.size() && qint64(double(samples[j].x - view.fromMs) / width) == slice; ++j) {
            if (samples[j].y < low.y)
                low = samples[j];
            if (samples[j].y > high.y)
                high = samples[j];
        }
        if (low.x > high.x)
            std::swap(low, high);
        kept << low;
        if (high.x != low.x || high.y != low.y)
            kept << high;
        i = j;
    }
    return kept;
}

QList<qreal> thinMarks(QList<qreal> marks, HistoryRange view)
{
    if (marks.size() <= HistoryChartData::maximumPoints)
        return marks;
    // One mark per slice is as much as can be seen.
    QList<qreal> kept;
    const double width = double(std::max<qint64>(view.lengthMs(), 1)) / HistoryChartData::maximumPoints;
    qint64 last = -1;
    for (const qreal x : marks) {
        const auto slice = qint64((x - double(view.fromMs)) / width);
        if (slice != last)
            kept << x;
        last = slice;
    }
    return kept;
}
} // namespace

int HistoryChartData::pointCount() const
{
    int count = 0;
    for (const auto &line : lines)
        count += int(line.size());
    return count;
}

HistoryChartData HistoryChartData::build(HistoryRange view, const HistorySeries &series, const QList<HistoryRun> &runs,
                                         const QList<HistoryOutage> &outages, qint64 nowMs)
{
    HistoryChartData data;
    data.view = view;
    data.resolution = series.resolution;

    // Gaps: what of the view up to now no run covers.
    const qint64 until = std::min(view.toMs, nowMs);
    qint64 covered = view.fromMs;
    QList<HistoryRun> sorted = runs;
    std::sort(sorted.begin(), sorted.end(),
              [](const HistoryRun &a, const HistoryRun &b) { return a.startMs < b.startMs; });
    for (const HistoryRun &run : std::as_const(sorted)) {
        const qint64 end = run.live ? nowMs : run.endMs;
        if (run.startMs > covered && covered < until)
            data.gaps << HistoryRange{covered, std::min(run.startMs, until)};
        covered = std::max(covered, end);
    }
    if (covered < until)
        data.gaps << HistoryRange{covered, until};

    for (const HistoryOutage &outage : outages) {
        const qint64 end = outage.endMs ? *outage.endMs : nowMs;
        const qint64 from = std::max(outage.startMs, view.fromMs);
        const qint64 to = std::min(end, view.toMs);
        if (to > from)
            data.downs << HistoryRange{from, to};
    }

    QList<Sample> samples;
    QList<qreal> failures;
    if (series.resolution == HistoryResolution::Raw) {
        for (const HistoryPoint &point : series.points) {
            if (point.status == ProbeStatus::Down)
                failures << qreal(point.timeMs);
            else
                samples << Sample{point.timeMs, double(point.latencyUs) / 1000.0};
        }
    } else {
        // A bucket is drawn at its middle: its mean sits where its results were.
        const qint64 half = historyBucketMs(series.resolution) / 2;
        for (const HistoryBucket &bucket : series.buckets) {
            if (bucket.down > 0)
                failures << qreal(bucket.startMs + half);
            if (bucket.answered() > 0)
                samples << Sample{bucket.startMs + half, bucket.latencyMeanUs() / 1000.0};
        }
    }
    samples = thin(samples, view);
    data.failures = thinMarks(failures, view);

    // A new line after every gap that falls between two samples.
    QList<QPointF> line;
    qsizetype gap = 0;
    for (const Sample &sample : std::as_const(samples)) {
        bool broken = false;
        while (gap < data.gaps.size() && data.gaps[gap].toMs <= sample.x) {
            broken = broken || (!line.isEmpty() && data.gaps[gap].fromMs >= qint64(line.last().x()));
            ++gap;
        }
        if (broken) {
            data.lines << line;
            line.clear();
        }
        line << QPointF(qreal(sample.x), sample.y);
    }
    if (!line.isEmpty())
        data.lines << line;
    return data;
}
