#include "AlertTester.h"

#include "AlertChannels.h"
#include "async/DeleteLater.h"
#include "net/NetContext.h"
#include "net/curl/CurlMulti.h"

#include <cmath>

namespace {
// Outside the coroutine: GCC 12 cannot put QStringLiteral's array in a coroutine frame here.
AlertMessage testMessage(const QString &channel)
{
    AlertEvent event;
    event.kind = AlertEventKind::Test;
    event.time = QDateTime::currentDateTimeUtc();
    event.endpoint.name = QStringLiteral("Pingscope");
    event.status = EndpointStatus::Up;
    event.detail
        = QStringLiteral("sent from the Alerts dialog to the channel %1; if you read this, it works").arg(channel);
    return AlertMessage{{event}};
}

AlertDelivery missingSecret(const QString &problem)
{
    return AlertDelivery{false, QStringLiteral("its secret is not available: %1").arg(problem), {}, 0};
}
} // namespace

AlertTester::AlertTester(std::shared_ptr<SecretStore> store, DesktopNotifier *notifier, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_notifier(notifier), m_curl(std::make_unique<CurlMulti>())
{ }

AlertTester::~AlertTester()
{
    *m_alive = false;
    if (m_inFlight)
        m_inFlight->cancel();
}

void AlertTester::send(AlertChannelSettings channel, std::optional<QString> secret)
{
    if (m_inFlight)
        return;
    // One attempt, no retries: the person pressing the button wants the answer now.
    channel.retries = 0;
    auto context = makeSharedLater<NetContext>(std::chrono::milliseconds(std::llround(channel.timeoutS * 1000) + 2000));
    context->start();
    m_inFlight = context;
    run(this, m_alive, std::move(channel), std::move(secret), std::move(context));
}

QCoro::Task<> AlertTester::run(AlertTester *self, std::shared_ptr<const bool> alive, AlertChannelSettings channel,
                               std::optional<QString> secret, std::shared_ptr<NetContext> context)
{
    if (!secret && channel.usesSecret()) {
        const SecretStore::Lookup lookup
            = co_await AlertChannels::resolveSecret(channel.secret, self->m_environment, self->m_store);
        if (!*alive)
            co_return;
        if (!lookup.value) {
            self->m_inFlight.reset();
            emit self->finished(channel.name, missingSecret(lookup.problem));
            co_return;
        }
        secret = lookup.value;
    }
    // The channel object goes with this frame; its send copies what it needs.
    const auto sender = AlertChannels::make(channel, self->m_curl.get(), self->m_notifier);
    const AlertDelivery delivery
        = co_await sender->send(testMessage(channel.name), secret.value_or(QString()), context);
    if (!*alive)
        co_return;
    self->m_inFlight.reset();
    emit self->finished(channel.name, delivery);
}
