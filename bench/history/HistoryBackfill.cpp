#include "HistoryBackfill.h"

#include "BenchSupport.h"
#include "SyntheticResults.h"
#include "history/HistoryOptions.h"
#include "history/SqliteDatabase.h"
#include "history/SqliteHistoryStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

// The model, per endpoint, over plan.days whole days and today up to plan.endMs:
// - Pingscope runs from 00:00 to 23:00 UTC every day and is not running from 23:00 to 24:00 (a gap,
//   never downtime; every run starts with every status unknown), so a year has 365 runs.
// - Results come every denseIntervalS in the last denseDays (the raw results the default retention
//   keeps are 14 days) and every sparseIntervalS before, where only rollups outlive retention; the
//   endpoints' probe times are spread evenly over the interval, as the monitor spreads first runs.
// - outagesPerWeek outages a week on average, each at a random time of a run, 2 to 30 minutes long,
//   with a result a minute while down (even where the interval is sparser) and one as it recovers.
// - The shown status follows failure_threshold 2, the profile default.
// The writer runs with its own defaults but for the clock, which moves with the results (a minute
// of results, then the clock at the minute's end and SqliteHistoryStore::settle()), and retention,
// which looks again every simulated hour instead of every minute: what it keeps is the same, at
// most an hour later, and a year takes minutes instead of hours.
namespace {

constexpr qint64 minuteMs = 60'000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;

struct Outage
{
    qint64 startMs = 0;
    qint64 endMs = 0;
};

struct Due
{
    qint64 timeMs;
    int endpoint;
};

// Endpoint e probes at the times t ≡ e × interval / endpoints (mod interval): each (endpoint, time)
// in [fromMs, toMs).
template<typename Each> void forEachDue(int endpoints, qint64 intervalMs, qint64 fromMs, qint64 toMs, Each each)
{
    auto offsetOf = [&](int e) { return qint64(e) * intervalMs / endpoints; };
    if (intervalMs <= toMs - fromMs) {
        for (int e = 0; e < endpoints; ++e) {
            for (qint64 t = fromMs + ((offsetOf(e) - fromMs) % intervalMs + intervalMs) % intervalMs; t < toMs;
                 t += intervalMs)
                each(e, t);
        }
        return;
    }
    // A window shorter than the interval: the endpoints whose offsets fall in it, in one or two runs
    // of consecutive endpoints (two where it wraps round the interval).
    const qint64 into = (fromMs % intervalMs + intervalMs) % intervalMs;
    const qint64 periodStart = fromMs - into;
    auto offsetsIn = [&](qint64 low, qint64 high, qint64 periodMs) {
        low = std::max<qint64>(low, 0);
        high = std::min(high, intervalMs);
        int e = int(std::min<qint64>(low * endpoints / intervalMs, endpoints));
        while (e < endpoints && offsetOf(e) < low)
            ++e;
        for (; e < endpoints && offsetOf(e) < high; ++e)
            each(e, periodMs + offsetOf(e));
    };
    const qint64 width = toMs - fromMs;
    offsetsIn(into, into + width, periodStart);
    offsetsIn(into - intervalMs, into + width - intervalMs, periodStart + intervalMs);
}

// Checkpoints the whole WAL and truncates it, once the store's own checkpointer (which holds the
// checkpoint lock while it runs: a second checkpoint is refused at once, not made to wait) is done.
void emptyWal(SqliteConnection &db)
{
    for (int attempt = 0; attempt < 6000; ++attempt) {
        SqliteStatement truncate = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
        if (truncate.step() && truncate.integer(0) == 0)
            return;
        truncate = {};
        QThread::msleep(20);
    }
    std::fprintf(stderr, "backfill: the WAL could not be emptied\n");
}

} // namespace

QString HistoryBackfill::keyOf(int endpoint)
{
    return QStringLiteral("e%1").arg(endpoint);
}

