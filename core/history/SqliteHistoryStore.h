#pragma once

#include "HistoryOptions.h"
#include "HistoryStore.h"
#include "HistoryWriter.h"

#include <QFuture>
#include <QMutex>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class HistoryReader;
class RecentChunks;

// The history on disk, in one SQLite file (docs/history.md). Recording goes over queued calls to a
// HistoryWriter on a thread of its own, the only write connection; queries run on a small pool of
// reader threads, each with its own read-only connection (WAL lets them read beside the writer),
// and are awaited as QFutures, so the caller's thread never waits for the disk.
class SqliteHistoryStore final : public HistoryStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqliteHistoryStore)

public:
    // Checks the file first (HistorySchema::inspect) and refuses, untouched, a file that is not a
    // Pingscope history, is damaged or is newer; creates a missing one. The writer reads the journal
    // back on its own thread: open returns at once. A file that cannot be written is reported
    // through failed(), with nothing in it changed.
    static std::unique_ptr<SqliteHistoryStore> open(const QString &path, HistoryOptions options, HistoryError *error);
    ~SqliteHistoryStore() override; // commits what is pending and ends a live run

    QString path() const { return m_path; }

    void describe(const QList<HistoryEndpoint> &endpoints) override;
    void beginRun(qint64 atMs) override;
    void append(const QList<HistoryEntry> &entries) override;
    void mark(const QList<HistoryStatusMark> &marks) override;
    void endRun(qint64 atMs) override;

    QCoro::Task<QList<HistoryEndpoint>> endpoints() override;
    QCoro::Task<HistorySeries> series(QString key, HistoryRange range, HistoryResolution resolution) override;
    QCoro::Task<QList<HistoryRun>> runs(HistoryRange range) override;
    QCoro::Task<QList<HistoryOutage>> outages(QStringList keys, HistoryRange range) override;
    QCoro::Task<QList<HistoryUptime>> uptime(QStringList keys, HistoryRange range) override;
    QCoro::Task<> flush() override;

    // Packs every journal row into chunks, rolls up and applies retention now (tests, benchmarks,
    // backups); while monitoring the writer does this by itself in small slices.
    QCoro::Task<> compact();
    // Commits, then does at once the packing, rollups and retention that are due by the clock, as the
    // writer would in its own time, without closing a segment early (benchmarks writing past times).
    QCoro::Task<> settle();
    // The writer's figures; waits for it (benchmarks and tests only).
    HistoryWriter::Counters counters();
    // A consistent copy of the file at dest, taken with SQLite's online backup while recording goes on.
    static HistoryError backup(const QString &path, const QString &dest);

private:
    SqliteHistoryStore(QString path, HistoryOptions options, bool create);

    // Runs the query on a reader thread.
    template<typename T> QFuture<T> read(std::function<T(HistoryReader &)> query);
    template<typename T> static QCoro::Task<T> awaited(QFuture<T> future);
    QFuture<void> queueOnWriter(void (HistoryWriter::*call)(QPromise<void> &));
    std::unique_ptr<HistoryReader> takeReader(HistoryError *error);
    void giveBack(std::unique_ptr<HistoryReader> reader);
    void checkpoint();

    QString m_path;
    std::shared_ptr<RecentChunks> m_recent;
    QThread m_thread;
    HistoryWriter *m_writer; // lives in m_thread
    QThreadPool m_readers;
    QMutex m_readersMutex;
    std::vector<std::unique_ptr<HistoryReader>> m_idle;
    std::atomic<bool> m_checkpointQueued{false};
    QMutex m_checkpointMutex;
};
