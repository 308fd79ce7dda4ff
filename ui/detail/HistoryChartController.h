#pragma once

#include "HistoryChartData.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class HistoryStore;
class LatencyChart;

// Feeds the latency chart from a HistoryStore: for the endpoint shown and the range in view it reads
// the series at the finest resolution that fits in the chart's points (historyResolutionFor), the
// runs and the outages, awaiting the store's tasks so the window never waits for the disk. A range
// that ends now follows the clock and is read again as results come; one the user zoomed or
// panned to stays put until Home or a new range.
class HistoryChartController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryChartController)

public:
    static constexpr qint64 minimumSpanMs = 60'000;
    static constexpr qint64 maximumSpanMs = 2LL * 366 * 86'400'000;

    explicit HistoryChartController(LatencyChart *chart, QObject *parent = nullptr);

    void setStore(HistoryStore *store); // null = nothing to read
    void setEndpoint(const QString &key, qint64 intervalMs); // key empty = none
    void setSpan(qint64 spanMs); // the last spanMs, following now
    void setView(HistoryRange view); // a fixed range (custom, zoom, pan, an outage)
    void follow(); // back to the last span, ending now
    void resultsArrived(); // a result of the shown endpoint: read again soon if following
    bool hasStore() const { return !m_store.isNull(); }

    bool isFollowing() const { return m_following; }
    HistoryRange view() const;
    HistoryResolution resolution() const { return m_data.resolution; }
    const HistoryChartData &data() const { return m_data; }
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); } // tests

signals:
    void refreshed(); // the chart shows what the history held for view()

private:
    void schedule(int delayMs);
    QCoro::Task<> refresh();
    HistoryResolution startReading(HistoryRange view);
    void show(HistoryRange view, const HistorySeries &series, const QList<HistoryRun> &runs,
              const QList<HistoryOutage> &outages);
    qint64 now() const;

    LatencyChart *m_chart;
    QPointer<HistoryStore> m_store;
    QString m_key;
    qint64 m_intervalMs = 0;
    qint64 m_spanMs = 5LL * 60'000;
    HistoryRange m_fixed;
    bool m_following = true;
    quint64 m_generation = 0; // a reply for an older question is dropped
    HistoryChartData m_data;
    QTimer m_pending;
    QTimer m_tick; // a following view moves with the clock
    std::function<qint64()> m_clock;
};