bool HistoryBackfill::write(const Plan &plan, const QString &path, Figures *figures)
{
    std::atomic<qint64> clock{0};
    HistoryOptions options;
    options.clock = [&clock] { return clock.load(); };
    options.retentionIntervalMs = hourMs;
    HistoryError error;
    auto store = SqliteHistoryStore::open(path, options, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return false;
    }
    bool failed = false;
    QObject::connect(store.get(), &HistoryStore::failed, store.get(), [&failed](const HistoryError &e) {
        std::fprintf(stderr, "backfill: %s\n", qPrintable(e.message));
        failed = true;
    });
    const int endpoints = plan.endpoints;
    QList<HistoryEndpoint> described;
    QStringList keys;
    for (int i = 0; i < endpoints; ++i)
        keys << keyOf(i);
    for (int i = 0; i < endpoints; ++i)
        described << HistoryEndpoint{keys.at(i), QStringLiteral("endpoint %1").arg(i),
                                     plan.http ? QStringLiteral("http://127.0.0.1:8080/p/%1").arg(i)
                                               : QStringLiteral("tcp://127.0.0.1:%1").arg(10000 + i % 50000),
                                     plan.http ? ProbeKind::Http : ProbeKind::Tcp};
    store->describe(described);
    BenchSupport::waitDone(store->flush()); // the file exists
    SqliteConnection checkpointed;
    if (HistoryError opened = checkpointed.open(path, SqliteConnection::Mode::ReadWrite)) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.message));
        return false;
    }

    const qint64 end = plan.endMs ? plan.endMs : QDateTime::currentMSecsSinceEpoch();
    const qint64 first = end / dayMs * dayMs - qint64(plan.days) * dayMs;
    const qint64 denseFrom = end - qint64(plan.denseDays) * dayMs;
    QRandomGenerator random(7);
    SyntheticResults::Statuses statuses(endpoints);
    *figures = {};
    QElapsedTimer wall;
    wall.start();
    store->counters(); // waits for the writer's thread, which is named once it runs
    const double cpuBefore = BenchSupport::threadCpuSeconds("history writer");
    std::vector<std::optional<Outage>> outageOf(static_cast<std::size_t>(endpoints));
    std::vector<Due> due;
    for (qint64 day = first; day < end && !failed; day += dayMs) {
        const qint64 runStart = day;
        const qint64 runEnd = std::min(day + 23 * hourMs, end);
        clock = runStart;
        store->beginRun(runStart);
        statuses.reset();
        ++figures->runs;
        std::vector<std::pair<qint64, int>> outageStarts; // (start, endpoint), to visit in time order
        for (int e = 0; e < endpoints; ++e) {
            outageOf[std::size_t(e)].reset();
            if (runEnd - runStart < hourMs || random.generateDouble() >= plan.outagesPerWeek / 7)
                continue;
            const qint64 start
                = runStart + qint64(random.bounded(quint32((runEnd - runStart - 30 * minuteMs) / 1000))) * 1000;
            const qint64 length = qint64(random.bounded(2 * 60, 30 * 60 + 1)) * 1000;
            outageOf[std::size_t(e)] = Outage{start, start + length};
            outageStarts.emplace_back(start, e);
            ++figures->outages;
        }
        for (qint64 minute = runStart; minute < runEnd && !failed; minute += minuteMs) {
            const qint64 to = std::min(minute + minuteMs, runEnd);
            const qint64 intervalMs = qint64(minute >= denseFrom ? plan.denseIntervalS : plan.sparseIntervalS) * 1000;
            due.clear();
            forEachDue(endpoints, intervalMs, minute, to, [&](int e, qint64 t) { due.push_back({t, e}); });
            // While down, a result a minute from the outage's start, and one as it ends.
            for (const auto &[start, e] : outageStarts) {
                const Outage &outage = *outageOf[std::size_t(e)];
                if (start >= to || outage.endMs < minute)
                    continue;
                for (qint64 t = start + std::max<qint64>(0, (minute - start + minuteMs - 1) / minuteMs) * minuteMs;
                     t < std::min(to, outage.endMs); t += minuteMs)
                    due.push_back({t, e});
                if (outage.endMs >= minute && outage.endMs < to)
                    due.push_back({outage.endMs, e});
            }
            if (due.empty())
                continue;
            std::sort(due.begin(), due.end(), [](const Due &a, const Due &b) {
                return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.endpoint < b.endpoint;
            });
            QList<HistoryEntry> entries;
            entries.reserve(qsizetype(due.size()));
            for (const Due &d : due) {
                const std::optional<Outage> &outage = outageOf[std::size_t(d.endpoint)];
                const bool down = outage && d.timeMs >= outage->startMs && d.timeMs < outage->endMs;
                ProbeResult result = down ? SyntheticResults::timedOut(d.timeMs)
                                          : SyntheticResults::answered(random, d.timeMs, plan.http);
                entries << HistoryEntry{keys.at(d.endpoint), std::move(result), statuses.after(d.endpoint, !down)};
            }
            figures->results += entries.size();
            store->append(entries);
            clock = to;
            BenchSupport::waitDone(store->settle());
            if ((to - runStart) % hourMs == 0)
                emptyWal(checkpointed);
        }
        clock = runEnd;
        store->endRun(runEnd);
        // The writer never waits for a checkpoint; it leaves them to another thread and connection,
        // which keep the WAL small while it records in real time and is idle most of the time. Here
        // it never is, and the WAL would grow for the whole year: every simulated hour and at the end
        // of each day, between two settles, the WAL is checkpointed whole and emptied.
        BenchSupport::waitDone(store->flush());
        emptyWal(checkpointed);
        if ((day - first) / dayMs % 30 == 29)
            std::fprintf(stderr, "backfill: %lld of %d days, %lld results, %.0f s\n",
                         static_cast<long long>((day - first) / dayMs + 1), plan.days + 1,
                         static_cast<long long>(figures->results), BenchSupport::msSince(wall) / 1000);
    }
    BenchSupport::waitDone(store->settle());
    figures->writerCpuS = BenchSupport::threadCpuSeconds("history writer") - cpuBefore;
    store.reset();
    figures->wallS = BenchSupport::msSince(wall) / 1000;
    emptyWal(checkpointed);
    figures->fileBytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    return !failed;
}
