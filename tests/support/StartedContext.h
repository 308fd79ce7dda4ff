#pragma once

#include "net/NetContext.h"

#include <chrono>
#include <memory>

// A probe's context with its clock already running, as ProbeRunner hands it to a probe.
inline std::shared_ptr<NetContext> startedContext(std::chrono::milliseconds timeout)
{
    auto context = std::make_shared<NetContext>(timeout);
    context->start();
    return context;
}
