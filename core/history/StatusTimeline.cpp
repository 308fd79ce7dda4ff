#include "StatusTimeline.h"

#include <algorithm>

namespace {

struct Span
{
    qint64 startMs;
    qint64 endMs;
    EndpointStatus status;
    const StatusChangeRow *cause; // null for the unknown stretch a run starts with
    bool reachesLiveEnd;
    int run;
};

// Each run cut into stretches of one status, in order.
template<typename Visit>
void forEachSpan(const QList<StatusChangeRow> &changes, const QList<HistoryRun> &runs, Visit visit)
{
    auto change = changes.cbegin();
    for (int index = 0; index < runs.size(); ++index) {
        const HistoryRun &run = runs.at(index);
        while (change != changes.cend() && change->timeMs < run.startMs)
            ++change; // a change outside every run says nothing
        qint64 at = run.startMs;
        EndpointStatus status = EndpointStatus::Unknown;
        const StatusChangeRow *cause = nullptr;
        for (; change != changes.cend() && change->timeMs <= run.endMs; ++change) {
            if (change->timeMs > at)
                visit(Span{at, change->timeMs, status, cause, false, index});
            at = std::max(at, change->timeMs);
            status = change->status;
            cause = &*change;
        }
        if (run.endMs > at)
            visit(Span{at, run.endMs, status, cause, run.live, index});
        else if (run.live && status == EndpointStatus::Down)
            visit(Span{at, at, status, cause, true, index});
    }
}

bool isUp(EndpointStatus status)
{
    return status == EndpointStatus::Up || status == EndpointStatus::Degraded;
}

} // namespace

HistoryUptime StatusTimeline::uptime(const QString &key, const QList<StatusChangeRow> &changes,
                                     const QList<HistoryRun> &runs, HistoryRange range)
{
    HistoryUptime uptime;
    uptime.key = key;
    uptime.rangeMs = std::max<qint64>(0, range.lengthMs());
    forEachSpan(changes, runs, [&](const Span &span) {
        const qint64 length = std::min(span.endMs, range.toMs) - std::max(span.startMs, range.fromMs);
        if (length <= 0)
            return;
        if (isUp(span.status))
            uptime.upMs += length;
        else if (span.status == EndpointStatus::Down)
            uptime.downMs += length;
    });
    return uptime;
}

QList<HistoryOutage> StatusTimeline::outages(const QString &key, const QList<StatusChangeRow> &changes,
                                             const QList<HistoryRun> &runs, HistoryRange range, qint64 nowMs)
{
    QList<HistoryOutage> found;
    // A value and a flag rather than std::optional: GCC 12 at -O3 warns (maybe-uninitialized) on the
    // optional's QString members, and the warning is an error in our builds.
    HistoryOutage current;
    bool open = false;
    qint64 currentEnd = 0;
    int currentRun = -1;
    auto close = [&] {
        if (open && current.startMs < range.toMs && (!current.endMs || *current.endMs > range.fromMs))
            found << current;
        open = false;
    };
    forEachSpan(changes, runs, [&](const Span &span) {
        if (span.status != EndpointStatus::Down) {
            close();
            return;
        }
        if (open && currentRun == span.run && currentEnd == span.startMs) { // Down again, no answer between
            currentEnd = span.endMs;
        } else {
            close();
            current = HistoryOutage{key, span.startMs, std::nullopt, 0, ErrorKind::None, QString()};
            open = true;
            if (span.cause) {
                current.errorKind = span.cause->errorKind;
                current.message = span.cause->message;
            }
            currentEnd = span.endMs;
            currentRun = span.run;
        }
        if (span.reachesLiveEnd) {
            current.endMs.reset();
            current.durationMs = std::max<qint64>(0, nowMs - current.startMs);
        } else {
            current.endMs = currentEnd;
            current.durationMs = currentEnd - current.startMs;
        }
    });
    close();
    return found;
}
