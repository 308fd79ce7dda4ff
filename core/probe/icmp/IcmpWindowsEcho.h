#pragma once

#include "endpoint/ProbeSpec.h"
#include "net/NetContext.h"
#include "probe/ProbeResult.h"

#include <QCoroTask>
#include <QHostAddress>
#include <QString>

#include <memory>

// Windows pings through the IP Helper API (IcmpSendEcho2 / Icmp6SendEcho2), which needs no privilege
// and matches replies itself. Written to the same contract as the POSIX sockets; NOT BUILT OR RUN
// YET: the project is only built on Linux so far.
namespace IcmpWindowsEcho {

struct Outcome
{
    IcmpReport report;
    NetError error; // why nothing may come back (an ICMP error, a failed send)
};

QCoro::Task<Outcome> ping(QHostAddress address, IcmpOptions options, std::shared_ptr<NetContext> context);

} // namespace IcmpWindowsEcho
