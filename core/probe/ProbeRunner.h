#pragma once

#include "ProbeExecutor.h"

#include <memory>

class CurlMulti;
class DnsProbe;
class HostResolver;
class HttpProbe;
class IcmpProbe;
class TcpProbe;
class TlsProbe;

// The real ProbeExecutor: hands each endpoint to the probe of its kind, then grades the answer
// (degraded_ms, certificate expiry, packet loss) the same way for every kind.
//
// One per thread: it owns that thread's libcurl multi handle, c-ares resolver and probe objects,
// and must outlive every probe it runs.
class ProbeRunner final : public ProbeExecutor
{
public:
    ProbeRunner();
    ~ProbeRunner() override;
    Q_DISABLE_COPY_MOVE(ProbeRunner)

    QCoro::Task<ProbeResult> run(ProbeSpec spec, std::shared_ptr<NetContext> context) override;

private:
    QCoro::Task<ProbeResult> runKind(ProbeSpec spec, std::shared_ptr<NetContext> context);

    std::unique_ptr<CurlMulti> m_curl;
    std::shared_ptr<HostResolver> m_resolver;
    std::unique_ptr<HttpProbe> m_http;
    std::unique_ptr<TcpProbe> m_tcp;
    std::unique_ptr<TlsProbe> m_tls;
    std::unique_ptr<IcmpProbe> m_icmp;
    std::unique_ptr<DnsProbe> m_dns;
};
