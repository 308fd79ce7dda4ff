#pragma once

#include "HistoryTypes.h"

#include <QCoroTask>
#include <QObject>
#include <QStringList>

// Where results go to be kept, and where charts, uptime and outages come from: the seam between
// the engine and what remembers it. Two implementations: MemoryHistoryStore (the last few results per
// endpoint, for the window without a history file) and SqliteHistoryStore (everything, on disk).
//
// Recording calls are for the thread the store lives in and never wait for the disk; a failure to
// store comes back as failed(). Queries are coroutines that never block the caller's thread. Every
// endpoint is named by its stable key (its id in the profile), so renames and edits keep its history.
class HistoryStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    using QObject::QObject;
    ~HistoryStore() override = default;

    // Recording.
    virtual void describe(const QList<HistoryEndpoint> &endpoints) = 0; // names and targets, now
    virtual void beginRun(qint64 atMs) = 0; // Pingscope starts recording; statuses start unknown
    virtual void append(const QList<HistoryEntry> &entries) = 0; // in the order they were recorded
    virtual void mark(const QList<HistoryStatusMark> &marks) = 0; // status changes no probe caused
    virtual void endRun(qint64 atMs) = 0; // recording stops; what was down is down no longer observed

    // Queries. keys empty = every endpoint the history knows.
    virtual QCoro::Task<QList<HistoryEndpoint>> endpoints() = 0;
    virtual QCoro::Task<HistorySeries> series(QString key, HistoryRange range, HistoryResolution resolution) = 0;
    virtual QCoro::Task<QList<HistoryRun>> runs(HistoryRange range) = 0;
    virtual QCoro::Task<QList<HistoryOutage>> outages(QStringList keys, HistoryRange range) = 0; // by start
    virtual QCoro::Task<QList<HistoryUptime>> uptime(QStringList keys, HistoryRange range) = 0; // by key
    // Resumes once everything recorded before the call is stored (and readable by queries).
    virtual QCoro::Task<> flush() = 0;

signals:
    void failed(const HistoryError &error);
};
