#pragma once

#include "endpoint/ProbeSpec.h"
#include "net/NetContext.h"
#include "net/dns/HostResolver.h"
#include "probe/ProbeResult.h"

#include <QCoroTask>

#include <memory>

// tls://host[:port]: a TCP connection, then a TLS handshake that verifies the certificate for the
// target's host name. Reports the leaf's subject, issuer and expiry, and whether the chain is
// trusted; latency = dns + connect + tls.
//
// tls targets have no TLS options of their own, so they use the endpoint's http ones: the chain is
// verified against the system's trust store plus the certificates in http.caFile when set, and
// with http.verifyTls false a certificate that fails verification is reported (chainValid false)
// but does not make the probe fail.
class TlsProbe final
{
public:
    explicit TlsProbe(std::shared_ptr<HostResolver> resolver);

    QCoro::Task<ProbeResult> run(ProbeSpec spec, std::shared_ptr<NetContext> context);

private:
    std::shared_ptr<HostResolver> m_resolver;
};
