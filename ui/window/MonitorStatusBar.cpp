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
    connect(&m_timer, &QTimer::timeout, this, &MonitorStatusBar::refresh);
    m_timer.start(500);
    refresh();
}

QString MonitorStatusBar::statusText() const
{
    QStringList parts;
    if (!m_monitor->isStarted())
        parts << tr("Stopped");
    parts << tr("%1 up").arg(m_model->count(EndpointStatus::Up))
          << tr("%1 degraded").arg(m_model->count(EndpointStatus::Degraded));
    if (const int failing = m_model->count(EndpointStatus::Failing))
        parts << tr("%1 failing").arg(failing);
    parts << tr("%1 down").arg(m_model->count(EndpointStatus::Down));
    if (const int paused = m_model->count(EndpointStatus::Paused))
        parts << tr("%1 paused").arg(paused);
    return parts.join(QStringLiteral(" · "));
}

QString MonitorStatusBar::flightText() const
{
    const MonitorCounters counters = m_monitor->counters();
    return tr("%1 in flight · %2 queued").arg(counters.inFlight).arg(counters.queued);
}

void MonitorStatusBar::refresh()
{
    // A coloured dot beside each number, and the word itself: colour is never the only cue. Failing and
    // paused appear only when there are some; Stopped says why nothing moves.
    const auto counted = [this](EndpointStatus status, const QString &words) {
        return QStringLiteral("<span style=\"color:%1\">●</span> %2")
            .arg(StatusText::statusColor(status).name(), words.arg(m_model->count(status)));
    };
    QStringList parts;
    if (!m_monitor->isStarted())
        parts << QStringLiteral("<b>%1</b>").arg(tr("Stopped"));
    parts << counted(EndpointStatus::Up, tr("%1 up")) << counted(EndpointStatus::Degraded, tr("%1 degraded"));
    if (m_model->count(EndpointStatus::Failing) > 0)
        parts << counted(EndpointStatus::Failing, tr("%1 failing"));
    parts << counted(EndpointStatus::Down, tr("%1 down"));
    if (m_model->count(EndpointStatus::Paused) > 0)
        parts << counted(EndpointStatus::Paused, tr("%1 paused"));
    m_statuses->setText(parts.join(QStringLiteral(" &nbsp; ")));
    m_statuses->setAccessibleDescription(statusText());
    m_flight->setText(flightText());

    m_rate.add(m_clock.elapsed(), m_monitor->counters().done);
    m_rateLabel->setText(tr("%1 probes/s").arg(QLocale().toString(m_rate.perSecond(), 'f', 1)));
}
