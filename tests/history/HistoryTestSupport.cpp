#include "HistoryTestSupport.h"

#include "CoroTest.h"
#include "history/HistoryOptions.h"
#include "history/SqliteDatabase.h"
#include "history/SqliteHistoryStore.h"

#include <QFile>

ProbeResult HistoryTest::result(qint64 startedMs, ProbeStatus status, qint64 latencyUs, ErrorKind kind, QString message)
{
    ProbeResult result;
    result.started = historyTimeOf(startedMs);
    result.status = status;
    result.latency = std::chrono::microseconds(latencyUs);
    result.errorKind = kind;
    result.errorMessage = std::move(message);
    if (status != ProbeStatus::Down)
        result.httpStatus = 200;
    return result;
}

QList<HistoryEntry> HistoryTest::entries(const QString &key, const QList<ProbeResult> &results, EndpointStatus status)
{
    QList<HistoryEntry> all;
    for (const ProbeResult &result : results)
        all << HistoryEntry{key, result, status};
    return all;
}

std::unique_ptr<SqliteHistoryStore> HistoryTest::open(const QString &path, const HistoryOptions &options)
{
    HistoryError error;
    auto store = SqliteHistoryStore::open(path, options, &error);
    if (!store) {
        qWarning("refused: %s", qPrintable(error.message));
        return store;
    }
    QObject::connect(store.get(), &HistoryStore::failed, store.get(),
                     [](const HistoryError &failure) { qWarning("history failed: %s", qPrintable(failure.message)); });
    return store;
}

void HistoryTest::flush(SqliteHistoryStore &store)
{
    QVERIFY(CoroTest::run(store.flush()));
}

void HistoryTest::compact(SqliteHistoryStore &store)
{
    QVERIFY(CoroTest::run(store.compact(), std::chrono::seconds(60)));
}

HistorySeries HistoryTest::series(SqliteHistoryStore &store, const QString &key, HistoryRange range,
                                  HistoryResolution resolution)
{
    return CoroTest::await(store.series(key, range, resolution)).value_or(HistorySeries{});
}

QByteArray HistoryTest::fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::optional<qint64> HistoryTest::sqliteInteger(const QString &path, const char *sql)
{
    SqliteConnection db;
    if (db.open(path, SqliteConnection::Mode::ReadOnly))
        return std::nullopt;
    return db.integer(sql);
}

QString HistoryTest::integrityCheck(const QString &path)
{
    SqliteConnection db; // read-write: after a kill, the first connection rebuilds the WAL index
    if (HistoryError error = db.open(path, SqliteConnection::Mode::ReadWrite))
        return error.message;
    SqliteStatement check = db.prepare("PRAGMA integrity_check");
    return check.step() ? check.text(0) : QStringLiteral("no answer");
}
