#pragma once

#include "HistoryStore.h"
#include "StatusTimeline.h"

#include <QHash>
#include <QSet>

#include <deque>

// The history without a file: the last few results of every endpoint and its recent status changes,
// in memory, so the detail pane shows a chart the moment an endpoint is selected. Bounded per
// endpoint; answers every query at once from what it holds.
class MemoryHistoryStore final : public HistoryStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryHistoryStore)

public:
    static constexpr int defaultPerEndpoint = 30;
    static constexpr int changesPerEndpoint = 1000;

    explicit MemoryHistoryStore(int perEndpoint = defaultPerEndpoint, QObject *parent = nullptr);

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

    // What it holds, at once and whole (certificates, ICMP reply times): the window's detail pane
    // reads the recent results this way.
    const std::deque<ProbeResult> &recent(const QString &key) const; // oldest first
    void forget(const QString &key);
    void keepOnly(const QSet<QString> &keys); // forgets every other endpoint, described or kept

private:
    struct Kept
    {
        std::deque<ProbeResult> results;
        QList<StatusChangeRow> changes;
        EndpointStatus last = EndpointStatus::Unknown;
    };

    void change(Kept &kept, StatusChangeRow row);
    QList<HistoryRun> runsNow() const;
    QStringList keysOr(const QStringList &keys) const;

    int m_perEndpoint;
    QHash<QString, Kept> m_kept;
    QHash<QString, HistoryEndpoint> m_endpoints;
    QList<HistoryRun> m_runs;
};
