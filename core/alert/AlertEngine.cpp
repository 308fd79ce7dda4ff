#include "AlertEngine.h"

#include "AlertChannels.h"
#include "ChannelQueue.h"
#include "SecretStore.h"
#include "monitor/EventLog.h"
#include "monitor/Monitor.h"
#include "net/curl/CurlMulti.h"

#include <QPointer>

#include <cmath>

using namespace std::chrono;
using namespace std::chrono_literals;

namespace {
// Static, every argument by value: the engine may be gone when the keychain answers.
QCoro::Task<> lookUpSecret(QPointer<ChannelQueue> queue, SecretReference reference, QProcessEnvironment environment,
                           std::shared_ptr<SecretStore> store)
{
    const SecretStore::Lookup lookup = co_await AlertChannels::resolveSecret(reference, environment, store);
    if (!queue)
        co_return;
    if (lookup.value)
        queue->setSecret(*lookup.value);
    else
        queue->setSecretProblem(lookup.problem);
}

QString certificateKey(const QDateTime &notAfter, int rule)
{
    return QStringLiteral("%1/%2").arg(notAfter.toSecsSinceEpoch()).arg(rule);
}
} // namespace

AlertEngine::AlertEngine(Monitor *monitor, AlertSettings settings, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_settings(std::move(settings))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_checkTimer.setInterval(1s);
    connect(&m_checkTimer, &QTimer::timeout, this, &AlertEngine::checkNow);
}

AlertEngine::~AlertEngine()
{
    shutdown();
    // The queues go before the curl engine: its destructor ends the transfers it still has, and
    // the sends that resume then must find their queue gone, not half-destroyed.
    for (const auto &[name, queue] : m_queues)
        delete queue;
    m_queues.clear();
}

void AlertEngine::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_curl)
        m_curl = std::make_unique<CurlMulti>();
    buildChannels();
    connect(m_monitor, &Monitor::statusesChanged, this, &AlertEngine::onStatusesChanged);
    connect(m_monitor, &Monitor::resultsReady, this, &AlertEngine::onResultsReady);
    connect(m_monitor, &Monitor::endpointsRemoved, this, &AlertEngine::onEndpointsRemoved);
    m_nextMaintenanceChange = m_settings.nextMaintenanceChange(m_clock());
    m_checkTimer.start();
}

void AlertEngine::shutdown()
{
    if (!m_started)
        return;
    m_started = false;
    m_checkTimer.stop();
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    for (const auto &[name, queue] : m_queues)
        queue->shutdown();
}

void AlertEngine::setSettings(AlertSettings settings)
{
    m_settings = std::move(settings);
    for (auto &[id, track] : m_tracks) {
        track.remindersSent.clear(); // rules are numbered anew
        track.certificatesTold.clear();
    }
    m_nextMaintenanceChange = m_settings.nextMaintenanceChange(m_clock());
    if (m_started)
        buildChannels();
}

void AlertEngine::buildChannels()
{
    for (const auto &[name, queue] : m_queues) {
        queue->shutdown();
        queue->deleteLater();
    }
    m_queues.clear();
    const milliseconds group = duration_cast<milliseconds>(duration<double>(m_settings.groupS));
    for (const AlertChannelSettings &settings : std::as_const(m_settings.channels)) {
        if (!settings.enabled)
            continue;
        auto *queue = new ChannelQueue(AlertChannels::make(settings, m_curl.get(), m_notifier), group, this);
        connect(queue, &ChannelQueue::delivered, this, &AlertEngine::onDelivered);
        connect(queue, &ChannelQueue::dropped, this, &AlertEngine::onDropped);
        m_queues.emplace(settings.name, queue);
        if (const QString reason = queue->channel()->unavailableReason(); !reason.isEmpty())
            log(EventSeverity::Warning, QStringLiteral("alert channel %1 cannot send: %2").arg(settings.name, reason));
    }
    resolveSecrets();
}

