#include "TcpProbe.h"

#include "async/DeleteLater.h"
#include "net/tcp/TcpConnector.h"

#include <QTcpSocket>

TcpProbe::TcpProbe(std::shared_ptr<HostResolver> resolver) : m_resolver(std::move(resolver)) { }

QCoro::Task<ProbeResult> TcpProbe::run(ProbeSpec spec, std::shared_ptr<NetContext> context)
{
    auto resolver = m_resolver; // this probe object need not outlive the coroutine
    auto socket = makeLater<QTcpSocket>();
    ConnectOutcome connected = co_await TcpConnector::connect(socket.get(), std::move(resolver), spec.target.host,
                                                              spec.target.port, spec.ipFamily, context);
    socket->abort();
    if (!connected.connected)
        co_return ProbeResult::failureAt(connected.error, *context, connected.phases);

    ProbeResult result;
    result.status = ProbeStatus::Up;
    result.started = context->startedAt();
    result.phases = connected.phases;
    result.latency = connected.phases.dns.value_or(std::chrono::microseconds{0})
        + connected.phases.connect.value_or(std::chrono::microseconds{0});
    co_return result;
}
