#include "MonitorStatusBar.h"

#include "monitor/Monitor.h"
#include "table/EndpointTableModel.h"
#include "text/StatusText.h"

#include <QLabel>
#include <QLocale>

MonitorStatusBar::MonitorStatusBar(Monitor *monitor, EndpointTableModel *model, QWidget *parent)
    : QStatusBar(parent)
    , m_monitor(monitor)
    , m_model(model)
    , m_statuses(new QLabel(this))
    , m_flight(new QLabel(this))
    , m_rateLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("statusBar"));
    m_statuses->setAccessibleName(tr("Endpoint statuses"));
    m_statuses->setTextFormat(Qt::RichText);
    m_flight->setAccessibleName(tr("Probes in flight"));
    m_rateLabel->setAccessibleName(tr("Probes per second"));
    for (QLabel *label : {m_statuses, m_flight, m_rateLabel}) {
        label->setContentsMargins(10, 0, 10, 0);
        addPermanentWidget(label);
    }
    m_clock.start();
    m_lastDone = monitor->counters().done;
    connect(&m_timer, &QTimer::timeout, this, &MonitorStatusBar::refresh);
    m_timer.start(500);
    refresh();
}

QString MonitorStatusBar::statusText() const
{
    return tr("%1 up · %2 degraded · %3 down")
        .arg(m_model->count(EndpointStatus::Up))
        .arg(m_model->count(EndpointStatus::Degraded))
        .arg(m_model->count(EndpointStatus::Down));
}

QString MonitorStatusBar::flightText() const
{
    const MonitorCounters counters = m_monitor->counters();
    return tr("%1 in flight · %2 queued").arg(counters.inFlight).arg(counters.queued);
}

void MonitorStatusBar::refresh()
{
    // A coloured dot beside each number, and the word itself: colour is never the only cue.
    const auto dot = [](EndpointStatus status) {
        return QStringLiteral("<span style=\"color:%1\">●</span>").arg(StatusText::statusColor(status).name());
    };
    m_statuses->setText(tr("%1 %2 up &nbsp; %3 %4 degraded &nbsp; %5 %6 down")
                            .arg(dot(EndpointStatus::Up))
                            .arg(m_model->count(EndpointStatus::Up))
                            .arg(dot(EndpointStatus::Degraded))
                            .arg(m_model->count(EndpointStatus::Degraded))
                            .arg(dot(EndpointStatus::Down))
                            .arg(m_model->count(EndpointStatus::Down)));
    m_statuses->setAccessibleDescription(statusText());
    m_flight->setText(flightText());

    const quint64 done = m_monitor->counters().done;
    const qint64 nowMs = m_clock.elapsed();
    if (nowMs > m_lastMs) {
        // done restarts from 0 when the monitor starts again; a drop is a restart, not negative work.
        const double probes = done >= m_lastDone ? double(done - m_lastDone) : double(done);
        const double instant = probes * 1000.0 / double(nowMs - m_lastMs);
        m_rate = m_lastMs == 0 ? instant : 0.5 * m_rate + 0.5 * instant;
    }
    m_lastDone = done;
    m_lastMs = nowMs;
    m_rateLabel->setText(tr("%1 probes/s").arg(QLocale().toString(m_rate, 'f', 1)));
}
