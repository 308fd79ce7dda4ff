#include "MemoryHistoryStore.h"

#include "HistoryPoints.h"

#include <QDateTime>

#include <algorithm>

namespace {
// A named function, not a lambda in the coroutine below: clang-tidy 16 takes a lambda's reference
// parameters there for the coroutine's own.
bool startsEarlier(const HistoryOutage &a, const HistoryOutage &b)
{
    return a.startMs < b.startMs;
}
} // namespace

MemoryHistoryStore::MemoryHistoryStore(int perEndpoint, QObject *parent)
    : HistoryStore(parent), m_perEndpoint(std::max(1, perEndpoint))
{ }

void MemoryHistoryStore::describe(const QList<HistoryEndpoint> &endpoints)
{
    for (const HistoryEndpoint &endpoint : endpoints)
        m_endpoints.insert(endpoint.key, endpoint);
}

void MemoryHistoryStore::beginRun(qint64 atMs)
{
    if (!m_runs.isEmpty() && m_runs.last().live)
        endRun(atMs);
    m_runs << HistoryRun{atMs, atMs, true};
    for (Kept &kept : m_kept)
        kept.last = EndpointStatus::Unknown;
}

void MemoryHistoryStore::endRun(qint64 atMs)
{
    if (m_runs.isEmpty() || !m_runs.last().live)
        return;
    m_runs.last().endMs = std::max(m_runs.last().startMs, atMs);
    m_runs.last().live = false;
}

void MemoryHistoryStore::change(Kept &kept, StatusChangeRow row)
{
    if (row.status == kept.last)
        return;
    kept.last = row.status;
    kept.changes << std::move(row);
    if (kept.changes.size() > changesPerEndpoint)
        kept.changes.removeFirst();
}

void MemoryHistoryStore::append(const QList<HistoryEntry> &entries)
{
    for (const HistoryEntry &entry : entries) {
        Kept &kept = m_kept[entry.key];
        change(kept,
               StatusChangeRow{historyMsOf(entry.result.started), entry.status, entry.result.errorKind,
                               entry.result.errorMessage});
        kept.results.push_back(entry.result);
        if (int(kept.results.size()) > m_perEndpoint)
            kept.results.pop_front();
    }
}

void MemoryHistoryStore::mark(const QList<HistoryStatusMark> &marks)
{
    for (const HistoryStatusMark &mark : marks)
        change(m_kept[mark.key], StatusChangeRow{mark.timeMs, mark.status, ErrorKind::None, QString()});
}

const std::deque<ProbeResult> &MemoryHistoryStore::recent(const QString &key) const
{
    static const std::deque<ProbeResult> none;
    const auto found = m_kept.constFind(key);
    return found == m_kept.constEnd() ? none : found->results;
}

void MemoryHistoryStore::forget(const QString &key)
{
    m_kept.remove(key);
}

void MemoryHistoryStore::keepOnly(const QSet<QString> &keys)
{
    m_kept.removeIf([&keys](const auto &item) { return !keys.contains(item.key()); });
    m_endpoints.removeIf([&keys](const auto &item) { return !keys.contains(item.key()); });
}

QList<HistoryRun> MemoryHistoryStore::runsNow() const
{
    QList<HistoryRun> runs = m_runs;
    if (!runs.isEmpty() && runs.last().live)
        runs.last().endMs = std::max(runs.last().startMs, QDateTime::currentMSecsSinceEpoch());
    return runs;
}

QStringList MemoryHistoryStore::keysOr(const QStringList &keys) const
{
    if (!keys.isEmpty())
        return keys;
    QStringList all = m_kept.keys();
    for (auto it = m_endpoints.cbegin(); it != m_endpoints.cend(); ++it) {
        if (!m_kept.contains(it.key()))
            all << it.key();
    }
    std::sort(all.begin(), all.end());
    return all;
}

QCoro::Task<QList<HistoryEndpoint>> MemoryHistoryStore::endpoints()
{
    QList<HistoryEndpoint> all;
    for (const QString &key : keysOr({}))
        all << m_endpoints.value(key, HistoryEndpoint{key, key, QString(), ProbeKind::Http});
    co_return all;
}

QCoro::Task<HistorySeries> MemoryHistoryStore::series(QString key, HistoryRange range, HistoryResolution resolution)
{
    QList<HistoryPoint> points;
    for (const ProbeResult &result : recent(key)) {
        HistoryPoint point = HistoryPoints::fromResult(result);
        if (range.contains(point.timeMs))
            points << std::move(point);
    }
    co_return HistoryPoints::series(std::move(points), resolution);
}

QCoro::Task<QList<HistoryRun>> MemoryHistoryStore::runs(HistoryRange range)
{
    QList<HistoryRun> overlapping;
    for (const HistoryRun &run : runsNow()) {
        if (run.endMs >= range.fromMs && run.startMs < range.toMs)
            overlapping << run;
    }
    co_return overlapping;
}

QCoro::Task<QList<HistoryOutage>> MemoryHistoryStore::outages(QStringList keys, HistoryRange range)
{
    const QList<HistoryRun> runs = runsNow();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<HistoryOutage> all;
    for (const QString &key : keysOr(keys))
        all += StatusTimeline::outages(key, m_kept.value(key).changes, runs, range, now);
    std::stable_sort(all.begin(), all.end(), startsEarlier);
    co_return all;
}

QCoro::Task<QList<HistoryUptime>> MemoryHistoryStore::uptime(QStringList keys, HistoryRange range)
{
    const QList<HistoryRun> runs = runsNow();
    QList<HistoryUptime> all;
    for (const QString &key : keysOr(keys))
        all << StatusTimeline::uptime(key, m_kept.value(key).changes, runs, range);
    co_return all;
}

QCoro::Task<> MemoryHistoryStore::flush()
{
    co_return;
}
