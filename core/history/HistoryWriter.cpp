#include "HistoryWriter.h"

#include "BucketCodec.h"
#include "HistoryPoints.h"
#include "HistorySchema.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <limits>

namespace {

int walHook(void *context, sqlite3 *, const char *, int frames)
{
    auto *state = static_cast<HistoryWriter::WalState *>(context);
    const int grown = frames >= state->frames ? frames - state->frames : frames; // a restart rewinds it
    state->counters->walFrames += quint64(grown);
    state->frames = frames;
    return SQLITE_OK;
}

qint64 elapsedUs(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1000;
}

// This thread's CPU time where the system tells it (0 elsewhere): a turn's own work, which other
// processes on a busy machine do not lengthen as they do its wall time.
qint64 threadCpuUs()
{
#if defined(Q_OS_UNIX)
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
#else
    return 0;
#endif
}

constexpr qint64 hourMs = 3'600'000;
constexpr qint64 dayMs = 86'400'000;

} // namespace

HistoryWriter::HistoryWriter(QString path, bool create, HistoryOptions options, std::shared_ptr<RecentChunks> recent)
    : m_path(std::move(path))
    , m_create(create)
    , m_options(std::move(options))
    , m_recent(std::move(recent))
    , m_commitTimer(this) // children, so they move to the writer's thread with it
    , m_heartbeat(this)
{
    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(int(m_options.commitIntervalMs));
    connect(&m_commitTimer, &QTimer::timeout, this, &HistoryWriter::tick);
    // A heartbeat while nothing arrives: the run's end stays recent, so readers know it is live.
    m_heartbeat.setInterval(1000);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (!m_commitTimer.isActive())
            tick();
    });
}

HistoryWriter::~HistoryWriter()
{
    close();
}

qint64 HistoryWriter::now() const
{
    return m_options.clock ? m_options.clock() : QDateTime::currentMSecsSinceEpoch();
}

void HistoryWriter::fail(const HistoryError &error)
{
    if (m_errorShown)
        return;
    m_errorShown = true; // once per spell of failures; a success re-arms it
    emit failed(error);
}

void HistoryWriter::noteStall(qint64 us, const char *kind)
{
    if (us <= m_counters.longestStallUs)
        return;
    m_counters.longestStallUs = us;
    m_counters.longestStallKind = kind;
}

HistoryWriter::Counters HistoryWriter::counters() const
{
    return m_counters;
}

void HistoryWriter::open()
{
    if (HistoryError error
        = m_db.open(m_path, m_create ? SqliteConnection::Mode::Create : SqliteConnection::Mode::ReadWrite)) {
        fail(error);
        return;
    }
    if (m_db.isReadOnly()) {
        fail({HistoryError::Kind::ReadOnly,
              QStringLiteral("cannot record into %1: the file is read-only; nothing in it was changed").arg(m_path)});
        m_db.close();
        return;
    }
    if (m_create) {
        if (HistoryError error = HistorySchema::create(m_db)) {
            fail(error);
            m_db.close();
            return;
        }
    }
    // NORMAL in WAL mode: a commit survives a crash of the process at once and a power cut from the
    // next checkpoint on; the file is consistent either way. secure_delete off: Debian builds SQLite
    // with it on, which writes every page that packing frees (a whole journal table each segment)
    // and retention frees back into the WAL as zeros. Emptying one segment's journal at 10,000
    // results/s (600,000 rows) wrote 20 MB of WAL with it on and 53 KB with it off; the writer's WAL
    // fell from 821 to 557 KB/s (bench/history_bench, docs/benchmarks.md). A history holds nothing
    // that deleting must erase.
    if (HistoryError error = m_db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                                       " PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY;"
                                       " PRAGMA secure_delete = OFF;")) {
        fail(error);
        m_db.close();
        return;
    }
    m_wal = WalState{&m_counters, 0};
    sqlite3_wal_hook(m_db.handle(), walHook, &m_wal); // replaces the automatic checkpoint: see checkpointDue
    if (!prepareStatements() || !recover()) {
        m_db.close();
        return;
    }
    m_usable = true;
    m_heartbeat.start();
    m_commitTimer.start(); // the first slices of reading back
}

