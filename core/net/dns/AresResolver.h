#pragma once

#include "DnsServerAddress.h"
#include "HostResolver.h"

#include <optional>

// The HostResolver on c-ares: ares_getaddrinfo on a fresh channel per lookup, so nothing is ever
// cached. It reads /etc/hosts first when the system says so (nsswitch "files dns"), and answers
// "localhost" itself as RFC 6761 asks, without asking a DNS server.
class AresResolver final : public HostResolver
{
public:
    // server: ask this DNS server instead of the system's (for tests and for dns targets).
    explicit AresResolver(std::optional<DnsServerAddress> server = std::nullopt);

    QCoro::Task<ResolveOutcome> resolve(QString host, IpFamily family, std::shared_ptr<NetContext> context) override;

private:
    std::optional<DnsServerAddress> m_server;
};
