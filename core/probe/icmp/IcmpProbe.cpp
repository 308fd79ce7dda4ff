#include "IcmpProbe.h"

#ifdef Q_OS_UNIX
#include "IcmpEchoSession.h"
#include "async/DeleteLater.h"
#include "net/icmp/IcmpSocketPool.h"
#include <QCoroSignal>
#endif
#ifdef Q_OS_WIN
#include "IcmpWindowsEcho.h"
#endif

#include <numeric>

namespace {

// The address to ping: the first the resolver gave of the family asked for (it honours the family
// already; this also turns an IPv4-mapped IPv6 answer into plain IPv4).
std::optional<QHostAddress> pickAddress(const QList<QHostAddress> &addresses, IpFamily family)
{
    for (const QHostAddress &candidate : addresses) {
        bool isV4 = false;
        const QHostAddress v4(candidate.toIPv4Address(&isV4));
        if (isV4 && family != IpFamily::V6)
            return v4;
        if (!isV4 && candidate.protocol() == QAbstractSocket::IPv6Protocol && family != IpFamily::V4)
            return candidate;
    }
    return std::nullopt;
}

// What a finished exchange means. Up as soon as one reply came back, even when the deadline ended
// the wait for the others: a host that answers is up, the loss is reported in result.icmp.
ProbeResult conclude(const IcmpReport &report, const QHostAddress &address, const NetError &error,
                     const NetContext &context)
{
    ProbeResult result;
    if (context.abortReason() == ErrorKind::Cancelled) {
        result = ProbeResult::aborted(context); // a cancel is a cancel, whatever came back before it
    } else if (report.received > 0) {
        result.status = ProbeStatus::Up;
        // The latency of a ping is the average RTT of the replies that came back: the number a
        // user compares with ping's "avg" (min and max follow from result.icmp->rtts).
        const auto total = std::accumulate(report.rtts.cbegin(), report.rtts.cend(), std::chrono::microseconds{0});
        result.latency = total / report.received;
    } else if (error.isError()) {
        result = ProbeResult::failure(error);
        result.latency = context.elapsed();
    } else {
        result = ProbeResult::failure(ErrorKind::Timeout,
                                      QStringLiteral("no echo reply from %1 (%2 sent, %3 received)")
                                          .arg(address.toString())
                                          .arg(report.sent)
                                          .arg(report.received));
        result.latency = context.elapsed();
    }
    result.icmp = report;
    result.started = context.startedAt();
    return result;
}

} // namespace

IcmpProbe::IcmpProbe(HostResolver &resolver) : m_resolver(resolver)
{
#ifdef Q_OS_UNIX
    m_pool = &IcmpSocketPool::shared();
#endif
}

#ifdef Q_OS_UNIX
IcmpProbe::IcmpProbe(HostResolver &resolver, IcmpSocketPool &pool) : m_resolver(resolver), m_pool(&pool) { }
#endif

QCoro::Task<ProbeResult> IcmpProbe::run(ProbeSpec spec, std::shared_ptr<NetContext> context)
{
    context->setPhase(NetPhase::Resolving);
    const ResolveOutcome resolved = co_await m_resolver.resolve(spec.target.host, spec.ipFamily, context);
    PhaseTimings phases;
    phases.dns = resolved.duration;
    if (context->isAborted()) {
        ProbeResult result = ProbeResult::aborted(*context);
        result.phases = phases;
        co_return result;
    }
    const std::optional<QHostAddress> address
        = resolved.ok() ? pickAddress(resolved.addresses, spec.ipFamily) : std::nullopt;
    if (!address) {
        const NetError error = resolved.ok()
            ? NetError{ErrorKind::Dns,
                       QStringLiteral("%1 has no %2 address")
                           .arg(spec.target.host,
                                spec.ipFamily == IpFamily::V6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4"))}
            : NetError{resolved.error.isError() ? resolved.error.kind : ErrorKind::Dns, resolved.error.message};
        co_return ProbeResult::failureAt(error, *context, phases);
    }

#ifdef Q_OS_UNIX
    const auto family
        = address->protocol() == QAbstractSocket::IPv4Protocol ? IcmpPacket::Family::V4 : IcmpPacket::Family::V6;
    NetError failure;
    std::shared_ptr<IcmpSocket> socket = m_pool->acquire(family, &failure);
    if (!socket)
        co_return ProbeResult::failureAt(failure, *context, phases);

    context->setPhase(NetPhase::Pinging);
    // Deleted later, never here: finished() is emitted from the session's own queued call.
    const auto session = makeLater<IcmpEchoSession>(std::move(socket), *address, spec.icmp, context);
    session->start();
    if (!session->isFinished())
        co_await qCoro(session.get(), &IcmpEchoSession::finished);
    // Even finished at once (a failed first send), the session emits finished() later; we are gone
    // by then and the deleteLater that follows it drops the emission with the object.
    ProbeResult result = conclude(session->report(), *address, session->error(), *context);
#else
    context->setPhase(NetPhase::Pinging);
    const IcmpWindowsEcho::Outcome outcome = co_await IcmpWindowsEcho::ping(*address, spec.icmp, context);
    ProbeResult result = conclude(outcome.report, *address, outcome.error, *context);
#endif
    result.phases = phases;
    co_return result;
}
