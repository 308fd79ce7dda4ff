#pragma once

#include "monitor/MonitorCounters.h"

#include <QElapsedTimer>
#include <QStatusBar>
#include <QTimer>

class EndpointTableModel;
class Monitor;
class QLabel;

// How many endpoints are up, degraded and down; probes in flight and queued; probes per second.
// Refreshed twice a second from counts the model keeps, so its cost does not grow with endpoints.
class MonitorStatusBar final : public QStatusBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorStatusBar)

public:
    MonitorStatusBar(Monitor *monitor, EndpointTableModel *model, QWidget *parent = nullptr);

    void refresh();
    QString statusText() const; // "3 up · 1 degraded · 2 down"
    QString flightText() const; // "4 in flight · 0 queued"
    double probesPerSecond() const { return m_rate; }

private:
    Monitor *m_monitor;
    EndpointTableModel *m_model;
    QLabel *m_statuses;
    QLabel *m_flight;
    QLabel *m_rateLabel;
    QTimer m_timer;
    QElapsedTimer m_clock;
    quint64 m_lastDone = 0;
    qint64 m_lastMs = 0;
    double m_rate = 0;
};
