#include "SqliteHistoryStore.h"

#include "HistoryReader.h"
#include "HistorySchema.h"
#include "RecentChunks.h"
#include "SqliteDatabase.h"

#include <QCoroFuture>
#include <QFileInfo>
#include <QMutexLocker>
#include <QPromise>
#include <QtConcurrent>

#include <sqlite3.h>

std::unique_ptr<SqliteHistoryStore> SqliteHistoryStore::open(const QString &path, HistoryOptions options,
                                                             HistoryError *error)
{
    bool create = false;
    *error = HistorySchema::inspect(path, &create);
    if (*error)
        return nullptr;
    if (create && QFileInfo::exists(path)) {
        // An empty file: SQLite would take it as a new database, which is what an empty file is.
    }
    return std::unique_ptr<SqliteHistoryStore>(new SqliteHistoryStore(path, std::move(options), create));
}

SqliteHistoryStore::SqliteHistoryStore(QString path, HistoryOptions options, bool create)
    : m_path(std::move(path))
    , m_recent(std::make_shared<RecentChunks>())
    , m_writer(new HistoryWriter(m_path, create, std::move(options), m_recent))
{
    qRegisterMetaType<HistoryError>();
    m_thread.setObjectName(QStringLiteral("history writer"));
    m_writer->moveToThread(&m_thread);
    connect(m_writer, &HistoryWriter::failed, this, &HistoryStore::failed, Qt::QueuedConnection);
    connect(m_writer, &HistoryWriter::checkpointDue, this, &SqliteHistoryStore::checkpoint, Qt::QueuedConnection);
    m_thread.start();
    // The file is created (or the journal read back) on the writer's thread before anything else.
    QMetaObject::invokeMethod(m_writer, &HistoryWriter::open, Qt::QueuedConnection);
    m_readers.setMaxThreadCount(2);
}

SqliteHistoryStore::~SqliteHistoryStore()
{
    QMetaObject::invokeMethod(
        m_writer,
        [writer = m_writer] {
            writer->close();
            delete writer;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_readers.waitForDone();
    const QMutexLocker lock(&m_checkpointMutex);
}

void SqliteHistoryStore::describe(const QList<HistoryEndpoint> &endpoints)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, endpoints] { writer->describe(endpoints); });
}

void SqliteHistoryStore::beginRun(qint64 atMs)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, atMs] { writer->beginRun(atMs); });
}

void SqliteHistoryStore::append(const QList<HistoryEntry> &entries)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, entries] { writer->append(entries); });
}

void SqliteHistoryStore::mark(const QList<HistoryStatusMark> &marks)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, marks] { writer->mark(marks); });
}

void SqliteHistoryStore::endRun(qint64 atMs)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, atMs] { writer->endRun(atMs); });
}

QCoro::Task<> SqliteHistoryStore::flush()
{
    return awaited(queueOnWriter(&HistoryWriter::flush));
}

QCoro::Task<> SqliteHistoryStore::compact()
{
    return awaited(queueOnWriter(&HistoryWriter::compactAll));
}

QCoro::Task<> SqliteHistoryStore::settle()
{
    return awaited(queueOnWriter(&HistoryWriter::settle));
}

// The promise is shared with the queued call, which keeps it alive until the writer has finished it.
QFuture<void> SqliteHistoryStore::queueOnWriter(void (HistoryWriter::*call)(QPromise<void> &))
{
    auto done = std::make_shared<QPromise<void>>();
    QFuture<void> future = done->future();
    done->start();
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, call, done] { (writer->*call)(*done); });
    return future;
}

HistoryWriter::Counters SqliteHistoryStore::counters()
{
    HistoryWriter::Counters counters;
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, &counters] { counters = writer->counters(); }, Qt::BlockingQueuedConnection);
    return counters;
}

std::unique_ptr<HistoryReader> SqliteHistoryStore::takeReader(HistoryError *error)
{
    {
        const QMutexLocker lock(&m_readersMutex);
        if (!m_idle.empty()) {
            auto reader = std::move(m_idle.back());
            m_idle.pop_back();
            return reader;
        }
    }
    return HistoryReader::open(m_path, m_recent, error);
}

void SqliteHistoryStore::giveBack(std::unique_ptr<HistoryReader> reader)
{
    const QMutexLocker lock(&m_readersMutex);
    m_idle.push_back(std::move(reader));
}

