#pragma once

#include "monitor/EndpointId.h"
#include "monitor/MonitorUpdates.h"

#include <QObject>

class EndpointDetailPane;
class MemoryHistoryStore;
class Monitor;

// Keeps the detail pane on one endpoint: what it is, the results it has had, its statistics as they
// come in, and nothing once it is removed.
class DetailController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailController)

public:
    // recent: the last results of every endpoint, which the pane shows at once when it switches.
    DetailController(Monitor *monitor, const MemoryHistoryStore *recent, EndpointDetailPane *pane, QObject *parent);

    void show(EndpointId id); // 0 = none
    EndpointId shown() const { return m_id; }

private:
    void onResults(const QList<EndpointResult> &results);

    Monitor *m_monitor;
    EndpointDetailPane *m_pane;
    const MemoryHistoryStore *m_recent;
    EndpointId m_id = 0;
};
