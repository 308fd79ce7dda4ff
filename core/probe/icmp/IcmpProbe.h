#pragma once

#include "endpoint/Endpoint.h"
#include "probe/HostResolver.h"
#include "probe/ProbeContext.h"
#include "probe/ProbeResult.h"

#include <QCoroTask>
#include <QtGlobal>

#include <memory>

class IcmpSocketPool;

// Pings a host the way ping(8) does: icmp.count echo requests icmp.spacingMs apart, each carrying a
// per-probe cookie, and reports what came back (sent, received, each RTT). All probes of a family
// share one socket from the pool (see IcmpSocketPool). The resolver and the pool must outlive every
// probe run.
class IcmpProbe final
{
public:
    explicit IcmpProbe(HostResolver &resolver);
#ifdef Q_OS_UNIX
    IcmpProbe(HostResolver &resolver, IcmpSocketPool &pool); // tests choose the socket kinds
#endif

    QCoro::Task<ProbeResult> run(Endpoint endpoint, std::shared_ptr<ProbeContext> context);

private:
    HostResolver &m_resolver;
    IcmpSocketPool *m_pool = nullptr; // unused on Windows
};
