#include "TrayController.h"

#include "StatusIconEngine.h"
#include "monitor/Monitor.h"
#include "table/EndpointTableModel.h"
#include "text/StatusText.h"

#include <QApplication>
#include <QMenu>
#include <QProcess>
#include <QStandardPaths>
#include <QSystemTrayIcon>

TrayController::TrayController(Monitor *monitor, EndpointTableModel *model, QMenu *menu, QObject *parent)
    : QObject(parent), m_monitor(monitor), m_model(model), m_icon(new QSystemTrayIcon(this))
{
    m_icon->setContextMenu(menu);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &TrayController::flush);
    connect(monitor, &Monitor::statusesChanged, this, &TrayController::onStatusesChanged);
    connect(model, &EndpointTableModel::statusCountsChanged, this, &TrayController::refreshIcon);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit activated();
    });
    refreshIcon();
    if (isAvailable())
        m_icon->show();
}

bool TrayController::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayController::refreshIcon()
{
    EndpointStatus overall = EndpointStatus::Unknown;
    for (const EndpointStatus status : {EndpointStatus::Down, EndpointStatus::Failing, EndpointStatus::Degraded,
                                        EndpointStatus::Offline, EndpointStatus::Up}) {
        if (m_model->count(status) > 0) {
            overall = status;
            break;
        }
    }
    const QString tip = tr("Pingscope: %1 up, %2 degraded, %3 failing, %4 down")
                            .arg(m_model->count(EndpointStatus::Up))
                            .arg(m_model->count(EndpointStatus::Degraded))
                            .arg(m_model->count(EndpointStatus::Failing))
                            .arg(m_model->count(EndpointStatus::Down));
    m_icon->setToolTip(tip);
    if (overall == m_overall)
        return;
    m_overall = overall;
    m_icon->setIcon(QIcon(new StatusIconEngine(StatusText::statusColor(overall))));
}

void TrayController::onStatusesChanged(const QList<StatusChange> &changes)
{
    if (m_alertChannelActive)
        return;
    const auto now = NotificationRateLimiter::Clock::now();
    for (const StatusChange &change : changes) {
        const bool wentDown = change.to == EndpointStatus::Down;
        const bool recovered = change.from == EndpointStatus::Down
            && (change.to == EndpointStatus::Up || change.to == EndpointStatus::Degraded);
        if (!wentDown && !recovered)
            continue;
        const auto state = m_monitor->state(change.id);
        m_limiter.add(state ? state->name : QString::number(change.id), wentDown, now);
    }
    if (const auto due = m_limiter.nextFlush(); due && !m_flushTimer.isActive()) {
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*due - now);
        m_flushTimer.start(std::max(std::chrono::milliseconds(0), wait));
    }
}

void TrayController::flush()
{
    const auto now = NotificationRateLimiter::Clock::now();
    if (const auto notification = m_limiter.flush(now)) {
        emit notified(notification->title, notification->message);
        if (m_notificationsEnabled && isAvailable())
            m_icon->showMessage(notification->title, notification->message,
                                notification->anyDown ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    }
    if (const auto due = m_limiter.nextFlush()) {
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*due - now);
        m_flushTimer.start(std::max(std::chrono::milliseconds(1), wait));
    }
}

QString TrayController::notify(const QString &title, const QString &text, const QString &severity, bool sound,
                               const QString &soundFile)
{
    emit notified(title, text);
    if (sound) {
        // Qt has no sound player without Qt Multimedia; the desktop's own player plays the file.
        QString player;
        for (const char *candidate : {"pw-play", "paplay", "aplay"}) {
            player = QStandardPaths::findExecutable(QLatin1String(candidate));
            if (!player.isEmpty())
                break;
        }
        if (soundFile.isEmpty() || player.isEmpty() || !QProcess::startDetached(player, {soundFile}))
            QApplication::beep();
    }
    if (!isAvailable())
        return tr("the desktop has no system tray to show notifications in");
    const auto icon = severity == QLatin1String("failure") ? QSystemTrayIcon::Critical
        : severity == QLatin1String("warning")             ? QSystemTrayIcon::Warning
                                                           : QSystemTrayIcon::Information;
    m_icon->showMessage(title, text, icon);
    return {};
}