void AlertEngine::resolveSecrets()
{
    for (const auto &[name, queue] : m_queues) {
        const AlertChannelSettings &settings = queue->settings();
        if (!settings.usesSecret())
            continue;
        lookUpSecret(queue, settings.secret, m_environment, m_store);
    }
}

QString AlertEngine::unavailableReason(const QString &channel) const
{
    const auto found = m_queues.find(channel);
    return found == m_queues.end() ? QString() : found->second->channel()->unavailableReason();
}

QList<AlertEngine::ChannelCounters> AlertEngine::channelCounters() const
{
    QList<ChannelCounters> counters;
    for (const auto &[name, queue] : m_queues) {
        const ChannelQueue::Counters c = queue->counters();
        counters << ChannelCounters{name,
                                    alertChannelTypeName(queue->settings().type),
                                    c.messagesSent,
                                    c.messagesFailed,
                                    c.eventsDropped,
                                    queue->pendingEvents()};
    }
    return counters;
}

// ---- what happened

AlertEvent AlertEngine::eventFor(AlertEventKind kind, const Track &track, const QDateTime &now) const
{
    AlertEvent event;
    event.kind = kind;
    event.time = now;
    event.endpoint = track.endpoint;
    event.status = track.status;
    if (track.outageSince)
        event.since = *track.outageSince;
    if (kind == AlertEventKind::Down || kind == AlertEventKind::StillDown) {
        event.errorKind = track.errorKind;
        event.detail = track.error;
        if (track.outageSince)
            event.durationS = track.outageSince->secsTo(now);
    }
    return event;
}

void AlertEngine::onStatusesChanged(const QList<StatusChange> &changes)
{
    const QDateTime now = m_clock();
    for (const StatusChange &change : changes) {
        const auto endpoint = m_monitor->endpoint(change.id);
        if (!endpoint)
            continue;
        Track &track = m_tracks[change.id];
        track.endpoint = AlertEndpoint::of(*endpoint);
        track.status = change.to;
        // Failing is a step on the way to Down, never told of: a "down" names what came before it.
        if (change.from != EndpointStatus::Failing)
            track.settled = change.from;
        if (change.to == EndpointStatus::Failing)
            continue; // nothing alarms before failure_threshold failures in a row
        const EndpointStatus previous = track.settled;
        const bool maintenance = m_settings.inMaintenance(track.endpoint, now);
        if (change.to == EndpointStatus::Down) {
            if (change.result) {
                track.errorKind = change.result->errorKind;
                track.error = change.result->errorMessage;
            }
            if (!track.outageSince) {
                // The outage began with the first failure of the run that turned it Down, as near as we know.
                track.outageSince = now;
                track.remindersSent.clear();
                track.recoveredUntoldS.reset();
            }
            if (track.toldDown)
                continue;
            if (maintenance) {
                ++m_suppressed;
                continue;
            }
            AlertEvent event = eventFor(AlertEventKind::Down, track, now);
            event.previous = previous;
            event.durationS.reset();
            fire(event);
            track.toldDown = true;
            track.toldDownAt = now;
            track.toldDegraded = false;
            continue;
        }
        if (change.to != EndpointStatus::Up && change.to != EndpointStatus::Degraded)
            continue; // offline, paused, unknown: the outage, if any, goes on
        const bool wasOutage = track.outageSince.has_value();
        if (wasOutage) {
            const qint64 lasted = track.outageSince->secsTo(now);
            AlertEvent event = eventFor(AlertEventKind::Recovered, track, now);
            track.outageSince.reset();
            if (track.toldDown) {
                if (maintenance) {
                    track.recoveredUntoldS = lasted;
                    track.recoveredTo = change.to;
                    ++m_suppressed;
                } else {
                    event.previous = EndpointStatus::Down;
                    event.durationS = lasted;
                    if (change.result && change.result->isUp())
                        event.latencyMs = double(change.result->latency.count()) / 1000.0;
                    if (change.to == EndpointStatus::Degraded && change.result)
                        event.detail = change.result->degradedReason;
                    fire(event);
                    track.toldDown = false;
                }
            }
        }
        if (change.to == EndpointStatus::Degraded && !track.toldDegraded && !wasOutage) {
            if (maintenance) {
                ++m_suppressed;
            } else {
                AlertEvent event = eventFor(AlertEventKind::Degraded, track, now);
                event.previous = previous;
                event.since = now;
                if (change.result) {
                    event.detail = change.result->degradedReason;
                    event.latencyMs = double(change.result->latency.count()) / 1000.0;
                }
                fire(event);
            }
        }
        track.toldDegraded = change.to == EndpointStatus::Degraded && (track.toldDegraded || !maintenance);
    }
}

