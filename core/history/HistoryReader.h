#pragma once

#include "HistoryTypes.h"
#include "RecentChunks.h"
#include "SqliteDatabase.h"
#include "StatusTimeline.h"

#include <QHash>
#include <QStringList>

#include <functional>
#include <memory>
#include <unordered_map>

// Queries over a history file on a connection of its own, synchronously: SqliteHistoryStore runs
// them on its reader threads, the headless commands on theirs. Each query reads one snapshot (one
// read transaction), so it never sees half of a commit or of a packing step. In the writer's
// process the open chunks come from memory (RecentChunks); elsewhere the journal is read instead.
class HistoryReader final
{
public:
    // Opens path read-only after the checks of HistorySchema::inspect; a missing file is an error.
    static std::unique_ptr<HistoryReader> open(const QString &path, std::shared_ptr<const RecentChunks> recent,
                                               HistoryError *error);

    QList<HistoryEndpoint> endpoints();
    QList<HistoryRun> runs(HistoryRange range);
    HistorySeries series(const QString &key, HistoryRange range, HistoryResolution resolution);
    QList<HistoryOutage> outages(const QStringList &keys, HistoryRange range);
    QList<HistoryUptime> uptime(const QStringList &keys, HistoryRange range);
    // Every stored result of the keys (all when empty) in range, endpoint by endpoint, each in time
    // order, a day at a time, so memory stays small; visit returns false to stop.
    using Visit = std::function<bool(const HistoryEndpoint &, const HistoryPoint &)>;
    void forEachPoint(const QStringList &keys, HistoryRange range, const Visit &visit);

    HistoryError lastError() const { return m_error; }
    void setNow(qint64 nowMs) { m_nowMs = nowMs; } // for tests; the wall clock otherwise

private:
    HistoryReader(SqliteConnection db, std::shared_ptr<const RecentChunks> recent);

    struct Open
    {
        bool fromMemory = false;
        QList<RecentChunks::Open> chunks; // in the writer's process
        QList<HistoryPoint> journal; // elsewhere
        QList<qint64> journalEks; // of each journal point, when all endpoints were asked for (ek -1)
    };

    qint64 now() const;
    Open openPart(qint64 ek, HistoryRange range);
    void appendDecoded(QByteArrayView bytes, HistoryRange range, QList<HistoryPoint> &into);
    template<typename Each> void forEachKey(const QStringList &keys, Each each);
    std::optional<qint64> ekOf(const QString &key);
    QList<HistoryPoint> points(qint64 ek, HistoryRange range);
    QList<HistoryBucket> minutes(qint64 ek, HistoryRange range);
    QList<HistoryBucket> rollups(qint64 ek, HistoryRange range, HistoryResolution resolution);
    QList<StatusChangeRow> changes(qint64 ek, qint64 fromMs, qint64 toMs);
    QString message(quint32 id);
    qint64 metaValue(const char *key, qint64 fallback);
    SqliteStatement &cached(const char *sql); // sql: a string literal; reset, ready to bind
    bool begin();
    void end();

    SqliteConnection m_db;
    std::shared_ptr<const RecentChunks> m_recent;
    QHash<quint32, QString> m_messages;
    QHash<QByteArray, qint64> m_meta; // read once per transaction
    std::optional<QHash<qint64, QList<HistoryPoint>>> m_journalCache; // during forEachPoint
    std::unordered_map<const char *, SqliteStatement> m_statements; // by the literal's address
    HistoryError m_error;
    qint64 m_nowMs = 0;
};
