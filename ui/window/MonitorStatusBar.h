#pragma once

#include "monitor/MonitorCounters.h"
#include "window/ProbeRate.h"

#include <QElapsedTimer>
#include <QStatusBar>
#include <QTimer>

class EndpointTableModel;
class Monitor;
class QLabel;

// Whether the monitor runs; how many endpoints are up, degraded, failing, down and paused; probes in flight
// and queued; probes per second.
// Refreshed twice a second from counts the model keeps, so its cost does not grow with endpoints.
class MonitorStatusBar final : public QStatusBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorStatusBar)

public:
    MonitorStatusBar(Monitor *monitor, EndpointTableModel *model, QWidget *parent = nullptr);

    void refresh();
    QString statusText() const; // "Stopped · 3 up · 1 degraded · 1 failing · 2 down · 1 paused"
    QString flightText() const; // "4 in flight · 0 queued"
    double probesPerSecond() const { return m_rate.perSecond(); }

private:
    Monitor *m_monitor;
    EndpointTableModel *m_model;
    QLabel *m_statuses;
    QLabel *m_flight;
    QLabel *m_rateLabel;
    QTimer m_timer;
    QElapsedTimer m_clock;
    ProbeRate m_rate;
};
