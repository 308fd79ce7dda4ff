#pragma once

#include "AlertDelivery.h"
#include "AlertMessage.h"
#include "AlertSettings.h"
#include "monitor/EndpointId.h"
#include "monitor/EventLogEntry.h"
#include "monitor/MonitorUpdates.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSet>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

class ChannelQueue;
class CurlMulti;
class DesktopNotifier;
class Monitor;
class SecretStore;

// Turns a Monitor's status changes and results into alerts on the profile's channels, by its rules:
// down (after the failure threshold), recovered (with the outage's duration), degraded, a
// certificate expiring within a rule's days, and "still down" reminders. It remembers per endpoint
// what people were last told, so that an outage is one "down" and one "recovered" however the
// status flickers through offline or paused, and so that what happened during a maintenance window
// (when nothing is sent) is told when it closes if it still matters: an endpoint still down, or
// one that recovered after people were told it was down.
//
// Each channel has its queue (ChannelQueue): grouping, rate limit and sending there never delay
// the monitor or another channel. Every message's fate goes to the monitor's event log.
//
// Set the secret store and desktop notifier, then start(). shutdown() (and the destructor) stop
// every transfer and process at once.
class AlertEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertEngine)

public:
    using Clock = std::function<QDateTime()>;

    struct ChannelCounters
    {
        QString name;
        QString type;
        quint64 messagesSent = 0;
        quint64 messagesFailed = 0;
        quint64 eventsDropped = 0;
        int eventsPending = 0;
    };

    AlertEngine(Monitor *monitor, AlertSettings settings, QObject *parent = nullptr);
    ~AlertEngine() override;

    // Before start(). Without a store, keychain secrets are reported missing; env ones still work.
    void setSecretStore(std::shared_ptr<SecretStore> store) { m_store = std::move(store); }
    void setDesktopNotifier(DesktopNotifier *notifier) { m_notifier = notifier; }
    void setEnvironment(QProcessEnvironment environment) { m_environment = std::move(environment); }
    void setClock(Clock clock) { m_clock = std::move(clock); } // for tests: wall time, UTC
    void setCheckInterval(std::chrono::milliseconds interval) { m_checkTimer.setInterval(interval); }

    // Builds the channels, looks their secrets up and starts following the monitor.
    void start();
    // Cancels every message in flight (transfers aborted, processes killed), drops what waits, and
    // stops following the monitor.
    void shutdown();
    bool isStarted() const { return m_started; }

    // The profile's alerts changed: channels are rebuilt (what waits on the old ones is dropped);
    // what each endpoint's people were told is kept.
    void setSettings(AlertSettings settings);
    const AlertSettings &settings() const { return m_settings; }

    // Reminders and maintenance windows opening or closing, as the check timer does every second.
    void checkNow();

    QList<ChannelCounters> channelCounters() const;
    quint64 eventsSuppressed() const { return m_suppressed; } // not sent because of maintenance
    // Why a channel cannot send at all here (apprise missing, no desktop); empty when it can.
    QString unavailableReason(const QString &channel) const;

signals:
    void delivered(const QString &channel, const AlertMessage &message, const AlertDelivery &delivery);

private:
    struct Track
    {
        AlertEndpoint endpoint;
        EndpointStatus status = EndpointStatus::Unknown;
        EndpointStatus settled = EndpointStatus::Unknown; // the last status before this one that was not Failing
        std::optional<QDateTime> outageSince; // while the outage lasts, whatever people were told
        bool toldDown = false; // a "down" went out and no "recovered" yet
        QDateTime toldDownAt;
        bool toldDegraded = false;
        std::optional<qint64> recoveredUntoldS; // recovered during maintenance after a "down" went out
        EndpointStatus recoveredTo = EndpointStatus::Up;
        ErrorKind errorKind = ErrorKind::None;
        QString error;
        QHash<int, qint64> remindersSent; // per rule
        QSet<QString> certificatesTold; // "notAfter/rule"
    };

    void buildChannels();
    void resolveSecrets();
    void onStatusesChanged(const QList<StatusChange> &changes);
    void onResultsReady(const QList<EndpointResult> &results);
    void onEndpointsRemoved(const QList<EndpointId> &ids);
    void onDelivered(const QString &channel, const AlertMessage &message, const AlertDelivery &delivery);
    void onDropped(const QString &channel, int events, const QString &why);
    void reconcile(Track &track, const QDateTime &now);
    void remind(Track &track, const QDateTime &now);

    AlertEvent eventFor(AlertEventKind kind, const Track &track, const QDateTime &now) const;
    // To every channel of every rule that wants the kind and covers the endpoint (each channel once).
    void fire(const AlertEvent &event);
    void fireTo(const AlertEvent &event, const QStringList &channels);
    void log(EventSeverity severity, const QString &message);

    QPointer<Monitor> m_monitor; // a Workspace may shut down (and free it) before this engine goes
    AlertSettings m_settings;
    std::shared_ptr<SecretStore> m_store;
    DesktopNotifier *m_notifier = nullptr;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    Clock m_clock;
    std::unique_ptr<CurlMulti> m_curl;
    std::map<QString, ChannelQueue *> m_queues; // children
    std::unordered_map<EndpointId, Track> m_tracks;
    QTimer m_checkTimer;
    std::optional<QDateTime> m_nextMaintenanceChange;
    quint64 m_suppressed = 0;
    bool m_started = false;
};