void AlertEngine::onResultsReady(const QList<EndpointResult> &results)
{
    int widest = 0;
    for (qsizetype r = 0; r < m_settings.rules.size(); ++r) {
        if (m_settings.rules.at(r).wants(AlertEventKind::Certificate))
            widest = std::max(widest, m_settings.rules.at(r).certificateDays);
    }
    if (widest == 0)
        return;
    const QDateTime now = m_clock();
    for (const EndpointResult &result : results) {
        if (!result.result.certificate || !result.result.certificate->notAfter.isValid())
            continue;
        const QDateTime notAfter = result.result.certificate->notAfter;
        const qint64 left = now.secsTo(notAfter);
        if (left > qint64(widest) * 86400)
            continue;
        Track &track = m_tracks[result.id];
        if (track.endpoint.id.isEmpty()) {
            const auto endpoint = m_monitor->endpoint(result.id);
            if (!endpoint)
                continue;
            track.endpoint = AlertEndpoint::of(*endpoint);
            track.status = m_monitor->state(result.id) ? m_monitor->state(result.id)->status : EndpointStatus::Unknown;
        }
        if (m_settings.inMaintenance(track.endpoint, now))
            continue; // told after the window, at the next probe
        for (qsizetype r = 0; r < m_settings.rules.size(); ++r) {
            const AlertRule &rule = m_settings.rules.at(r);
            if (!rule.wants(AlertEventKind::Certificate) || left > qint64(rule.certificateDays) * 86400
                || !rule.filter.matches(track.endpoint))
                continue;
            const QString key = certificateKey(notAfter, int(r));
            if (track.certificatesTold.contains(key))
                continue;
            track.certificatesTold.insert(key);
            AlertEvent event = eventFor(AlertEventKind::Certificate, track, now);
            event.certificateExpiry = notAfter;
            event.detail = result.result.certificate->subject.isEmpty()
                ? QString()
                : QStringLiteral("subject %1").arg(result.result.certificate->subject);
            fireTo(event, rule.channels);
        }
    }
}

void AlertEngine::onEndpointsRemoved(const QList<EndpointId> &ids)
{
    for (const EndpointId id : ids)
        m_tracks.erase(id);
}

// ---- reminders and maintenance

void AlertEngine::checkNow()
{
    const QDateTime now = m_clock();
    const bool maintenanceChanged = m_nextMaintenanceChange && now >= *m_nextMaintenanceChange;
    if (maintenanceChanged)
        m_nextMaintenanceChange = m_settings.nextMaintenanceChange(now);
    bool anyReminders = false;
    for (const AlertRule &rule : std::as_const(m_settings.rules))
        anyReminders = anyReminders || rule.wants(AlertEventKind::StillDown);
    if (!maintenanceChanged && !anyReminders)
        return;
    for (auto &[id, track] : m_tracks) {
        if (maintenanceChanged)
            reconcile(track, now);
        if (anyReminders)
            remind(track, now);
    }
}