bool HistoryWriter::prepareStatements()
{
    HistoryError error;
    const char *journal0 = "INSERT INTO journal0 VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    const char *journal1 = "INSERT INTO journal1 VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    m_insertJournal[0] = m_db.prepare(journal0, &error);
    m_insertJournal[1] = m_db.prepare(journal1, &error);
    m_insertChange = m_db.prepare("INSERT OR REPLACE INTO status_change VALUES(?,?,?,?,?)", &error);
    m_upsertEndpoint
        = m_db.prepare("INSERT INTO endpoint(key, name, target, kind) VALUES(?,?,?,?) ON CONFLICT(key) "
                       "DO UPDATE SET name = excluded.name, target = excluded.target, kind = excluded.kind "
                       "RETURNING ek",
                       &error);
    m_findEndpoint = m_db.prepare("SELECT ek, name, target, kind FROM endpoint WHERE key = ?", &error);
    m_insertMessage = m_db.prepare("INSERT INTO message(text) VALUES(?) RETURNING mid", &error);
    m_findMessage = m_db.prepare("SELECT mid FROM message WHERE text = ?", &error);
    m_insertRun = m_db.prepare("INSERT INTO run(start_ms, end_ms) VALUES(?, ?) RETURNING rid", &error);
    m_updateRun = m_db.prepare("UPDATE run SET end_ms = ?, closed = ? WHERE rid = ?", &error);
    m_getMeta = m_db.prepare("SELECT value FROM meta WHERE key = ?", &error);
    m_setMeta = m_db.prepare("INSERT OR REPLACE INTO meta VALUES(?, ?)", &error);
    m_insertChunkData = m_db.prepare("INSERT INTO chunk_data(t_last, bytes) VALUES(?, ?) RETURNING id", &error);
    m_insertChunk = m_db.prepare("INSERT OR REPLACE INTO chunk VALUES(?,?,?,?,?,?,?)", &error);
    if (error) {
        fail(error);
        return false;
    }
    return true;
}

std::optional<qint64> HistoryWriter::meta(const char *key)
{
    m_getMeta.bind(1, QString::fromLatin1(key));
    std::optional<qint64> value;
    if (m_getMeta.step())
        value = m_getMeta.integer(0);
    m_getMeta.reset();
    return value;
}

bool HistoryWriter::setMeta(const char *key, qint64 value)
{
    m_setMeta.bind(1, QString::fromLatin1(key)).bind(2, value);
    m_setMeta.step();
    const bool ok = m_setMeta.lastCode() == SQLITE_DONE;
    m_setMeta.reset();
    return ok;
}

// After a crash or a clean stop alike: runs left open are closed at their last heartbeat, and the
// journal's rows are read back into memory as open chunks — in slices between commits
// (readBackSlice), so new results are committed from the first moment, however long the journal.
// Until that is done, readers read the journal itself and nothing is packed.
bool HistoryWriter::recover()
{
    m_recent->clear();
    // The endpoints the file knows: describing them again as they are (every start of a profile)
    // then writes nothing, instead of upserting every one in the first commit.
    m_eks.clear();
    m_known.clear();
    SqliteStatement known = m_db.prepare("SELECT ek, key, name, target, kind FROM endpoint");
    while (known.step()) {
        const QString key = known.text(1);
        m_eks.insert(key, known.integer(0));
        m_known.insert(key,
                       HistoryEndpoint{key, known.text(2), known.text(3),
                                       probeKindFromName(known.text(4)).value_or(ProbeKind::Http)});
    }
    if (known.lastCode() != SQLITE_DONE) {
        fail(m_db.lastError(QStringLiteral("cannot read")));
        return false;
    }
    m_table = int(meta("journal_table").value_or(0));
    m_segment = meta("segment").value_or(1);
    m_segmentStartMs = meta("segment_start").value_or(now());
    m_maxSpanMs = meta("max_span").value_or(0);
    const qint64 closingSegment = meta("closing_segment").value_or(0);
    const qint64 closingNext = meta("closing_next_ek").value_or(0);
    auto lastRowid = [this](int table) {
        const QByteArray sql = "SELECT coalesce(max(rowid), 0) FROM journal" + QByteArray::number(table);
        return m_db.integer(sql.constData()).value_or(0);
    };
    m_readBack.clear();
    if (closingSegment != 0) {
        const int closingTable = 1 - m_table;
        m_readBack.push_back(ReadBack{closingTable, closingSegment, closingNext, 0, lastRowid(closingTable)});
        m_closing = Closing{closingTable, closingSegment, {}, meta("closing_start").value_or(m_segmentStartMs)};
    }
    // Rows committed from now on have higher rowids: only those up to here are read back.
    m_readBack.push_back(ReadBack{m_table, m_segment, 0, 0, lastRowid(m_table)});
    if (HistoryError error = m_db.exec("UPDATE run SET closed = 1 WHERE closed = 0")) {
        fail(error);
        return false;
    }
    return true;
}

