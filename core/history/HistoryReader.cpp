#include "HistoryReader.h"

#include "BucketCodec.h"
#include "ChunkCodec.h"
#include "HistoryPoints.h"
#include "HistorySchema.h"
#include "RecentChunks.h"
#include "StatusTimeline.h"

#include <QDateTime>

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <set>

namespace {

constexpr qint64 dayMs = 86'400'000;
// A run whose writer has not written for this long is not live: it stopped without saying so.
constexpr qint64 liveHeartbeatMs = 5000;

void sortByTime(QList<HistoryPoint> &points)
{
    std::stable_sort(points.begin(), points.end(),
                     [](const HistoryPoint &a, const HistoryPoint &b) { return a.timeMs < b.timeMs; });
}

// Buckets of one resolution, merged where they share a start, ascending.
QList<HistoryBucket> mergeSame(QList<HistoryBucket> buckets)
{
    std::stable_sort(buckets.begin(), buckets.end(),
                     [](const HistoryBucket &a, const HistoryBucket &b) { return a.startMs < b.startMs; });
    QList<HistoryBucket> merged;
    for (const HistoryBucket &bucket : buckets) {
        if (!merged.isEmpty() && merged.last().startMs == bucket.startMs)
            merged.last().merge(bucket);
        else
            merged << bucket;
    }
    return merged;
}

} // namespace

std::unique_ptr<HistoryReader> HistoryReader::open(const QString &path, std::shared_ptr<const RecentChunks> recent,
                                                   HistoryError *error)
{
    bool newFile = false;
    *error = HistorySchema::inspect(path, &newFile);
    if (*error)
        return nullptr;
    if (newFile) {
        *error = {HistoryError::Kind::Io, QStringLiteral("%1: no such history").arg(path)};
        return nullptr;
    }
    SqliteConnection db;
    *error = db.open(path, SqliteConnection::Mode::ReadOnly);
    if (*error)
        return nullptr;
    return std::unique_ptr<HistoryReader>(new HistoryReader(std::move(db), std::move(recent)));
}

HistoryReader::HistoryReader(SqliteConnection db, std::shared_ptr<const RecentChunks> recent)
    : m_db(std::move(db)), m_recent(std::move(recent))
{ }

qint64 HistoryReader::now() const
{
    return m_nowMs ? m_nowMs : QDateTime::currentMSecsSinceEpoch();
}

bool HistoryReader::begin()
{
    m_error = m_db.exec("BEGIN");
    if (m_error)
        return false;
    m_meta.clear();
    SqliteStatement all = m_db.prepare("SELECT key, value FROM meta");
    while (all.step())
        m_meta.insert(all.text(0).toLatin1(), all.integer(1));
    return true;
}

void HistoryReader::end()
{
    for (auto &[sql, statement] : m_statements)
        statement.reset(); // a statement left on a row would hold the read transaction open
    m_db.exec("COMMIT");
    m_journalCache.reset();
}

// Statements run once per endpoint, chunk or message are prepared once per connection: preparing
// them every time was most of the cost of the uptime of 10,000 endpoints.
SqliteStatement &HistoryReader::cached(const char *sql)
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end())
        found = m_statements.emplace(sql, m_db.prepare(sql)).first;
    found->second.reset();
    return found->second;
}

qint64 HistoryReader::metaValue(const char *key, qint64 fallback)
{
    return m_meta.value(QByteArray(key), fallback);
}

std::optional<qint64> HistoryReader::ekOf(const QString &key)
{
    SqliteStatement &statement = cached("SELECT ek FROM endpoint WHERE key = ?");
    statement.bind(1, key);
    if (statement.step())
        return statement.integer(0);
    return std::nullopt;
}

QString HistoryReader::message(quint32 id)
{
    if (id == 0)
        return {};
    if (const auto found = m_messages.constFind(id); found != m_messages.constEnd())
        return *found;
    SqliteStatement &statement = cached("SELECT text FROM message WHERE mid = ?");
    statement.bind(1, qint64(id));
    QString text = statement.step() ? statement.text(0) : QString();
    m_messages.insert(id, text);
    return text;
}

QList<HistoryEndpoint> HistoryReader::endpoints()
{
    QList<HistoryEndpoint> all;
    SqliteStatement statement = m_db.prepare("SELECT key, name, target, kind FROM endpoint ORDER BY key");
    while (statement.step())
        all << HistoryEndpoint{statement.text(0), statement.text(1), statement.text(2),
                               probeKindFromName(statement.text(3)).value_or(ProbeKind::Http)};
    return all;
}

