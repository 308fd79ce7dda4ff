#pragma once

#include "net/IpFamily.h"
#include "net/NetContext.h"
#include "net/NetError.h"

#include <QCoroTask>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <chrono>
#include <memory>

struct ResolveOutcome
{
    QList<QHostAddress> addresses; // in the order to try; empty on failure
    std::chrono::microseconds duration{0}; // the lookup's own time; zero for an address literal
    NetError error; // Dns, Timeout or Cancelled on failure

    bool ok() const { return !error.isError() && !addresses.isEmpty(); }
};

// Looks a host name up afresh, with no cache (QHostInfo caches for 60 s and that cannot be turned
// off in Qt 6.4, so it would report a cached lookup as the network's time). An address literal
// resolves to itself at once. A lookup ends early when the context aborts.
class HostResolver
{
public:
    virtual ~HostResolver() = default;
    virtual QCoro::Task<ResolveOutcome> resolve(QString host, IpFamily family, std::shared_ptr<NetContext> context) = 0;
};
