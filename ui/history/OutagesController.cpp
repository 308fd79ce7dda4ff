#include "OutagesController.h"

#include "OutagesModel.h"
#include "history/HistoryStore.h"

#include <QDateTime>

OutagesController::OutagesController(OutagesModel *model, QObject *parent) : QObject(parent), m_model(model) { }

qint64 OutagesController::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void OutagesController::setStore(HistoryStore *store)
{
    m_store = store;
    refresh();
}

void OutagesController::setKeys(QStringList keys)
{
    m_keys = std::move(keys);
    refresh();
}

void OutagesController::setSpan(qint64 spanMs)
{
    m_spanMs = spanMs;
    refresh();
}

void OutagesController::refresh()
{
    read();
}

QCoro::Task<> OutagesController::read()
{
    QPointer<OutagesController> self(this);
    const quint64 generation = ++m_generation;
    QPointer<HistoryStore> store = m_store;
    if (!store) {
        m_model->setOutages({}, {});
        co_return;
    }
    const QStringList keys = m_keys;
    const qint64 until = now() + 1;
    const HistoryRange range{m_spanMs > 0 ? until - m_spanMs : 0, until};
    const QList<HistoryEndpoint> endpoints = co_await store->endpoints();
    if (!self || !store || generation != m_generation)
        co_return;
    QList<HistoryOutage> outages = co_await store->outages(keys, range);
    if (!self || generation != m_generation)
        co_return;
    QHash<QString, QString> names;
    for (const HistoryEndpoint &endpoint : endpoints)
        names.insert(endpoint.key, endpoint.name.isEmpty() ? endpoint.target : endpoint.name);
    m_model->setOutages(std::move(outages), std::move(names));
    emit refreshed();
}