QList<HistoryRun> HistoryReader::runs(HistoryRange range)
{
    QList<HistoryRun> runs;
    const qint64 at = now();
    SqliteStatement statement
        = m_db.prepare("SELECT start_ms, end_ms, closed FROM run WHERE start_ms < ? AND end_ms >= ? ORDER BY start_ms");
    // A live run's end is now, which may be past its last heartbeat.
    statement.bind(1, range.toMs).bind(2, range.fromMs - liveHeartbeatMs);
    while (statement.step()) {
        HistoryRun run{statement.integer(0), statement.integer(1), false};
        if (statement.integer(2) == 0 && at - run.endMs < liveHeartbeatMs) {
            run.live = true;
            run.endMs = std::max(run.endMs, at);
        }
        if (run.endMs >= range.fromMs)
            runs << run;
    }
    return runs;
}

// What is not packed yet: from memory in the writer's process (with the segments it covers), else
// from the journal's rows, less those of a closing segment already packed.
HistoryReader::Open HistoryReader::openPart(qint64 ek, HistoryRange range)
{
    Open open;
    if (m_recent && m_recent->isReady()) {
        open.fromMemory = true;
        open.chunks = m_recent->snapshot(ek);
        return open;
    }
    if (m_journalCache) {
        for (const HistoryPoint &point : m_journalCache->value(ek)) {
            if (range.contains(point.timeMs))
                open.journal << point;
        }
        return open;
    }
    const qint64 table = metaValue("journal_table", 0);
    const qint64 closingNext = metaValue("closing_segment", 0) ? metaValue("closing_next_ek", 0) : -1;
    for (int which = 0; which < 2; ++which) {
        if (which == 1 && (closingNext < 0 || (ek >= 0 && ek < closingNext)))
            continue;
        const QByteArray sql
            = "SELECT t, st, lat, http, err, mid, dns, conn, tls, ttfb, xfer, sent, recv, ek FROM journal"
            + QByteArray::number(which == 0 ? table : 1 - table)
            + (ek >= 0 ? " WHERE ek = ? AND t >= ? AND t < ?" : " WHERE ek >= ?");
        SqliteStatement rows = m_db.prepare(sql.constData());
        if (ek >= 0)
            rows.bind(1, ek).bind(2, range.fromMs).bind(3, range.toMs);
        else
            rows.bind(1, std::max<qint64>(closingNext, 0) * which);
        while (rows.step()) {
            HistoryPoint point;
            point.timeMs = rows.integer(0);
            point.status = HistoryPoints::statusFromCode(rows.integer(1));
            point.latencyUs = rows.integer(2);
            if (!rows.isNull(3))
                point.httpStatus = int(rows.integer(3));
            if (!rows.isNull(4))
                point.errorKind = ErrorKind(std::clamp<qint64>(rows.integer(4), 0, qint64(ErrorKind::Cancelled)));
            point.message = message(quint32(rows.isNull(5) ? 0 : rows.integer(5)));
            for (int i = 0; i < 5; ++i) {
                if (!rows.isNull(6 + i))
                    point.phasesUs[std::size_t(i)] = qint32(rows.integer(6 + i));
            }
            if (!rows.isNull(11))
                point.icmp = HistoryIcmp{int(rows.integer(11)), int(rows.integer(12))};
            open.journalEks << rows.integer(13);
            open.journal << std::move(point);
        }
    }
    return open;
}

void HistoryReader::appendDecoded(QByteArrayView bytes, HistoryRange range, QList<HistoryPoint> &into)
{
    QString problem;
    const auto decoded = ChunkCodec::decode(bytes, &problem);
    if (!decoded) {
        m_error = {HistoryError::Kind::Corrupt, QStringLiteral("%1: %2").arg(m_db.path(), problem)};
        return;
    }
    for (qsizetype i = 0; i < decoded->points.size(); ++i) {
        if (!range.contains(decoded->points.at(i).timeMs))
            continue;
        HistoryPoint point = decoded->points.at(i);
        point.message = message(decoded->messageIds.at(i));
        into << std::move(point);
    }
}

// The stored results of one endpoint in range, in time order.
QList<HistoryPoint> HistoryReader::points(qint64 ek, HistoryRange range)
{
    // The open part is taken before the packed part: a chunk packed in between is then in both, and
    // its copy in memory is skipped; one gone from memory is already in this read transaction.
    Open open = openPart(ek, range);
    QList<HistoryPoint> found;
    const qint64 maxSpan = metaValue("max_span", 0);
    SqliteStatement &chunks = cached("SELECT c.seg, d.bytes FROM chunk c JOIN chunk_data d ON d.id = c.data_id "
                                     "WHERE c.ek = ? AND c.t_first >= ? AND c.t_first < ? ORDER BY c.t_first");
    chunks.bind(1, ek).bind(2, range.fromMs - maxSpan).bind(3, range.toMs);
    std::set<qint64> packed;
    while (chunks.step()) {
        packed.insert(chunks.integer(0));
        appendDecoded(chunks.blob(1), range, found);
    }
    for (const RecentChunks::Open &chunk : std::as_const(open.chunks)) {
        if (!packed.count(chunk.segment))
            appendDecoded(chunk.encoder.bytes(false), range, found);
    }
    found += open.journal;
    sortByTime(found);
    return found;
}