template<typename T> QFuture<T> SqliteHistoryStore::read(std::function<T(HistoryReader &)> query)
{
    return QtConcurrent::run(&m_readers, [this, query = std::move(query)] {
        HistoryError error;
        auto reader = takeReader(&error);
        if (!reader)
            return T{};
        T answer = query(*reader);
        giveBack(std::move(reader));
        return answer;
    });
}

// The only coroutine here, and it takes nothing but the future: the queries and the calls to the
// writer are built by plain functions before it, so no lambda is made inside a coroutine frame (GCC 12
// destroyed a lambda temporary inside a co_await expression twice, its captures with it, seen here
// under valgrind) and no reference can outlive the caller's statement.
template<typename T> QCoro::Task<T> SqliteHistoryStore::awaited(QFuture<T> future)
{
    if constexpr (std::is_void_v<T>) {
        co_await future;
    } else {
        T answer = co_await future;
        co_return answer;
    }
}

QCoro::Task<QList<HistoryEndpoint>> SqliteHistoryStore::endpoints()
{
    return awaited(read<QList<HistoryEndpoint>>([](HistoryReader &reader) { return reader.endpoints(); }));
}

QCoro::Task<HistorySeries> SqliteHistoryStore::series(QString key, HistoryRange range, HistoryResolution resolution)
{
    return awaited(read<HistorySeries>([key = std::move(key), range, resolution](HistoryReader &reader) {
        return reader.series(key, range, resolution);
    }));
}

QCoro::Task<QList<HistoryRun>> SqliteHistoryStore::runs(HistoryRange range)
{
    return awaited(read<QList<HistoryRun>>([range](HistoryReader &reader) { return reader.runs(range); }));
}

QCoro::Task<QList<HistoryOutage>> SqliteHistoryStore::outages(QStringList keys, HistoryRange range)
{
    return awaited(read<QList<HistoryOutage>>(
        [keys = std::move(keys), range](HistoryReader &reader) { return reader.outages(keys, range); }));
}

QCoro::Task<QList<HistoryUptime>> SqliteHistoryStore::uptime(QStringList keys, HistoryRange range)
{
    return awaited(read<QList<HistoryUptime>>(
        [keys = std::move(keys), range](HistoryReader &reader) { return reader.uptime(keys, range); }));
}

// Passive: copies what no reader needs into the file without waiting for anyone, on a connection and
// a thread of its own, so the fsync it does never stalls the writer.
void SqliteHistoryStore::checkpoint()
{
    if (m_checkpointQueued.exchange(true))
        return;
    m_readers.start([this] {
        const QMutexLocker lock(&m_checkpointMutex);
        m_checkpointQueued = false;
        SqliteConnection db;
        // The schema first: a connection that has read nothing does not know yet that the file is in
        // WAL mode, and sqlite3_wal_checkpoint_v2 on it returns SQLITE_OK having done nothing. The
        // WAL then grew for as long as recording went on (45 MB in 90 s at 10,000 results/s, 18 GB
        // in a benchmark's backfill) while the file itself kept its first page.
        if (db.open(m_path, SqliteConnection::Mode::ReadWrite) || db.exec("SELECT count(*) FROM sqlite_schema"))
            return;
        sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    });
}

HistoryError SqliteHistoryStore::backup(const QString &path, const QString &dest)
{
    HistoryError error;
    auto reader = HistoryReader::open(path, nullptr, &error);
    if (!reader)
        return error;
    reader.reset();
    SqliteConnection source;
    if (HistoryError opened = source.open(path, SqliteConnection::Mode::ReadOnly))
        return opened;
    if (QFileInfo::exists(dest))
        return {HistoryError::Kind::Io, QStringLiteral("%1 exists already; a backup never overwrites").arg(dest)};
    SqliteConnection target;
    if (HistoryError opened = target.open(dest, SqliteConnection::Mode::Create))
        return opened;
    sqlite3_backup *copy = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
    if (!copy)
        return target.lastError(QStringLiteral("cannot back up into"));
    int code = SQLITE_OK;
    // A few hundred pages at a time, so a writer in another process is held only briefly.
    do {
        code = sqlite3_backup_step(copy, 256);
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            sqlite3_sleep(5);
    } while (code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED);
    sqlite3_backup_finish(copy);
    if (code != SQLITE_DONE)
        return target.errorFor(code, QStringLiteral("cannot back up into"));
    return {};
}