bool HistoryWriter::readBackSlice(int limit)
{
    if (m_readBack.empty())
        return false;
    QElapsedTimer timer;
    timer.start();
    ReadBack &next = m_readBack.front();
    const QByteArray sql
        = "SELECT rowid, t, ek, st, lat, http, err, mid, dns, conn, tls, ttfb, xfer, sent, recv FROM journal"
        + QByteArray::number(next.table) + " WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?";
    SqliteStatement rows = m_db.prepare(sql.constData());
    rows.bind(1, next.afterRowid).bind(2, next.lastRowid).bind(3, qint64(limit));
    std::vector<RecentChunks::Row> batch;
    int read = 0;
    while (rows.step()) {
        ++read;
        next.afterRowid = rows.integer(0);
        if (rows.integer(2) < next.fromEk)
            continue; // already packed before the stop
        HistoryPoint point;
        point.timeMs = rows.integer(1);
        point.status = HistoryPoints::statusFromCode(rows.integer(3));
        point.latencyUs = rows.integer(4);
        if (!rows.isNull(5))
            point.httpStatus = int(rows.integer(5));
        point.errorKind = rows.isNull(6)
            ? ErrorKind::None
            : ErrorKind(std::clamp<qint64>(rows.integer(6), 0, qint64(ErrorKind::Cancelled)));
        for (int i = 0; i < 5; ++i) {
            if (!rows.isNull(8 + i))
                point.phasesUs[std::size_t(i)] = qint32(rows.integer(8 + i));
        }
        if (!rows.isNull(13))
            point.icmp = HistoryIcmp{int(rows.integer(13)), int(rows.integer(14))};
        batch.push_back({rows.integer(2), std::move(point), quint32(rows.isNull(7) ? 0 : rows.integer(7))});
    }
    if (rows.lastCode() != SQLITE_DONE) {
        fail(m_db.lastError(QStringLiteral("cannot read back")));
        return false;
    }
    m_recent->append(next.segment, batch);
    if (read < limit) {
        if (m_closing && m_closing->segment == next.segment)
            m_closing->eks = m_recent->endpointsOf(next.segment);
        m_readBack.erase(m_readBack.begin());
        if (m_readBack.empty())
            m_recent->setReady(true);
    }
    noteStall(elapsedUs(timer), "read back");
    return true;
}

void HistoryWriter::describe(const QList<HistoryEndpoint> &endpoints)
{
    m_described += endpoints;
    if (!m_commitTimer.isActive())
        m_commitTimer.start();
}

void HistoryWriter::beginRun(qint64 atMs)
{
    if (m_runId != 0 || m_runStart)
        endRun(atMs);
    m_runStart = atMs;
    m_lastStatus.clear();
    if (!m_commitTimer.isActive())
        m_commitTimer.start();
}

void HistoryWriter::endRun(qint64 atMs)
{
    m_runEnd = atMs;
    commit();
    m_lastStatus.clear();
}

void HistoryWriter::append(const QList<HistoryEntry> &entries)
{
    for (const HistoryEntry &entry : entries)
        m_pending.append(PendingResult{entry.key, HistoryPoints::fromResult(entry.result), entry.status, false});
    if (m_pending.size() > m_options.pendingLimit) {
        const qsizetype excess = m_pending.size() - m_options.pendingLimit;
        m_pending.remove(0, excess);
        m_counters.dropped += quint64(excess);
    }
    if (!m_commitTimer.isActive())
        m_commitTimer.start();
}

void HistoryWriter::mark(const QList<HistoryStatusMark> &marks)
{
    for (const HistoryStatusMark &mark : marks) {
        // Marks and results share one order: a mark after results goes after them.
        HistoryPoint at;
        at.timeMs = mark.timeMs;
        m_pending.append(PendingResult{mark.key, at, mark.status, true});
    }
    if (!m_commitTimer.isActive())
        m_commitTimer.start();
}

void HistoryWriter::flush(QPromise<void> &done)
{
    commit();
    done.finish();
}

std::optional<qint64> HistoryWriter::endpointKey(const QString &key, const HistoryEndpoint *described)
{
    if (!described) {
        if (const auto found = m_eks.constFind(key); found != m_eks.constEnd())
            return *found;
        m_findEndpoint.bind(1, key);
        if (m_findEndpoint.step()) {
            const qint64 ek = m_findEndpoint.integer(0);
            m_findEndpoint.reset();
            m_eks.insert(key, ek);
            return ek;
        }
        m_findEndpoint.reset();
    }
    const HistoryEndpoint endpoint = described ? *described : HistoryEndpoint{key, key, QString(), ProbeKind::Http};
    m_upsertEndpoint.bind(1, endpoint.key)
        .bind(2, endpoint.name)
        .bind(3, endpoint.target)
        .bind(4, probeKindName(endpoint.kind));
    std::optional<qint64> ek;
    if (m_upsertEndpoint.step())
        ek = m_upsertEndpoint.integer(0);
    while (m_upsertEndpoint.lastCode() == SQLITE_ROW)
        m_upsertEndpoint.step();
    m_upsertEndpoint.reset();
    if (ek)
        m_eks.insert(key, *ek);
    return ek;
}

