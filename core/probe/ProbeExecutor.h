#pragma once

#include "ProbeResult.h"
#include "endpoint/ProbeSpec.h"
#include "net/NetContext.h"

#include <QCoroTask>

#include <memory>

// Runs one probe of one endpoint. The monitor depends on this interface only, so its tests can
// drive it with probes that answer on command.
class ProbeExecutor
{
public:
    virtual ~ProbeExecutor() = default;

    // Starts the context's clock, probes, and returns the result; never throws. Both arguments are
    // taken by value: a coroutine's reference parameters dangle after its first suspension.
    virtual QCoro::Task<ProbeResult> run(ProbeSpec spec, std::shared_ptr<NetContext> context) = 0;
};