void AlertEngine::reconcile(Track &track, const QDateTime &now)
{
    if (m_settings.inMaintenance(track.endpoint, now))
        return;
    if (track.outageSince && !track.toldDown && track.status == EndpointStatus::Down) {
        AlertEvent event = eventFor(AlertEventKind::Down, track, now);
        event.previous = EndpointStatus::Up;
        event.detail += event.detail.isEmpty() ? QStringLiteral("down since a maintenance window")
                                               : QStringLiteral(" (down since a maintenance window)");
        fire(event);
        track.toldDown = true;
        track.toldDownAt = now;
    } else if (track.recoveredUntoldS && !track.outageSince) {
        AlertEvent event = eventFor(AlertEventKind::Recovered, track, now);
        event.status = track.recoveredTo;
        event.previous = EndpointStatus::Down;
        event.durationS = *track.recoveredUntoldS;
        fire(event);
        track.toldDown = false;
        track.recoveredUntoldS.reset();
    }
}

void AlertEngine::remind(Track &track, const QDateTime &now)
{
    if (!track.toldDown || !track.outageSince || track.status != EndpointStatus::Down
        || m_settings.inMaintenance(track.endpoint, now))
        return;
    const qint64 sinceTold = track.toldDownAt.secsTo(now);
    QStringList channels;
    for (qsizetype r = 0; r < m_settings.rules.size(); ++r) {
        const AlertRule &rule = m_settings.rules.at(r);
        if (!rule.wants(AlertEventKind::StillDown) || !rule.filter.matches(track.endpoint))
            continue;
        const qint64 every = qint64(rule.remindEveryMin) * 60;
        const qint64 due = sinceTold / every; // reminders that should have gone out by now
        qint64 &sent = track.remindersSent[int(r)];
        if (due <= sent)
            continue;
        sent = due; // reminders missed (a suspended laptop) are one reminder, not a burst
        for (const QString &channel : rule.channels) {
            if (!channels.contains(channel))
                channels << channel;
        }
    }
    if (!channels.isEmpty())
        fireTo(eventFor(AlertEventKind::StillDown, track, now), channels);
}

// ---- sending

void AlertEngine::fire(const AlertEvent &event)
{
    QStringList channels;
    for (const AlertRule &rule : std::as_const(m_settings.rules)) {
        if (!rule.wants(event.kind) || !rule.filter.matches(event.endpoint))
            continue;
        for (const QString &channel : rule.channels) {
            if (!channels.contains(channel))
                channels << channel;
        }
    }
    fireTo(event, channels);
}

void AlertEngine::fireTo(const AlertEvent &event, const QStringList &channels)
{
    for (const QString &channel : channels) {
        if (const auto found = m_queues.find(channel); found != m_queues.end())
            found->second->add(event);
    }
}

void AlertEngine::onDelivered(const QString &channel, const AlertMessage &message, const AlertDelivery &delivery)
{
    const QString what = message.count() == 1
        ? message.title()
        : QStringLiteral("%1 (%2 events)").arg(message.title()).arg(message.count());
    if (delivery.ok) {
        log(EventSeverity::Info, QStringLiteral("alert sent to %1: %2").arg(channel, what));
        if (!delivery.note.isEmpty())
            log(EventSeverity::Warning, QStringLiteral("alert channel %1: %2").arg(channel, delivery.note));
    } else {
        const QString attempts
            = delivery.attempts > 1 ? QStringLiteral(" after %1 attempts").arg(delivery.attempts) : QString();
        log(EventSeverity::Error,
            QStringLiteral("alert to %1 failed%2: %3 (was: %4)").arg(channel, attempts, delivery.error, what));
    }
    emit delivered(channel, message, delivery);
}

void AlertEngine::onDropped(const QString &channel, int events, const QString &why)
{
    log(EventSeverity::Warning, QStringLiteral("%1 alerts for %2 were not sent: %3").arg(events).arg(channel, why));
}

void AlertEngine::log(EventSeverity severity, const QString &message)
{
    if (!m_monitor)
        return; // shut down with its log; what is cancelled now has no one to tell
    EventLogEntry entry;
    entry.type = EventLogEntry::Type::Alert;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.lastSeen = entry.time;
    entry.severity = severity;
    entry.message = message;
    m_monitor->eventLog()->add(entry);
}
