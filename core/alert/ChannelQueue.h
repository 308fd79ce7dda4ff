#pragma once

#include "AlertChannel.h"
#include "AlertDelivery.h"
#include "AlertMessage.h"
#include "async/EngineClock.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

class NetContext;

// The events on their way out through one channel. The first event waits the group time for
// others to join it (an outage of 200 endpoints is one message), messages are at least the
// channel's min_interval_s apart (what comes in between joins the next), and one message is in
// flight at a time. A channel that hangs or fails holds up only itself: its own sends are
// asynchronous, and nothing else waits on them.
class ChannelQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelQueue)

public:
    // Events held at most while the channel cannot send; the oldest go first beyond this.
    static constexpr int maximumPending = 10000;

    struct Counters
    {
        quint64 messagesSent = 0;
        quint64 messagesFailed = 0;
        quint64 eventsDropped = 0; // beyond maximumPending, or left at shutdown
    };

    ChannelQueue(std::unique_ptr<AlertChannel> channel, std::chrono::milliseconds group, QObject *parent = nullptr);
    ~ChannelQueue() override;

    const AlertChannelSettings &settings() const { return m_channel->settings(); }
    QString name() const { return settings().name; }
    AlertChannel *channel() const { return m_channel.get(); }

    void add(AlertEvent event);
    // A channel that uses {secret} holds its messages until the secret is known or known missing.
    void setSecret(QString value);
    void setSecretProblem(QString problem);

    // Cancels the message in flight (its transfer or process is aborted) and drops what waits.
    void shutdown();

    int pendingEvents() const { return int(m_pending.size()); }
    bool isSending() const { return m_inFlight != nullptr; }
    Counters counters() const { return m_counters; }

signals:
    void delivered(const QString &channel, const AlertMessage &message, const AlertDelivery &delivery);
    void dropped(const QString &channel, int events, const QString &why);

private:
    enum class SecretState { NotNeeded, Pending, Known, Missing };

    void arm();
    void sendPending();
    QCoro::Task<> send(AlertMessage message, QString secret, std::shared_ptr<NetContext> context,
                       std::shared_ptr<const bool> alive);
    std::chrono::milliseconds backstop() const;

    std::unique_ptr<AlertChannel> m_channel;
    std::chrono::milliseconds m_group;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    QTimer m_timer;
    QList<AlertEvent> m_pending;
    std::optional<EngineClock::time_point> m_firstPending;
    std::optional<EngineClock::time_point> m_lastStart;
    std::shared_ptr<NetContext> m_inFlight;
    SecretState m_secretState = SecretState::NotNeeded;
    QString m_secret;
    QString m_secretProblem;
    Counters m_counters;
    bool m_shutDown = false;
};
