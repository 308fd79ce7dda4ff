#pragma once

#include "probe/ProbeContext.h"

#include <chrono>
#include <memory>

// A probe's context with its clock already running, as ProbeRunner hands it to a probe.
inline std::shared_ptr<ProbeContext> startedContext(std::chrono::milliseconds timeout)
{
    auto context = std::make_shared<ProbeContext>(timeout);
    context->start();
    return context;
}
