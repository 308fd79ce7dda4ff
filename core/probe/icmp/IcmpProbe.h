#pragma once

#include "endpoint/ProbeSpec.h"
#include "net/NetContext.h"
#include "net/dns/HostResolver.h"
#include "probe/ProbeResult.h"

#include <QCoroTask>
#include <QtGlobal>

#include <memory>

class IcmpSocketPool;

// Pings a host the way ping(8) does: icmp.count echo requests icmp.spacingMs apart, each carrying a
// per-probe cookie, and reports what came back in result.icmp (sent, received, each RTT in µs).
//
// - Phases: Resolving (phases.dns = the lookup's own time), then Pinging.
// - The whole probe, sends and waiting, is bounded by the context's deadline. Requests the deadline
//   cuts off are never sent and are not counted, neither as sent nor as lost.
// - Up when at least one reply came back, even when the deadline ended the wait for the rest: a
//   host that answers is up, and the loss is in result.icmp. latency is then the average RTT of the
//   replies, the number a user compares with ping's "avg".
// - Down with kind timeout ("no echo reply from 127.0.0.1 (3 sent, 0 received)") when nothing came
//   back; unreachable when ICMP errors quoting our requests came instead (raw sockets only); permission
//   when no ICMP socket may be opened; cancelled when cancelled, whatever arrived before.
//
// All probes of a family share one socket from the pool (see IcmpSocketPool and IcmpEchoSession).
// The resolver and the pool must outlive every probe run.
class IcmpProbe final
{
public:
    explicit IcmpProbe(HostResolver &resolver);
#ifdef Q_OS_UNIX
    IcmpProbe(HostResolver &resolver, IcmpSocketPool &pool); // tests choose the socket kinds
#endif

    QCoro::Task<ProbeResult> run(ProbeSpec spec, std::shared_ptr<NetContext> context);

private:
    HostResolver &m_resolver;
    IcmpSocketPool *m_pool = nullptr; // unused on Windows
};
