#include "AresResolver.h"

#include "AresChannel.h"
#include "DnsAnswers.h"
#include "Logging.h"
#include "async/DeleteLater.h"

#include <QCoroSignal>
#include <QElapsedTimer>

#include <netinet/in.h>

using namespace std::chrono;

namespace {
struct Lookup
{
    AresChannel *channel = nullptr;
    QElapsedTimer clock;
    microseconds duration{0};
    int status = ARES_ECONNREFUSED;
    QList<QHostAddress> addresses;
};

void onAddressInfo(void *arg, int status, int /*timeouts*/, ares_addrinfo *result)
{
    // On ARES_EDESTRUCTION the lookup may be gone: the channel outlives its awaiting coroutine.
    if (status == ARES_EDESTRUCTION) {
        if (result)
            ares_freeaddrinfo(result);
        return;
    }
    auto *lookup = static_cast<Lookup *>(arg);
    lookup->duration = duration_cast<microseconds>(nanoseconds(lookup->clock.nsecsElapsed()));
    lookup->status = status;
    if (result) {
        for (const ares_addrinfo_node *node = result->nodes; node; node = node->ai_next) {
            const QHostAddress address(node->ai_addr);
            if (!address.isNull() && !lookup->addresses.contains(address))
                lookup->addresses.append(address);
        }
        ares_freeaddrinfo(result);
    }
    lookup->channel->markDone();
}

int familyOf(IpFamily family)
{
    switch (family) {
    case IpFamily::Any:
        return AF_UNSPEC;
    case IpFamily::V4:
        return AF_INET;
    case IpFamily::V6:
        return AF_INET6;
    }
    return AF_UNSPEC;
}

QString familyWords(IpFamily family)
{
    return family == IpFamily::V4 ? QStringLiteral("IPv4") : QStringLiteral("IPv6");
}

ResolveOutcome failed(ErrorKind kind, QString message, microseconds duration = microseconds{0})
{
    ResolveOutcome outcome;
    outcome.error.kind = kind;
    outcome.error.message = std::move(message);
    outcome.duration = duration;
    return outcome;
}

ResolveOutcome fromLiteral(const QHostAddress &address, const QString &host, IpFamily family)
{
    const bool isV4 = address.protocol() == QAbstractSocket::IPv4Protocol;
    if ((family == IpFamily::V4 && !isV4) || (family == IpFamily::V6 && isV4)) {
        return failed(ErrorKind::Dns,
                      QStringLiteral("%1 is an %2 address, but this endpoint uses %3 only")
                          .arg(host, isV4 ? QStringLiteral("IPv4") : QStringLiteral("IPv6"), familyWords(family)));
    }
    ResolveOutcome outcome;
    outcome.addresses = {address};
    return outcome;
}

ResolveOutcome fromStatus(const Lookup &lookup, const QString &host, IpFamily family)
{
    switch (lookup.status) {
    case ARES_SUCCESS:
        if (lookup.addresses.isEmpty())
            break;
        {
            ResolveOutcome outcome;
            outcome.addresses = lookup.addresses;
            outcome.duration = lookup.duration;
            return outcome;
        }
    case ARES_ENOTFOUND:
    case ARES_ENONAME:
        return failed(ErrorKind::Dns, QStringLiteral("no such host: %1").arg(host), lookup.duration);
    case ARES_ETIMEOUT:
        return failed(ErrorKind::Dns, QStringLiteral("DNS server did not answer for %1").arg(host), lookup.duration);
    case ARES_ESERVFAIL:
        return failed(ErrorKind::Dns, QStringLiteral("DNS server failure looking up %1").arg(host), lookup.duration);
    case ARES_EREFUSED:
        return failed(ErrorKind::Dns, QStringLiteral("DNS server refused to look up %1").arg(host), lookup.duration);
    case ARES_ECONNREFUSED:
        // Also what c-ares 1.18 reports when every server answered SERVFAIL or REFUSED.
        return failed(ErrorKind::Dns,
                      QStringLiteral("no DNS server would look up %1 (each refused or failed)").arg(host),
                      lookup.duration);
    case ARES_EBADNAME:
        return failed(ErrorKind::Dns, QStringLiteral("not a valid host name: %1").arg(host), lookup.duration);
    default:
        break;
    }
    if (lookup.status == ARES_SUCCESS || lookup.status == ARES_ENODATA) {
        const QString what = family == IpFamily::Any ? QStringLiteral("no address")
                                                     : QStringLiteral("no %1 address").arg(familyWords(family));
        return failed(ErrorKind::Dns, QStringLiteral("%1 has %2").arg(host, what), lookup.duration);
    }
    return failed(ErrorKind::Dns,
                  QStringLiteral("cannot look up %1: %2").arg(host, QString::fromUtf8(ares_strerror(lookup.status))),
                  lookup.duration);
}

ResolveOutcome aborted(const NetContext &context)
{
    const NetError error = context.abortedError();
    return failed(error.kind, error.message);
}
} // namespace

AresResolver::AresResolver(std::optional<DnsServerAddress> server) : m_server(std::move(server)) { }

QCoro::Task<ResolveOutcome> AresResolver::resolve(QString host, IpFamily family, std::shared_ptr<NetContext> context)
{
    if (const QHostAddress literal(host); !literal.isNull())
        co_return fromLiteral(literal, host, family);
    if (context->isAborted())
        co_return aborted(*context);

    auto channel = makeLater<AresChannel>(AresChannel::settingsFor(context->remaining(), m_server));
    if (!channel->isValid())
        co_return failed(ErrorKind::Dns, channel->error());

    // Owned here, not by the channel: the channel may outlive this coroutine (deleteLater), and
    // its callbacks then only see ARES_EDESTRUCTION, which never touches the lookup.
    auto lookup = std::make_unique<Lookup>();
    lookup->channel = channel.get();
    QObject::connect(context.get(), &NetContext::aborted, channel.get(), &AresChannel::cancel);

    const QByteArray name = DnsAnswers::wireName(host);
    ares_addrinfo_hints hints{};
    hints.ai_family = familyOf(family);
    hints.ai_socktype = SOCK_STREAM; // one node per address, not one per socket type
    lookup->clock.start();
    channel->start([&](ares_channel handle) {
        ares_getaddrinfo(handle, name.constData(), nullptr, &hints, &onAddressInfo, lookup.get());
    });
    if (!channel->isDone())
        co_await qCoro(channel.get(), &AresChannel::done);

    if (context->isAborted())
        co_return aborted(*context);
    qCDebug(lcDns) << "looked up" << host << ":" << ares_strerror(lookup->status);
    co_return fromStatus(*lookup, host, family);
}
