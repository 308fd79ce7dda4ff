#pragma once

#include "net/dns/HostResolver.h"

#include <QHostAddress>

#include <chrono>

// Resolves address literals (at once, duration zero) and "localhost" (to 127.0.0.1 and ::1, with a
// fixed pretend lookup time so a test can see it reported as phases.dns). Anything else fails with
// kind dns. The real resolver is c-ares; the probe only needs the interface.
class FakeResolver final : public HostResolver
{
public:
    static constexpr std::chrono::microseconds kLookupTime{1500};

    int lookups = 0;

    QCoro::Task<ResolveOutcome> resolve(QString host, IpFamily family, std::shared_ptr<NetContext> context) override
    {
        Q_UNUSED(context);
        ++lookups;
        ResolveOutcome outcome;
        QHostAddress literal;
        if (literal.setAddress(host)) {
            outcome.addresses = {literal};
            co_return outcome;
        }
        if (host == QLatin1String("localhost")) {
            if (family != IpFamily::V6)
                outcome.addresses.append(QHostAddress(QHostAddress::LocalHost));
            if (family != IpFamily::V4)
                outcome.addresses.append(QHostAddress(QHostAddress::LocalHostIPv6));
            outcome.duration = kLookupTime;
            co_return outcome;
        }
        outcome.duration = kLookupTime;
        outcome.error.kind = ErrorKind::Dns;
        outcome.error.message = QStringLiteral("%1 does not resolve (no such name)").arg(host);
        co_return outcome;
    }
};