QList<HistoryBucket> HistoryReader::minutes(qint64 ek, HistoryRange range)
{
    QList<HistoryBucket> buckets;
    auto keep = [&](const QList<HistoryBucket> &some) {
        for (const HistoryBucket &bucket : some) {
            if (range.contains(bucket.startMs))
                buckets << bucket;
        }
    };
    const qint64 from = HistoryPoints::bucketStart(range.fromMs, HistoryResolution::Minute);
    Open open = openPart(ek, HistoryRange{from, range.toMs + 60'000});
    const qint64 maxSpan = metaValue("max_span", 0);
    SqliteStatement &chunks
        = cached("SELECT seg, minutes FROM chunk WHERE ek = ? AND t_first >= ? AND t_first < ? ORDER BY t_first");
    chunks.bind(1, ek).bind(2, range.fromMs - maxSpan).bind(3, range.toMs);
    std::set<qint64> packed;
    while (chunks.step()) {
        packed.insert(chunks.integer(0));
        if (const auto decoded = BucketCodec::decode(chunks.blob(1)))
            keep(*decoded);
    }
    for (const RecentChunks::Open &chunk : std::as_const(open.chunks)) {
        if (!packed.count(chunk.segment))
            keep(chunk.minutes);
    }
    keep(HistoryPoints::series(open.journal, HistoryResolution::Minute).buckets);
    return mergeSame(std::move(buckets));
}

// Hours and days: the rolled-up rows where the writer has rolled them, the finer level beyond.
QList<HistoryBucket> HistoryReader::rollups(qint64 ek, HistoryRange range, HistoryResolution resolution)
{
    if (resolution == HistoryResolution::Minute)
        return minutes(ek, range);
    const int level = resolution == HistoryResolution::Hour ? 1 : 2;
    const qint64 rolled = metaValue(level == 1 ? "rolled_1" : "rolled_2", range.fromMs);
    QList<HistoryBucket> buckets;
    SqliteStatement &rows = cached("SELECT bucket FROM rollup WHERE level = ? AND ek = ? AND t >= ? AND t < ?");
    rows.bind(1, qint64(level)).bind(2, ek).bind(3, range.fromMs).bind(4, std::min(range.toMs, rolled));
    while (rows.step()) {
        if (const auto decoded = BucketCodec::decode(rows.blob(0)))
            buckets += *decoded;
    }
    const qint64 restFrom = std::max(range.fromMs, rolled);
    if (restFrom < range.toMs) {
        const auto finer = level == 1 ? HistoryResolution::Minute : HistoryResolution::Hour;
        const HistoryRange rest{HistoryPoints::bucketStart(restFrom, resolution), range.toMs};
        for (const HistoryBucket &bucket : HistoryPoints::coarsen(rollups(ek, rest, finer), resolution)) {
            if (bucket.startMs >= restFrom || bucket.startMs >= range.fromMs)
                buckets << bucket;
        }
    }
    return mergeSame(std::move(buckets));
}

HistorySeries HistoryReader::series(const QString &key, HistoryRange range, HistoryResolution resolution)
{
    HistorySeries series;
    series.resolution = resolution;
    if (!begin())
        return series;
    if (const auto ek = ekOf(key)) {
        if (resolution == HistoryResolution::Raw)
            series.points = points(*ek, range);
        else
            series.buckets = rollups(*ek, range, resolution);
    }
    end();
    return series;
}

QList<StatusChangeRow> HistoryReader::changes(qint64 ek, qint64 fromMs, qint64 toMs)
{
    QList<StatusChangeRow> rows;
    SqliteStatement &statement
        = cached("SELECT t, status, err, mid FROM status_change WHERE ek = ? AND t >= ? AND t <= ? ORDER BY t");
    statement.bind(1, ek).bind(2, fromMs).bind(3, toMs);
    while (statement.step()) {
        StatusChangeRow row;
        row.timeMs = statement.integer(0);
        row.status = EndpointStatus(std::clamp<qint64>(statement.integer(1), 0, qint64(lastEndpointStatus)));
        if (!statement.isNull(2))
            row.errorKind = ErrorKind(std::clamp<qint64>(statement.integer(2), 0, qint64(ErrorKind::Cancelled)));
        row.message = message(quint32(statement.isNull(3) ? 0 : statement.integer(3)));
        rows << std::move(row);
    }
    return rows;
}

template<typename Each> void HistoryReader::forEachKey(const QStringList &keys, Each each)
{
    if (keys.isEmpty()) {
        SqliteStatement all = m_db.prepare("SELECT ek, key FROM endpoint ORDER BY key");
        while (all.step())
            each(all.integer(0), all.text(1));
        return;
    }
    for (const QString &key : keys) {
        if (const auto ek = ekOf(key))
            each(*ek, key);
    }
}

QList<HistoryOutage> HistoryReader::outages(const QStringList &keys, HistoryRange range)
{
    QList<HistoryOutage> all;
    if (!begin())
        return all;
    const QList<HistoryRun> runs = this->runs(range);
    if (!runs.isEmpty()) {
        const qint64 at = now();
        forEachKey(keys, [&](qint64 ek, const QString &key) {
            all += StatusTimeline::outages(key, changes(ek, runs.first().startMs, runs.last().endMs), runs, range, at);
        });
    }
    end();
    std::stable_sort(all.begin(), all.end(),
                     [](const HistoryOutage &a, const HistoryOutage &b) { return a.startMs < b.startMs; });
    return all;
}

QList<HistoryUptime> HistoryReader::uptime(const QStringList &keys, HistoryRange range)
{
    QList<HistoryUptime> all;
    if (!begin())
        return all;
    const QList<HistoryRun> runs = this->runs(range);
    forEachKey(keys, [&](qint64 ek, const QString &key) {
        all << (runs.isEmpty()
                    ? StatusTimeline::uptime(key, {}, runs, range)
                    : StatusTimeline::uptime(key, changes(ek, runs.first().startMs, runs.last().endMs), runs, range));
    });
    end();
    return all;
}

void HistoryReader::forEachPoint(const QStringList &keys, HistoryRange range, const Visit &visit)
{
    if (!begin())
        return;
    QList<std::pair<qint64, HistoryEndpoint>> endpoints;
    SqliteStatement described = m_db.prepare("SELECT name, target, kind FROM endpoint WHERE ek = ?");
    forEachKey(keys, [&](qint64 ek, const QString &key) {
        described.bind(1, ek);
        HistoryEndpoint endpoint{key, key, QString(), ProbeKind::Http};
        if (described.step())
            endpoint = HistoryEndpoint{key, described.text(0), described.text(1),
                                       probeKindFromName(described.text(2)).value_or(ProbeKind::Http)};
        described.reset();
        endpoints.append({ek, endpoint});
    });
    // Outside the writer's process the journal is read once for all endpoints, not once per day each.
    qint64 journalFirst = std::numeric_limits<qint64>::max();
    qint64 journalLast = std::numeric_limits<qint64>::min();
    if (!(m_recent && m_recent->isReady())) {
        Open all = openPart(-1, range);
        QHash<qint64, QList<HistoryPoint>> cache;
        for (qsizetype i = 0; i < all.journal.size(); ++i) {
            journalFirst = std::min(journalFirst, all.journal.at(i).timeMs);
            journalLast = std::max(journalLast, all.journal.at(i).timeMs);
            cache[all.journalEks.at(i)] << all.journal.at(i);
        }
        m_journalCache = std::move(cache);
    }
    // The first and last result bound the days to walk.
    SqliteStatement bounds = m_db.prepare("SELECT min(t_first), max(t_last) FROM chunk WHERE ek = ?");
    for (const auto &[ek, endpoint] : std::as_const(endpoints)) {
        bounds.bind(1, ek);
        qint64 first = journalFirst;
        qint64 last = journalLast == std::numeric_limits<qint64>::min() ? journalLast : journalLast + 1;
        if (bounds.step() && !bounds.isNull(0)) {
            first = std::min(first, bounds.integer(0) - metaValue("max_span", 0));
            last = std::max(last, bounds.integer(1) + 1);
        }
        if (m_recent && m_recent->isReady())
            last = std::max(last, now() + 60'000);
        bounds.reset();
        first = std::max(first, range.fromMs);
        last = std::min(last, range.toMs);
        for (qint64 from = first; from < last; from += dayMs) {
            for (const HistoryPoint &point : points(ek, HistoryRange{from, std::min(from + dayMs, last)})) {
                if (!visit(endpoint, point)) {
                    end();
                    return;
                }
            }
        }
    }
    end();
}
