#pragma once

#include "net/icmp/IcmpSocketPool.h"
#include "probe/icmp/IcmpProbe.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>
#include <QUdpSocket>

#include <memory>
#include <optional>
#include <vector>

// What the ICMP probe tests share: endpoints, a pool that records the sockets it opened, and the
// question whether this machine has IPv6 loopback at all.
namespace IcmpTestSupport {

inline ProbeSpec icmpSpec(const QString &host, int count = 3, int spacingMs = 200, int timeoutMs = 5000,
                          IpFamily family = IpFamily::Any)
{
    ProbeSpec e;
    e.target.kind = ProbeKind::Icmp;
    e.target.host = host;
    e.timeoutMs = timeoutMs;
    e.ipFamily = family;
    e.icmp.count = count;
    e.icmp.spacingMs = spacingMs;
    return e;
}

// Starts the context as the executor would and runs the probe. The probe is passed by pointer:
// a coroutine's reference parameters are not to be trusted.
inline QCoro::Task<ProbeResult> start(IcmpProbe *probe, ProbeSpec e, std::shared_ptr<NetContext> context)
{
    context->start();
    co_return co_await probe->run(std::move(e), std::move(context));
}

inline std::shared_ptr<NetContext> contextFor(const ProbeSpec &e)
{
    return std::make_shared<NetContext>(std::chrono::milliseconds(e.timeoutMs));
}

namespace detail {
// A free function, not a lambda: a coroutine's captures would die at its first suspension.
inline QCoro::Task<> runInto(IcmpProbe *probe, ProbeSpec e, std::optional<ProbeResult> *into, int *left,
                             QEventLoop *loop)
{
    *into = co_await start(probe, e, contextFor(e));
    if (--*left == 0)
        loop->quit();
}
} // namespace detail

// Runs a probe of every endpoint at once and returns their results in the same order; a result is
// empty if its probe had not ended after 20 s.
inline std::vector<std::optional<ProbeResult>> runAllAtOnce(IcmpProbe *probe, const QList<ProbeSpec> &endpoints)
{
    std::vector<std::optional<ProbeResult>> results(std::size_t(endpoints.size()));
    int left = int(endpoints.size());
    QEventLoop loop;
    std::vector<QCoro::Task<>> runners;
    for (qsizetype i = 0; i < endpoints.size(); ++i)
        runners.push_back(detail::runInto(probe, endpoints[i], &results[std::size_t(i)], &left, &loop));
    QTimer::singleShot(std::chrono::seconds(20), &loop, &QEventLoop::quit);
    if (left > 0)
        loop.exec();
    return results;
}

// Opens real sockets of the given kinds and remembers them, so a test can see how many were opened
// and that they are gone once the probes ended.
struct RecordingOpener
{
    std::shared_ptr<QList<QPointer<IcmpSocket>>> opened = std::make_shared<QList<QPointer<IcmpSocket>>>();

    IcmpSocketPool::Opener opener() const
    {
        return [list = opened](IcmpPacket::Family family, IcmpSocket::Mode mode, int *errorNumber) {
            auto socket = IcmpSocket::open(family, mode, errorNumber);
            if (socket)
                list->append(QPointer<IcmpSocket>(socket.get()));
            return socket;
        };
    }

    int alive() const
    {
        int n = 0;
        for (const auto &socket : std::as_const(*opened))
            n += socket ? 1 : 0;
        return n;
    }
};

inline bool hasIpv6Loopback()
{
    QUdpSocket probe;
    return probe.bind(QHostAddress(QHostAddress::LocalHostIPv6), 0);
}

// Why no socket of the family and kinds opens here, or empty when one does.
inline QString whyNoSocket(IcmpPacket::Family family, QList<IcmpSocket::Mode> order)
{
    IcmpSocketPool pool(std::move(order));
    NetError failure;
    return pool.acquire(family, &failure) ? QString() : failure.message;
}

} // namespace IcmpTestSupport