std::optional<quint32> HistoryWriter::messageId(const QString &text)
{
    if (text.isEmpty())
        return 0;
    if (const auto found = m_messages.constFind(text); found != m_messages.constEnd())
        return *found;
    std::optional<quint32> id;
    m_findMessage.bind(1, text);
    if (m_findMessage.step())
        id = quint32(m_findMessage.integer(0));
    m_findMessage.reset();
    if (!id) {
        m_insertMessage.bind(1, text);
        if (m_insertMessage.step())
            id = quint32(m_insertMessage.integer(0));
        while (m_insertMessage.lastCode() == SQLITE_ROW)
            m_insertMessage.step();
        m_insertMessage.reset();
    }
    if (id)
        m_messages.insert(text, *id);
    return id;
}

// One transaction for everything that arrived since the last: endpoints, the run, results, changes.
bool HistoryWriter::commit()
{
    if (!m_usable)
        return false;
    if (m_pending.isEmpty() && m_described.isEmpty() && !m_runStart && !m_runEnd && m_runId == 0)
        return true;
    if (m_pending.isEmpty() && m_described.isEmpty() && !m_runStart && !m_runEnd && now() - m_lastCommitMs < 900)
        return true; // the heartbeat is recent enough
    QElapsedTimer timer;
    timer.start();
    // Caches change only once the transaction holds: a rollback must not leave ids that do not exist.
    const auto eks = m_eks;
    const auto messages = m_messages;
    const auto lastStatus = m_lastStatus;
    const qint64 runId = m_runId;
    auto rollback = [&](const HistoryError &error) {
        m_db.exec("ROLLBACK");
        m_eks = eks;
        m_messages = messages;
        m_lastStatus = lastStatus;
        m_runId = runId;
        fail(error);
        noteStall(elapsedUs(timer), "commit");
        return false;
    };
    if (HistoryError error = m_db.exec("BEGIN IMMEDIATE"))
        return rollback(error);
    const qint64 at = now();
    if (m_runStart) {
        if (m_runId != 0) {
            m_updateRun.bind(1, *m_runStart).bind(2, qint64(1)).bind(3, m_runId);
            m_updateRun.step();
            m_updateRun.reset();
        }
        m_insertRun.bind(1, *m_runStart).bind(2, *m_runStart);
        if (m_insertRun.step())
            m_runId = m_insertRun.integer(0);
        while (m_insertRun.lastCode() == SQLITE_ROW)
            m_insertRun.step();
        m_insertRun.reset();
        if (m_runId == runId)
            return rollback(m_db.lastError(QStringLiteral("cannot record into")));
    }
    for (const HistoryEndpoint &endpoint : std::as_const(m_described)) {
        const auto known = m_known.constFind(endpoint.key);
        if (known != m_known.constEnd() && *known == endpoint)
            continue;
        if (!endpointKey(endpoint.key, &endpoint))
            return rollback(m_db.lastError(QStringLiteral("cannot record into")));
    }

    std::vector<RecentChunks::Row> rows;
    rows.reserve(std::size_t(m_pending.size()));
    SqliteStatement &insert = m_insertJournal[m_table];
    for (const PendingResult &pending : std::as_const(m_pending)) {
        const auto ek = endpointKey(pending.key, nullptr);
        if (!ek)
            return rollback(m_db.lastError(QStringLiteral("cannot record into")));
        const EndpointStatus status = pending.status;
        ErrorKind cause = ErrorKind::None;
        quint32 causeMessage = 0;
        if (!pending.isMark) {
            const HistoryPoint &point = pending.point;
            const auto mid = messageId(point.message);
            if (!mid)
                return rollback(m_db.lastError(QStringLiteral("cannot record into")));
            insert.bind(1, point.timeMs)
                .bind(2, *ek)
                .bind(3, qint64(HistoryPoints::statusCode(point.status)))
                .bind(4, point.latencyUs);
            insert.bind(5, point.httpStatus);
            if (point.errorKind != ErrorKind::None)
                insert.bind(6, qint64(point.errorKind));
            else
                insert.bindNull(6);
            if (*mid)
                insert.bind(7, qint64(*mid));
            else
                insert.bindNull(7);
            for (int i = 0; i < 5; ++i)
                insert.bind(8 + i, point.phasesUs[std::size_t(i)]);
            if (point.icmp)
                insert.bind(13, qint64(point.icmp->sent)).bind(14, qint64(point.icmp->received));
            else
                insert.bindNull(13).bindNull(14);
            insert.step();
            const int code = insert.lastCode();
            insert.reset();
            if (code != SQLITE_DONE)
                return rollback(m_db.errorFor(code, QStringLiteral("cannot record into")));
            rows.push_back({*ek, point, *mid});
            cause = point.errorKind;
            causeMessage = *mid;
        }
        // Only changes are kept: the status holds until the next one or the end of the run.
        const auto last = m_lastStatus.constFind(*ek);
        if (last != m_lastStatus.constEnd() && *last == status)
            continue;
        if (last == m_lastStatus.constEnd() && status == EndpointStatus::Unknown)
            continue; // every run starts unknown
        m_lastStatus.insert(*ek, status);
        m_insertChange.bind(1, *ek).bind(2, pending.point.timeMs).bind(3, qint64(status));
        if (cause != ErrorKind::None)
            m_insertChange.bind(4, qint64(cause));
        else
            m_insertChange.bindNull(4);
        if (causeMessage)
            m_insertChange.bind(5, qint64(causeMessage));
        else
            m_insertChange.bindNull(5);
        m_insertChange.step();
        const int code = m_insertChange.lastCode();
        m_insertChange.reset();
        if (code != SQLITE_DONE)
            return rollback(m_db.errorFor(code, QStringLiteral("cannot record into")));
    }
    if (m_runId != 0) {
        const bool ending = m_runEnd.has_value();
        m_updateRun.bind(1, ending ? *m_runEnd : at).bind(2, qint64(ending ? 1 : 0)).bind(3, m_runId);
        m_updateRun.step();
        const int code = m_updateRun.lastCode();
        m_updateRun.reset();
        if (code != SQLITE_DONE)
            return rollback(m_db.errorFor(code, QStringLiteral("cannot record into")));
    }
    if (m_segment == 1 && !meta("segment_start")) {
        if (!setMeta("segment_start", m_segmentStartMs) || !setMeta("segment", m_segment))
            return rollback(m_db.lastError(QStringLiteral("cannot record into")));
    }
    if (HistoryError error = m_db.exec("COMMIT"))
        return rollback(error);

    m_recent->append(m_segment, rows);
    for (const HistoryEndpoint &endpoint : std::as_const(m_described))
        m_known.insert(endpoint.key, endpoint);
    m_counters.stored += quint64(rows.size());
    ++m_counters.commits;
    m_pending.clear();
    m_described.clear();
    m_runStart.reset();
    if (m_runEnd) {
        m_runEnd.reset();
        m_runId = 0;
    }
    m_errorShown = false;
    m_lastCommitMs = at;
    noteStall(elapsedUs(timer), "commit");
    if (m_wal.frames > checkpointFrames)
        emit checkpointDue();
    return true;
}

