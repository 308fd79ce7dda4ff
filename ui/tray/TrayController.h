#pragma once

#include "NotificationRateLimiter.h"
#include "alert/DesktopNotifier.h"
#include "monitor/EndpointStatus.h"
#include "monitor/MonitorUpdates.h"

#include <QObject>
#include <QTimer>

class EndpointTableModel;
class Monitor;
class QMenu;
class QSystemTrayIcon;

// The tray icon, coloured by the worst status among the endpoints, and the notifications when an
// endpoint goes Down or recovers, rate-limited so that an outage is one notification. It is also
// the desktop alert channel's notifier: when the profile has one, that channel's rules, grouping
// and rate limit decide, and the tray's own notifications stop.
class TrayController final : public QObject, public DesktopNotifier
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayController)

public:
    TrayController(Monitor *monitor, EndpointTableModel *model, QMenu *menu, QObject *parent = nullptr);

    bool isAvailable() const;
    void setNotificationsEnabled(bool enabled) { m_notificationsEnabled = enabled; }
    EndpointStatus overallStatus() const { return m_overall; }
    void setAlertChannelActive(bool active) { m_alertChannelActive = active; }

    // DesktopNotifier: the desktop alert channel's messages.
    QString notify(const QString &title, const QString &text, const QString &severity, bool sound,
                   const QString &soundFile) override;

signals:
    void activated(); // the user clicked the icon
    void notified(const QString &title, const QString &message);

private:
    void onStatusesChanged(const QList<StatusChange> &changes);
    void refreshIcon();
    void flush();

    Monitor *m_monitor;
    EndpointTableModel *m_model;
    QSystemTrayIcon *m_icon;
    NotificationRateLimiter m_limiter;
    QTimer m_flushTimer;
    EndpointStatus m_overall = EndpointStatus::Paused; // anything but Unknown, so the first refresh paints
    bool m_notificationsEnabled = true;
    bool m_alertChannelActive = false;
};
