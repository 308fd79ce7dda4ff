#pragma once

#include "monitor/EndpointId.h"

#include <QByteArray>
#include <QCoroTask>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <array>
#include <functional>
#include <memory>
#include <optional>

class HistoryStore;
class Monitor;

// The uptime gauges of `watch --history … --metrics-listen`: each endpoint's uptime over the last
// 24 h, 7 d and 30 d from the history, asked every 30 s off the event loop's back (the queries run
// on the store's reader threads), so a scrape only formats what is there:
//   pingscope_uptime_ratio{endpoint,target,kind,tags,window="24h"|"7d"|"30d"}   up ÷ observed, 0 to 1
class HistoryUptimeGauges final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryUptimeGauges)

public:
    using KeyOf = std::function<QString(EndpointId)>;

    HistoryUptimeGauges(HistoryStore *store, Monitor *monitor, KeyOf keyOf, QObject *parent = nullptr);
    ~HistoryUptimeGauges() override;

    QByteArray text() const; // the family, in the Prometheus text format; empty before the first answer

private:
    QCoro::Task<> refresh(std::shared_ptr<bool> alive);

    HistoryStore *m_store;
    Monitor *m_monitor;
    KeyOf m_keyOf;
    QTimer m_timer;
    std::shared_ptr<bool> m_alive;
    bool m_refreshing = false;
    QHash<QString, std::array<std::optional<double>, 3>> m_ratios;
};
