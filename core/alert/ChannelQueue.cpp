#include "ChannelQueue.h"

#include "WebhookChannel.h"
#include "async/DeleteLater.h"
#include "net/NetContext.h"

#include <cmath>

using namespace std::chrono;
using namespace std::chrono_literals;

ChannelQueue::ChannelQueue(std::unique_ptr<AlertChannel> channel, milliseconds group, QObject *parent)
    : QObject(parent), m_channel(std::move(channel)), m_group(group)
{
    if (m_channel->settings().usesSecret())
        m_secretState = SecretState::Pending;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ChannelQueue::sendPending);
}

ChannelQueue::~ChannelQueue()
{
    *m_alive = false;
    if (m_inFlight)
        m_inFlight->cancel();
}

void ChannelQueue::add(AlertEvent event)
{
    if (m_shutDown)
        return;
    if (m_pending.size() >= maximumPending) {
        m_pending.removeFirst();
        ++m_counters.eventsDropped;
    }
    m_pending.append(std::move(event));
    if (!m_firstPending)
        m_firstPending = EngineClock::now();
    arm();
}

void ChannelQueue::setSecret(QString value)
{
    m_secret = std::move(value);
    m_secretState = SecretState::Known;
    arm();
}

void ChannelQueue::setSecretProblem(QString problem)
{
    m_secretProblem = std::move(problem);
    m_secretState = SecretState::Missing;
    arm();
}

void ChannelQueue::shutdown()
{
    m_shutDown = true;
    m_timer.stop();
    if (!m_pending.isEmpty()) {
        m_counters.eventsDropped += quint64(m_pending.size());
        emit dropped(name(), int(m_pending.size()), QStringLiteral("Pingscope stopped before they were sent"));
        m_pending.clear();
    }
    m_firstPending.reset();
    if (m_inFlight)
        m_inFlight->cancel();
}

void ChannelQueue::arm()
{
    if (m_shutDown || m_pending.isEmpty() || m_inFlight || m_secretState == SecretState::Pending)
        return;
    EngineClock::time_point due = *m_firstPending + m_group;
    if (m_lastStart) {
        const auto interval = duration_cast<milliseconds>(duration<double>(settings().minIntervalS));
        due = std::max(due, *m_lastStart + interval);
    }
    const auto wait = duration_cast<milliseconds>(due - EngineClock::now());
    m_timer.start(std::max(0ms, wait));
}

milliseconds ChannelQueue::backstop() const
{
    // Above what the channel allows itself (every attempt and backoff), so that it is the channel
    // that reports its timeout; this only ends a channel that forgets to.
    const AlertChannelSettings &channel = settings();
    const int attempts = channel.type == AlertChannelType::Webhook ? channel.retries + 1 : 1;
    milliseconds total = duration_cast<milliseconds>(duration<double>(channel.timeoutS)) * attempts + 2s;
    for (int retry = 0; retry + 1 < attempts; ++retry)
        total += WebhookChannel::backoff(retry);
    return total;
}

void ChannelQueue::sendPending()
{
    if (m_shutDown || m_pending.isEmpty() || m_inFlight)
        return;
    AlertMessage message{std::exchange(m_pending, {})};
    m_firstPending.reset();
    m_lastStart = EngineClock::now();
    if (m_secretState == SecretState::Missing) {
        ++m_counters.messagesFailed;
        emit delivered(
            name(), message,
            AlertDelivery{false, QStringLiteral("its secret is not available: %1").arg(m_secretProblem), {}, 0});
        return;
    }
    auto context = makeSharedLater<NetContext>(backstop());
    context->start();
    m_inFlight = context;
    send(std::move(message), m_secret, std::move(context), m_alive);
}

QCoro::Task<> ChannelQueue::send(AlertMessage message, QString secret, std::shared_ptr<NetContext> context,
                                 std::shared_ptr<const bool> alive)
{
    AlertDelivery delivery = co_await m_channel->send(message, std::move(secret), context);
    if (!*alive)
        co_return;
    m_inFlight.reset();
    if (!m_secret.isEmpty()) {
        // What a receiver or a program says may quote the URL or the token back; the log must not.
        delivery.error.replace(m_secret, QStringLiteral("•••"));
        delivery.note.replace(m_secret, QStringLiteral("•••"));
    }
    ++(delivery.ok ? m_counters.messagesSent : m_counters.messagesFailed);
    emit delivered(name(), message, delivery);
    arm();
}
