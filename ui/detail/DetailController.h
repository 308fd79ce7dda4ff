#pragma once

#include "monitor/EndpointId.h"
#include "monitor/MonitorUpdates.h"

#include <QObject>

class EndpointDetailPane;
class Monitor;
class ResultHistory;

// Keeps the detail pane on one endpoint: what it is, the results it has had, its statistics as they
// come in, and nothing once it is removed.
class DetailController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailController)

public:
    DetailController(Monitor *monitor, EndpointDetailPane *pane, QObject *parent);

    void show(EndpointId id); // 0 = none
    EndpointId shown() const { return m_id; }

private:
    void onResults(const QList<EndpointResult> &results);

    Monitor *m_monitor;
    EndpointDetailPane *m_pane;
    ResultHistory *m_history;
    EndpointId m_id = 0;
};
