#pragma once

#include "history/HistoryTypes.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class EndpointTableModel;
class HistoryStore;

// Fills the table's Uptime 24 h / 7 d / 30 d columns from a HistoryStore: the endpoints in batches
// (one uptime query per batch and span, awaited, so neither the window nor the store's readers are
// held long), again every refresh interval and soon after endpoints are added or another history
// opens.
class HistoryUptimeController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryUptimeController)

public:
    static constexpr int batchSize = 500;
    static constexpr int refreshIntervalMs = 60'000;

    HistoryUptimeController(EndpointTableModel *model, QObject *parent = nullptr);

    void setStore(HistoryStore *store);
    void refreshSoon(); // within half a second, once however often it is asked
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); } // tests

signals:
    void refreshed(); // every batch of every span is in the model

private:
    QCoro::Task<> refresh();
    static QList<HistoryUptime> withUnobserved(const QStringList &keys, QList<HistoryUptime> uptimes,
                                               HistoryRange range);
    qint64 now() const;

    EndpointTableModel *m_model;
    QPointer<HistoryStore> m_store;
    quint64 m_generation = 0;
    QTimer m_soon;
    QTimer m_periodic;
    std::function<qint64()> m_clock;
};
