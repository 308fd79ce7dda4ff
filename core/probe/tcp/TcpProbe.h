#pragma once

#include "endpoint/ProbeSpec.h"
#include "net/NetContext.h"
#include "net/dns/HostResolver.h"
#include "probe/ProbeResult.h"

#include <QCoroTask>

#include <memory>

// tcp://host:port: up when a TCP connection opens. latency = dns + connect.
class TcpProbe final
{
public:
    explicit TcpProbe(std::shared_ptr<HostResolver> resolver);

    QCoro::Task<ProbeResult> run(ProbeSpec spec, std::shared_ptr<NetContext> context);

private:
    std::shared_ptr<HostResolver> m_resolver;
};
