#pragma once

#include "endpoint/ProbeSpec.h"
#include "net/NetContext.h"
#include "probe/ProbeResult.h"

#include <QCoroTask>

#include <memory>

// dns://name?type=T[&server=IP[:port]]: asks for the records of one type, of the system's resolvers
// or of the given server (on a channel of its own), and reports them in result.dnsAnswers. The
// name is asked as written, without the search domains. latency = the lookup's own time. With
// dns.expect set, that answer must be among the records, else body_mismatch.
class DnsProbe final
{
public:
    QCoro::Task<ProbeResult> run(ProbeSpec spec, std::shared_ptr<NetContext> context);
};
