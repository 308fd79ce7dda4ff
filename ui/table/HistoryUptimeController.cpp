#include "HistoryUptimeController.h"

#include "EndpointTableModel.h"
#include "history/HistoryStore.h"

#include <QDateTime>
#include <QSet>

HistoryUptimeController::HistoryUptimeController(EndpointTableModel *model, QObject *parent)
    : QObject(parent), m_model(model)
{
    m_soon.setSingleShot(true);
    m_soon.setInterval(500);
    connect(&m_soon, &QTimer::timeout, this, [this] { refresh(); });
    connect(&m_periodic, &QTimer::timeout, this, &HistoryUptimeController::refreshSoon);
    m_periodic.start(refreshIntervalMs);
    connect(model, &QAbstractItemModel::rowsInserted, this, &HistoryUptimeController::refreshSoon);
    connect(model, &QAbstractItemModel::modelReset, this, &HistoryUptimeController::refreshSoon);
}

qint64 HistoryUptimeController::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void HistoryUptimeController::setStore(HistoryStore *store)
{
    m_store = store;
    ++m_generation; // what is being read belongs to the store before
    m_model->clearHistoryUptime();
    refreshSoon();
}

void HistoryUptimeController::refreshSoon()
{
    if (!m_soon.isActive())
        m_soon.start();
}

QList<HistoryUptime> HistoryUptimeController::withUnobserved(const QStringList &keys, QList<HistoryUptime> uptimes,
                                                             HistoryRange range)
{
    // An endpoint the history never recorded has no answer: it was observed for no time at all.
    QSet<QString> answered;
    for (const HistoryUptime &uptime : std::as_const(uptimes))
        answered.insert(uptime.key);
    for (const QString &key : keys) {
        if (!answered.contains(key))
            uptimes.append(HistoryUptime{key, 0, 0, range.lengthMs()});
    }
    return uptimes;
}

QCoro::Task<> HistoryUptimeController::refresh()
{
    QPointer<HistoryUptimeController> self(this);
    const quint64 generation = ++m_generation;
    QPointer<HistoryStore> store = m_store;
    if (!store)
        co_return;
    QStringList keys;
    keys.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row)
        keys << m_model->endpointAt(row)->id;
    const qint64 until = now();
    for (int span = 0; span < EndpointTableModel::uptimeSpanCount; ++span) {
        const HistoryRange range{until - EndpointTableModel::uptimeSpanMs(span), until};
        for (qsizetype first = 0; first < keys.size(); first += batchSize) {
            const QStringList batch = keys.mid(first, batchSize);
            QList<HistoryUptime> uptimes = co_await store->uptime(batch, range);
            if (!self || !store || generation != m_generation)
                co_return;
            m_model->setHistoryUptime(span, withUnobserved(batch, std::move(uptimes), range));
        }
    }
    emit refreshed();
}
