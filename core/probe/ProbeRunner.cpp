#include "ProbeRunner.h"

#include "Logging.h"
#include "ResultGrading.h"
#include "net/curl/CurlMulti.h"
#include "net/dns/AresResolver.h"
#include "probe/dns/DnsProbe.h"
#include "probe/http/HttpProbe.h"
#include "probe/icmp/IcmpProbe.h"
#include "probe/tcp/TcpProbe.h"
#include "probe/tls/TlsProbe.h"

ProbeRunner::ProbeRunner()
    : m_curl(std::make_unique<CurlMulti>())
    , m_resolver(std::make_shared<AresResolver>())
    , m_http(std::make_unique<HttpProbe>(m_curl.get()))
    , m_tcp(std::make_unique<TcpProbe>(m_resolver))
    , m_tls(std::make_unique<TlsProbe>(m_resolver))
    , m_icmp(std::make_unique<IcmpProbe>(*m_resolver))
    , m_dns(std::make_unique<DnsProbe>())
{ }

ProbeRunner::~ProbeRunner() = default;

QCoro::Task<ProbeResult> ProbeRunner::run(ProbeSpec spec, std::shared_ptr<NetContext> context)
{
    context->start();
    // Cancelled while it waited for a slot: nothing to ask the network.
    if (context->isAborted())
        co_return ProbeResult::aborted(*context);
    ProbeResult result = co_await runKind(spec, context);
    gradeResult(result, spec);
    qCDebug(lcProbe).noquote() << spec.target.toString() << probeStatusName(result.status)
                               << QStringLiteral("%1 ms").arg(double(result.latency.count()) / 1000, 0, 'f', 2)
                               << errorKindName(result.errorKind) << result.errorMessage;
    co_return result;
}

QCoro::Task<ProbeResult> ProbeRunner::runKind(ProbeSpec spec, std::shared_ptr<NetContext> context)
{
    switch (spec.target.kind) {
    case ProbeKind::Http:
        return m_http->run(std::move(spec), std::move(context));
    case ProbeKind::Tcp:
        return m_tcp->run(std::move(spec), std::move(context));
    case ProbeKind::Tls:
        return m_tls->run(std::move(spec), std::move(context));
    case ProbeKind::Icmp:
        return m_icmp->run(std::move(spec), std::move(context));
    case ProbeKind::Dns:
        return m_dns->run(std::move(spec), std::move(context));
    }
    Q_UNREACHABLE();
}
