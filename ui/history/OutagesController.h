#pragma once

#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class HistoryStore;
class OutagesModel;

// Reads the outages of some endpoints (or all) over the last span from a HistoryStore into an
// OutagesModel, with the endpoints' names from the history (removed ones keep theirs).
class OutagesController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutagesController)

public:
    explicit OutagesController(OutagesModel *model, QObject *parent = nullptr);

    void setStore(HistoryStore *store);
    void setKeys(QStringList keys); // empty = every endpoint
    void setSpan(qint64 spanMs); // 0 = all the history holds
    void refresh(); // reads again now
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); } // tests

signals:
    void refreshed();

private:
    QCoro::Task<> read();
    qint64 now() const;

    OutagesModel *m_model;
    QPointer<HistoryStore> m_store;
    QStringList m_keys;
    qint64 m_spanMs = 30 * 86'400'000LL;
    quint64 m_generation = 0;
    std::function<qint64()> m_clock;
};
