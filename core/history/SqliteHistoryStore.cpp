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
    auto done = std::make_shared<QPromise<void>>();
    QFuture<void> future = done->future();
    done->start();
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, done] { writer->flush(*done); });
    co_await future;
}

QCoro::Task<> SqliteHistoryStore::compact()
{
    auto done = std::make_shared<QPromise<void>>();
    QFuture<void> future = done->future();
    done->start();
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, done] { writer->compactAll(*done); });
    co_await future;
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

template<typename T> QCoro::Task<T> SqliteHistoryStore::read(std::function<T(HistoryReader &)> query)
{
    QFuture<T> future = QtConcurrent::run(&m_readers, [this, query = std::move(query)] {
        HistoryError error;
        auto reader = takeReader(&error);
        if (!reader)
            return T{};
        T answer = query(*reader);
        giveBack(std::move(reader));
        return answer;
    });
    T answer = co_await future;
    co_return answer;
}

// Each query is a named std::function before the co_await: GCC 12 destroys a lambda temporary
// inside a co_await expression twice (its captures with it), seen here under valgrind.
QCoro::Task<QList<HistoryEndpoint>> SqliteHistoryStore::endpoints()
{
    std::function<QList<HistoryEndpoint>(HistoryReader &)> query
        = [](HistoryReader &reader) { return reader.endpoints(); };
    QList<HistoryEndpoint> answer = co_await read(std::move(query));
    co_return answer;
}

QCoro::Task<HistorySeries> SqliteHistoryStore::series(QString key, HistoryRange range, HistoryResolution resolution)
{
    std::function<HistorySeries(HistoryReader &)> query
        = [key, range, resolution](HistoryReader &reader) { return reader.series(key, range, resolution); };
    HistorySeries answer = co_await read(std::move(query));
    co_return answer;
}

QCoro::Task<QList<HistoryRun>> SqliteHistoryStore::runs(HistoryRange range)
{
    std::function<QList<HistoryRun>(HistoryReader &)> query
        = [range](HistoryReader &reader) { return reader.runs(range); };
    QList<HistoryRun> answer = co_await read(std::move(query));
    co_return answer;
}

QCoro::Task<QList<HistoryOutage>> SqliteHistoryStore::outages(QStringList keys, HistoryRange range)
{
    std::function<QList<HistoryOutage>(HistoryReader &)> query
        = [keys, range](HistoryReader &reader) { return reader.outages(keys, range); };
    QList<HistoryOutage> answer = co_await read(std::move(query));
    co_return answer;
}

QCoro::Task<QList<HistoryUptime>> SqliteHistoryStore::uptime(QStringList keys, HistoryRange range)
{
    std::function<QList<HistoryUptime>(HistoryReader &)> query
        = [keys, range](HistoryReader &reader) { return reader.uptime(keys, range); };
    QList<HistoryUptime> answer = co_await read(std::move(query));
    co_return answer;
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
        if (db.open(m_path, SqliteConnection::Mode::ReadWrite))
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
    if ((error = source.open(path, SqliteConnection::Mode::ReadOnly)))
        return error;
    if (QFileInfo::exists(dest))
        return {HistoryError::Kind::Io, QStringLiteral("%1 exists already; a backup never overwrites").arg(dest)};
    SqliteConnection target;
    if ((error = target.open(dest, SqliteConnection::Mode::Create)))
        return error;
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