void HistoryWriter::tick()
{
    QElapsedTimer turn;
    turn.start();
    const qint64 cpuBefore = threadCpuUs();
    commit();
    if (m_usable)
        maintain(m_options.maintenanceBudgetMs * 1000);
    m_counters.longestTurnUs = std::max(m_counters.longestTurnUs, elapsedUs(turn));
    m_counters.longestTurnCpuUs = std::max(m_counters.longestTurnCpuUs, threadCpuUs() - cpuBefore);
}

void HistoryWriter::maintain(qint64 budgetUs)
{
    QElapsedTimer timer;
    timer.start();
    while (!m_readBack.empty() && elapsedUs(timer) < budgetUs) {
        if (!readBackSlice(20'000))
            return;
    }
    if (!m_readBack.empty()) {
        QTimer::singleShot(5, this, &HistoryWriter::tick); // go on reading back soon, results or not
        return;
    }
    if (!rotateIfDue(false))
        return;
    // Small slices, each its own transaction, until the budget is spent or nothing is left.
    while (elapsedUs(timer) < budgetUs) {
        if (m_closing) {
            if (!packSlice(250))
                return;
            continue;
        }
        if (rollSlice(1, 250) || rollSlice(2, 250))
            continue;
        if (now() - m_lastRetentionMs > m_options.retentionIntervalMs && retentionSlice(2000))
            continue;
        break;
    }
}

bool HistoryWriter::rotateIfDue(bool force)
{
    if (m_closing)
        return true;
    const qint64 at = now();
    if (!force && at - m_segmentStartMs < m_options.segmentMs)
        return true;
    const std::vector<qint64> eks = m_recent->endpointsOf(m_segment);
    if (force && eks.empty())
        return true;
    QElapsedTimer timer;
    timer.start();
    if (HistoryError error = m_db.exec("BEGIN IMMEDIATE")) {
        fail(error);
        return false;
    }
    const int next = 1 - m_table;
    const bool ok = setMeta("closing_segment", m_segment) && setMeta("closing_next_ek", 0)
        && setMeta("closing_start", m_segmentStartMs) && setMeta("journal_table", next)
        && setMeta("segment", m_segment + 1) && setMeta("segment_start", at);
    if (!ok || m_db.exec("COMMIT")) {
        fail(m_db.lastError(QStringLiteral("cannot record into")));
        m_db.exec("ROLLBACK");
        return false;
    }
    m_closing = Closing{m_table, m_segment, eks, m_segmentStartMs};
    m_table = next;
    ++m_segment;
    m_segmentStartMs = at;
    noteStall(elapsedUs(timer), "rotate");
    return true;
}

// Packs the next endpoints of the closed segment: a chunk row and its data per endpoint, in one
// transaction with the progress, so a crash in between neither loses nor doubles a result.
bool HistoryWriter::packSlice(int limit)
{
    QElapsedTimer timer;
    timer.start();
    Closing &closing = *m_closing;
    std::vector<qint64> done;
    if (HistoryError error = m_db.exec("BEGIN IMMEDIATE")) {
        fail(error);
        return false;
    }
    qint64 maxSpan = m_maxSpanMs;
    const qint64 packedBefore = meta("packed_until").value_or(std::numeric_limits<qint64>::min());
    qint64 packedUntil = packedBefore;
    std::optional<qint64> firstMinute;
    auto abandon = [&] {
        fail(m_db.lastError(QStringLiteral("cannot pack")));
        m_db.exec("ROLLBACK");
        return false;
    };
    std::size_t index = 0;
    for (; index < closing.eks.size() && int(done.size()) < limit; ++index) {
        const qint64 ek = closing.eks[index];
        const auto open = m_recent->find(ek, closing.segment);
        if (!open || open->encoder.isEmpty()) {
            done.push_back(ek);
            continue;
        }
        const QByteArray bytes = open->encoder.bytes(true);
        m_insertChunkData.bind(1, open->encoder.lastMs()).bind(2, QByteArrayView(bytes));
        qint64 dataId = 0;
        if (m_insertChunkData.step())
            dataId = m_insertChunkData.integer(0);
        while (m_insertChunkData.lastCode() == SQLITE_ROW)
            m_insertChunkData.step();
        m_insertChunkData.reset();
        if (dataId == 0)
            return abandon();
        qint64 first = open->encoder.firstMs();
        qint64 last = open->encoder.lastMs();
        // Times in a chunk are in arrival order; its span is over the minutes it touches.
        if (!open->minutes.isEmpty()) {
            first = std::min(first, open->minutes.first().startMs);
            last = std::max(last, open->minutes.last().startMs + 60'000);
            if (!firstMinute || open->minutes.first().startMs < *firstMinute)
                firstMinute = open->minutes.first().startMs;
        }
        maxSpan = std::max(maxSpan, last - first);
        packedUntil = std::max(packedUntil, open->encoder.lastMs());
        const QByteArray minutes = BucketCodec::encode(open->minutes);
        m_insertChunk.bind(1, ek).bind(2, first).bind(3, closing.segment).bind(4, last);
        m_insertChunk.bind(5, qint64(open->encoder.count())).bind(6, dataId).bind(7, QByteArrayView(minutes));
        m_insertChunk.step();
        const int code = m_insertChunk.lastCode();
        m_insertChunk.reset();
        if (code != SQLITE_DONE)
            return abandon();
        done.push_back(ek);
    }
    const bool finished = index >= closing.eks.size();
    bool ok = setMeta("closing_next_ek", finished ? 0 : closing.eks[index]);
    if (ok && maxSpan != m_maxSpanMs)
        ok = setMeta("max_span", maxSpan);
    if (ok && packedUntil != packedBefore)
        ok = setMeta("packed_until", packedUntil);
    if (ok && firstMinute && !meta("rolled_1"))
        ok = setMeta("rolled_1", HistoryPoints::bucketStart(*firstMinute, HistoryResolution::Hour))
            && setMeta("rolled_2", HistoryPoints::bucketStart(*firstMinute, HistoryResolution::Day));
    if (ok && finished) {
        const QByteArray empty = "DELETE FROM journal" + QByteArray::number(closing.table);
        ok = !m_db.exec(empty.constData()) && setMeta("closing_segment", 0);
    }
    if (!ok)
        return abandon();
    if (HistoryError error = m_db.exec("COMMIT")) {
        fail(error);
        m_db.exec("ROLLBACK");
        return false;
    }
    m_maxSpanMs = maxSpan;
    m_recent->remove(done, closing.segment);
    closing.eks.erase(closing.eks.begin(), closing.eks.begin() + qsizetype(index));
    if (finished)
        m_closing.reset();
    noteStall(elapsedUs(timer), "pack");
    return true;
}

// Rolls the next closed hour (level 1, from the chunks' minutes) or day (level 2, from the hours)
// for up to limit endpoints. A period is closed once nothing still in the journal can fall in it.
bool HistoryWriter::rollSlice(int level, int limit)
{
    const char *rolledKey = level == 1 ? "rolled_1" : "rolled_2";
    const char *nextKey = level == 1 ? "rolled_1_next_ek" : "rolled_2_next_ek";
    const auto rolled = meta(rolledKey);
    if (!rolled)
        return false;
    const qint64 period = level == 1 ? hourMs : dayMs;
    const qint64 periodEnd = *rolled + period;
    if (level == 1) {
        // Closed: nothing still open can fall in it, and it is not past the newest packed result
        // (rolling empty hours ahead of the data would shut out results that arrive late).
        const qint64 oldestOpen = m_closing ? m_closing->startMs : m_segmentStartMs;
        if (oldestOpen < periodEnd + m_options.lateMarginMs || meta("packed_until").value_or(0) < periodEnd)
            return false;
    } else if (meta("rolled_1").value_or(0) < periodEnd) {
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const qint64 nextEk = meta(nextKey).value_or(0);
    SqliteStatement eks = m_db.prepare("SELECT ek FROM endpoint WHERE ek >= ? ORDER BY ek LIMIT ?");
    eks.bind(1, nextEk).bind(2, qint64(limit) + 1);
    std::vector<qint64> batch;
    while (eks.step())
        batch.push_back(eks.integer(0));
    const bool finished = int(batch.size()) <= limit;
    const qint64 resume = finished ? 0 : batch.back();
    if (!finished)
        batch.pop_back();

    if (HistoryError error = m_db.exec("BEGIN IMMEDIATE")) {
        fail(error);
        return false;
    }
    SqliteStatement source = level == 1
        ? m_db.prepare("SELECT minutes FROM chunk WHERE ek = ? AND t_first >= ? AND t_first < ?")
        : m_db.prepare("SELECT bucket FROM rollup WHERE level = 1 AND ek = ? AND t >= ? AND t < ?");
    SqliteStatement insert = m_db.prepare("INSERT OR REPLACE INTO rollup VALUES(?, ?, ?, ?)");
    for (const qint64 ek : batch) {
        const qint64 from = level == 1 ? *rolled - m_maxSpanMs : *rolled;
        source.bind(1, ek).bind(2, from).bind(3, periodEnd);
        HistoryBucket total;
        total.startMs = *rolled;
        while (source.step()) {
            const auto buckets = BucketCodec::decode(source.blob(0));
            if (!buckets)
                continue; // a damaged row costs its own minutes, not the hour
            for (const HistoryBucket &bucket : *buckets) {
                if (bucket.startMs >= *rolled && bucket.startMs < periodEnd)
                    total.merge(bucket);
            }
        }
        source.reset();
        if (total.total() == 0)
            continue;
        const QByteArray bytes = BucketCodec::encode({total});
        insert.bind(1, qint64(level)).bind(2, ek).bind(3, *rolled).bind(4, QByteArrayView(bytes));
        insert.step();
        const int code = insert.lastCode();
        insert.reset();
        if (code != SQLITE_DONE) {
            fail(m_db.errorFor(code, QStringLiteral("cannot roll up")));
            m_db.exec("ROLLBACK");
            return false;
        }
    }
    const bool ok = finished ? setMeta(rolledKey, periodEnd) && setMeta(nextKey, 0) : setMeta(nextKey, resume);
    if (!ok || m_db.exec("COMMIT")) {
        fail(m_db.lastError(QStringLiteral("cannot roll up")));
        m_db.exec("ROLLBACK");
        return false;
    }
    noteStall(elapsedUs(timer), "roll");
    return true;
}

// One step of retention: the oldest raw chunks past rawDays (or over the size cap), then minute
// rows past minuteDays and hour rows past hourDays, a slice of endpoints at a time. Freed pages are
// reused; with a size cap, a few are given back to the file system (incremental vacuum) per step.
bool HistoryWriter::retentionSlice(int limit)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 at = now();
    const qint64 rawCutoff = at - qint64(m_options.rawDays) * dayMs;
    // Minutes go only once their hour is rolled up, hours once their day is.
    const qint64 minuteCutoff = std::min(at - qint64(std::max(m_options.minuteDays, m_options.rawDays)) * dayMs,
                                         meta("rolled_1").value_or(0) - m_maxSpanMs);
    const qint64 hourCutoff = std::min(at - qint64(std::max(m_options.hourDays, m_options.minuteDays)) * dayMs,
                                       meta("rolled_2").value_or(0));
    bool overCap = false;
    if (m_options.sizeCapBytes > 0) {
        const auto pages = m_db.integer("PRAGMA page_count");
        const auto freePages = m_db.integer("PRAGMA freelist_count");
        overCap = pages && freePages && (*pages - *freePages) * 4096 > m_options.sizeCapBytes;
    }
    if (HistoryError error = m_db.exec("BEGIN IMMEDIATE")) {
        fail(error);
        return false;
    }
    int changed = 0;
    {
        SqliteStatement oldest = m_db.prepare("SELECT id, t_last FROM chunk_data ORDER BY id LIMIT ?");
        SqliteStatement drop = m_db.prepare("DELETE FROM chunk_data WHERE id = ?");
        oldest.bind(1, qint64(limit));
        std::vector<qint64> ids;
        while (oldest.step()) {
            if (oldest.integer(1) >= rawCutoff && !overCap)
                break;
            ids.push_back(oldest.integer(0));
        }
        for (const qint64 id : ids) {
            drop.bind(1, id);
            drop.step();
            drop.reset();
        }
        changed += int(ids.size());
    }
    const qint64 sweepEk = meta("retention_next_ek").value_or(0);
    SqliteStatement eks = m_db.prepare("SELECT ek FROM endpoint WHERE ek >= ? ORDER BY ek LIMIT 200");
    eks.bind(1, sweepEk);
    SqliteStatement dropMinutes = m_db.prepare("DELETE FROM chunk WHERE ek = ? AND t_first < ?");
    SqliteStatement dropHours = m_db.prepare("DELETE FROM rollup WHERE level = 1 AND ek = ? AND t < ?");
    qint64 last = -1;
    int swept = 0;
    while (eks.step()) {
        last = eks.integer(0);
        ++swept;
        dropMinutes.bind(1, last).bind(2, minuteCutoff);
        dropMinutes.step();
        dropMinutes.reset();
        dropHours.bind(1, last).bind(2, hourCutoff);
        dropHours.step();
        dropHours.reset();
    }
    const bool sweepDone = swept < 200;
    bool ok = setMeta("retention_next_ek", sweepDone ? 0 : last + 1);
    if (ok && m_options.sizeCapBytes > 0)
        ok = !m_db.exec("PRAGMA incremental_vacuum(256)");
    if (!ok || m_db.exec("COMMIT")) {
        fail(m_db.lastError(QStringLiteral("cannot apply retention to")));
        m_db.exec("ROLLBACK");
        return false;
    }
    noteStall(elapsedUs(timer), "retention");
    if (sweepDone && changed < limit)
        m_lastRetentionMs = at; // caught up: look again after retentionIntervalMs
    return changed > 0 || !sweepDone;
}

void HistoryWriter::compactAll(QPromise<void> &done)
{
    commit();
    while (m_usable && readBackSlice(20'000)) { }
    if (m_usable) {
        for (int round = 0; round < 2; ++round) {
            while (m_closing && packSlice(250)) { }
            rotateIfDue(true);
        }
        while (m_closing && packSlice(250)) { }
        while (rollSlice(1, 250) || rollSlice(2, 250)) { }
        m_lastRetentionMs = 0;
        while (retentionSlice(2000)) { }
    }
    done.finish();
}

// What the writer's turns would do over the next while, at once and without a budget: the journal
// read back, a segment the clock has closed rotated and packed, closed hours and days rolled up,
// retention if it is due. Unlike compactAll it closes no segment early, so a history written with
// past times under a clock of its own (the benchmark's backfill) gets the segments, chunks and
// rollups that recording in real time would have made.
void HistoryWriter::settle(QPromise<void> &done)
{
    commit();
    while (m_usable && readBackSlice(20'000)) { }
    if (m_usable)
        maintain(std::numeric_limits<qint64>::max());
    done.finish();
}

void HistoryWriter::close()
{
    if (!m_db.isOpen())
        return;
    m_commitTimer.stop();
    m_heartbeat.stop();
    if (m_runId != 0)
        m_runEnd = now();
    commit();
    m_usable = false;
    m_insertJournal[0] = {};
    m_insertJournal[1] = {};
    m_insertChange = {};
    m_upsertEndpoint = {};
    m_findEndpoint = {};
    m_insertMessage = {};
    m_findMessage = {};
    m_insertRun = {};
    m_updateRun = {};
    m_getMeta = {};
    m_setMeta = {};
    m_insertChunkData = {};
    m_insertChunk = {};
    m_db.close();
}
