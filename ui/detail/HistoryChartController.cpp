#include "HistoryChartController.h"

#include "LatencyChart.h"
#include "history/HistoryStore.h"

#include <QDateTime>

#include <algorithm>

HistoryChartController::HistoryChartController(LatencyChart *chart, QObject *parent) : QObject(parent), m_chart(chart)
{
    // Reading waits a little for the wheel or the drag to settle: one read per gesture, not per step.
    m_pending.setSingleShot(true);
    connect(&m_pending, &QTimer::timeout, this, [this] { refresh(); });
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (m_following)
            schedule(0);
    });
    connect(chart, &LatencyChart::viewRequested, this, &HistoryChartController::setView);
    connect(chart, &LatencyChart::followRequested, this, &HistoryChartController::follow);
}

qint64 HistoryChartController::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void HistoryChartController::setStore(HistoryStore *store)
{
    m_store = store;
    schedule(0);
}

void HistoryChartController::setEndpoint(const QString &key, qint64 intervalMs)
{
    m_key = key;
    m_intervalMs = intervalMs;
    schedule(0);
}

void HistoryChartController::setSpan(qint64 spanMs)
{
    m_spanMs = std::clamp(spanMs, minimumSpanMs, maximumSpanMs);
    m_following = true;
    schedule(0);
}

void HistoryChartController::setView(HistoryRange view)
{
    const qint64 length = std::clamp(view.lengthMs(), minimumSpanMs, maximumSpanMs);
    const qint64 middle = view.fromMs + view.lengthMs() / 2;
    m_fixed = {middle - length / 2, middle - length / 2 + length};
    // Panned up to now again: follow the clock from there.
    m_following = m_fixed.toMs >= now();
    if (m_following)
        m_spanMs = length;
    schedule(80);
}

void HistoryChartController::follow()
{
    m_following = true;
    schedule(0);
}

void HistoryChartController::resultsArrived()
{
    // A coarse resolution changes little per result; the raw line shows each within a second.
    if (m_following && !m_pending.isActive())
        schedule(m_data.resolution == HistoryResolution::Raw ? 1000 : 30'000);
}

HistoryRange HistoryChartController::view() const
{
    if (!m_following)
        return m_fixed;
    const qint64 end = now();
    return {end - m_spanMs, end};
}

void HistoryChartController::schedule(int delayMs)
{
    m_pending.start(delayMs);
}

QCoro::Task<> HistoryChartController::refresh()
{
    QPointer<HistoryChartController> self(this);
    const quint64 generation = ++m_generation;
    QPointer<HistoryStore> store = m_store;
    const QStringList keys{m_key};
    const HistoryRange view = this->view();
    if (!store || m_key.isEmpty())
        co_return;
    const HistoryResolution resolution = startReading(view);
    const HistorySeries series = co_await store->series(m_key, view, resolution);
    if (!self || !store || generation != m_generation)
        co_return;
    const QList<HistoryRun> runs = co_await store->runs(view);
    if (!self || !store || generation != m_generation)
        co_return;
    const QList<HistoryOutage> outages = co_await store->outages(keys, view);
    if (!self || generation != m_generation)
        co_return;
    show(view, series, runs, outages);
}

HistoryResolution HistoryChartController::startReading(HistoryRange view)
{
    // The tick follows the clock at about one chart point's width, at least once a second.
    m_tick.start(int(std::clamp<qint64>(view.lengthMs() / HistoryChartData::maximumPoints, 1000, 600'000)));
    return historyResolutionFor(view, HistoryChartData::maximumPoints, std::max<qint64>(m_intervalMs, 1000));
}

void HistoryChartController::show(HistoryRange view, const HistorySeries &series, const QList<HistoryRun> &runs,
                                  const QList<HistoryOutage> &outages)
{
    m_data = HistoryChartData::build(view, series, runs, outages, now());
    m_chart->showHistory(m_data);
    emit refreshed();
}
