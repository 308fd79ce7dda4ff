#pragma once

#include "HistoryOptions.h"
#include "HistoryTypes.h"
#include "RecentChunks.h"
#include "SqliteDatabase.h"

#include <QHash>
#include <QObject>
#include <QPromise>
#include <QTimer>

#include <memory>
#include <vector>

// The only writer of a history file, on a thread of its own (SqliteHistoryStore starts it). Results
// come in batches over queued calls, wait at most commitIntervalMs, and go into the journal in one
// transaction per commit, in the order they arrived. Between commits, in slices of at most
// maintenanceBudgetMs each in its own transaction, it packs closed journal segments into per-endpoint
// chunks with their minute rollups, rolls minutes into hours and hours into days, and drops what
// retention says. Nothing it does holds the writer longer than a slice: no full VACUUM, ever.
class HistoryWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryWriter)

public:
    struct Counters
    {
        quint64 stored = 0; // results committed
        quint64 dropped = 0; // results given up while the disk refused them
        qint64 longestStallUs = 0; // the longest single transaction or slice
        const char *longestStallKind = ""; // what it was: "commit", "pack", "roll", "retention", …
        qint64 longestTurnUs = 0; // the longest turn (a commit and the slices after it): results wait this long
        qint64 longestTurnCpuUs = 0; // the most CPU time of the writer's thread in one turn (what load cannot lengthen)
        quint64 walFrames = 0; // pages appended to the WAL
        quint64 commits = 0;
    };
    struct WalState
    {
        Counters *counters = nullptr;
        int frames = 0; // in the WAL now
    };
    // The writer never checkpoints (that would stall it on fsync): past this many WAL pages it asks
    // the store's checkpointer, on another connection and thread, for a passive checkpoint.
    static constexpr int checkpointFrames = 1000;

    HistoryWriter(QString path, bool create, HistoryOptions options, std::shared_ptr<RecentChunks> recent);
    ~HistoryWriter() override;

    // All on the writer's thread, through queued calls.
    void open(); // reads the journal back into memory; failed() if the file cannot be written
    void describe(const QList<HistoryEndpoint> &endpoints);
    void beginRun(qint64 atMs);
    void append(const QList<HistoryEntry> &entries);
    void mark(const QList<HistoryStatusMark> &marks);
    void endRun(qint64 atMs);
    void flush(QPromise<void> &done); // commits what is pending
    void compactAll(QPromise<void> &done); // packs every journal row and rolls up now
    void settle(QPromise<void> &done); // commits and does all maintenance due by the clock now
    void close(); // commits, then closes the connection
    Counters counters() const;

signals:
    void failed(const HistoryError &error);
    void checkpointDue();

private:
    struct PendingResult
    {
        QString key;
        HistoryPoint point; // for a mark, only its time
        EndpointStatus status;
        bool isMark;
    };
    struct Closing
    {
        int table = 0;
        qint64 segment = 0;
        std::vector<qint64> eks; // still to pack, ascending
        qint64 startMs = 0;
    };

    qint64 now() const;
    bool prepareStatements();
    bool commit();
    void tick();
    void maintain(qint64 budgetUs);
    bool rotateIfDue(bool force);
    bool packSlice(int limit);
    bool rollSlice(int level, int limit);
    bool retentionSlice(int limit);
    bool recover();
    bool readBackSlice(int limit);
    void fail(const HistoryError &error);
    void noteStall(qint64 us, const char *kind);
    std::optional<qint64> meta(const char *key);
    bool setMeta(const char *key, qint64 value);
    std::optional<qint64> endpointKey(const QString &key, const HistoryEndpoint *described);
    std::optional<quint32> messageId(const QString &text);

    QString m_path;
    bool m_create;
    HistoryOptions m_options;
    std::shared_ptr<RecentChunks> m_recent;
    SqliteConnection m_db;
    bool m_usable = false;
    QTimer m_commitTimer;
    QTimer m_heartbeat;

    SqliteStatement m_insertJournal[2];
    SqliteStatement m_insertChange;
    SqliteStatement m_upsertEndpoint;
    SqliteStatement m_findEndpoint;
    SqliteStatement m_insertMessage;
    SqliteStatement m_findMessage;
    SqliteStatement m_insertRun;
    SqliteStatement m_updateRun;
    SqliteStatement m_getMeta;
    SqliteStatement m_setMeta;
    SqliteStatement m_insertChunkData;
    SqliteStatement m_insertChunk;

    QList<PendingResult> m_pending;
    QList<HistoryEndpoint> m_described;
    std::optional<qint64> m_runStart; // a run to insert at the next commit
    std::optional<qint64> m_runEnd; // the current run ends at the next commit
    qint64 m_runId = 0;

    QHash<QString, qint64> m_eks;
    QHash<QString, HistoryEndpoint> m_known;
    QHash<QString, quint32> m_messages;
    QHash<qint64, EndpointStatus> m_lastStatus;

    int m_table = 0; // the journal table filling now
    qint64 m_segment = 1;
    qint64 m_segmentStartMs = 0;
    std::optional<Closing> m_closing;
    struct ReadBack
    {
        int table;
        qint64 segment;
        qint64 fromEk; // rows of endpoints below were packed before the stop
        qint64 afterRowid;
        qint64 lastRowid; // what was there at the open
    };
    std::vector<ReadBack> m_readBack; // journal rows still to read back into memory
    qint64 m_maxSpanMs = 0;
    qint64 m_lastRetentionMs = 0;
    bool m_errorShown = false;
    qint64 m_lastCommitMs = 0;
    Counters m_counters;
    WalState m_wal;
};
