#include "DnsProbe.h"

#include "async/DeleteLater.h"
#include "net/HostPort.h"
#include "net/dns/AresChannel.h"
#include "net/dns/DnsAnswers.h"

#include <QCoroSignal>
#include <QElapsedTimer>

#include <arpa/nameser.h>

using namespace std::chrono;

namespace {
struct Query
{
    AresChannel *channel = nullptr;
    DnsRecordType type = DnsRecordType::A;
    QElapsedTimer clock;
    microseconds duration{0};
    int status = ARES_ECONNREFUSED;
    QStringList records;
};

void onAnswer(void *arg, int status, int /*timeouts*/, unsigned char *answer, int length)
{
    if (status == ARES_EDESTRUCTION) // the query may be gone: the channel outlives its coroutine
        return;
    auto *query = static_cast<Query *>(arg);
    query->duration = duration_cast<microseconds>(nanoseconds(query->clock.nsecsElapsed()));
    query->status = status;
    if (status == ARES_SUCCESS)
        query->status = DnsAnswers::parse(query->type, answer, length, &query->records);
    query->channel->markDone();
}

QString serverText(const Target &target)
{
    if (target.dnsServer.isEmpty())
        return QStringLiteral("the DNS server");
    return QStringLiteral("the DNS server %1").arg(HostPort::join(target.dnsServer, target.dnsServerPort));
}

ProbeResult failureFor(const Query &query, const Target &target)
{
    const QString type = dnsRecordTypeName(target.dnsType);
    const QString server = serverText(target);
    switch (query.status) {
    case ARES_ENODATA:
        return ProbeResult::failure(ErrorKind::Dns, QStringLiteral("no %1 records for %2").arg(type, target.host));
    case ARES_ENOTFOUND:
        return ProbeResult::failure(ErrorKind::Dns, QStringLiteral("no such name: %1").arg(target.host));
    case ARES_ESERVFAIL:
        return ProbeResult::failure(ErrorKind::Dns,
                                    QStringLiteral("server failure: %1 could not look up %2").arg(server, target.host));
    case ARES_EREFUSED:
        return ProbeResult::failure(ErrorKind::Dns,
                                    QStringLiteral("%1 refused to answer for %2").arg(server, target.host));
    case ARES_ENOTIMP:
        return ProbeResult::failure(ErrorKind::Dns, QStringLiteral("%1 does not support %2 queries").arg(server, type));
    case ARES_EFORMERR:
        return ProbeResult::failure(ErrorKind::Dns, QStringLiteral("%1 could not read the query").arg(server));
    case ARES_ETIMEOUT:
        return ProbeResult::failure(ErrorKind::Dns, QStringLiteral("%1 did not answer").arg(server));
    case ARES_ECONNREFUSED:
        return ProbeResult::failure(ErrorKind::Refused, QStringLiteral("nothing answers DNS at %1").arg(server));
    case ARES_EBADRESP:
        return ProbeResult::failure(ErrorKind::Protocol,
                                    QStringLiteral("%1 sent an answer that cannot be read").arg(server));
    case ARES_EBADNAME:
        return ProbeResult::failure(ErrorKind::Dns, QStringLiteral("not a valid DNS name: %1").arg(target.host));
    default:
        return ProbeResult::failure(
            ErrorKind::Dns,
            QStringLiteral("cannot look up %1: %2").arg(target.host, QString::fromUtf8(ares_strerror(query.status))));
    }
}
} // namespace

QCoro::Task<ProbeResult> DnsProbe::run(ProbeSpec spec, std::shared_ptr<NetContext> context)
{
    const Target &target = spec.target;
    context->setPhase(NetPhase::Resolving);
    if (context->isAborted())
        co_return ProbeResult::aborted(*context);

    std::optional<DnsServerAddress> server;
    if (!target.dnsServer.isEmpty())
        server = DnsServerAddress{QHostAddress(target.dnsServer), target.dnsServerPort};
    // A probe reports what the server said, so a SERVFAIL or REFUSED ends it rather than being
    // passed over for the next of the system's servers.
    AresChannel::Settings settings = AresChannel::settingsFor(context->remaining(), server);
    settings.reportServerErrors = true;
    auto channel = makeLater<AresChannel>(settings);
    if (!channel->isValid()) {
        ProbeResult failure = ProbeResult::failure(ErrorKind::Dns, channel->error());
        failure.started = context->startedAt();
        co_return failure;
    }
    auto query = std::make_unique<Query>();
    query->channel = channel.get();
    query->type = target.dnsType;
    QObject::connect(context.get(), &NetContext::aborted, channel.get(), &AresChannel::cancel);

    const QByteArray name = DnsAnswers::wireName(target.host);
    query->clock.start();
    channel->start([&](ares_channel handle) {
        ares_query(handle, name.constData(), ns_c_in, DnsAnswers::wireType(target.dnsType), &onAnswer, query.get());
    });
    if (!channel->isDone())
        co_await qCoro(channel.get(), &AresChannel::done);
    if (context->isAborted())
        co_return ProbeResult::aborted(*context);

    ProbeResult result = query->status == ARES_SUCCESS ? ProbeResult() : failureFor(*query, target);
    result.started = context->startedAt();
    result.latency = query->duration;
    result.phases.dns = query->duration;
    result.dnsAnswers = query->records;
    if (query->status != ARES_SUCCESS)
        co_return result;
    if (!spec.dns.expect.isEmpty() && !DnsAnswers::contains(target.dnsType, query->records, spec.dns.expect)) {
        result.errorKind = ErrorKind::BodyMismatch;
        result.errorMessage = QStringLiteral("expected %1 among the answers, got [%2]")
                                  .arg(spec.dns.expect, query->records.join(QStringLiteral(", ")));
        co_return result;
    }
    result.status = ProbeStatus::Up;
    co_return result;
}
