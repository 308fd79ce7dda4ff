#pragma once

#include <QCoroTask>

#include <chrono>
#include <memory>

class NetContext;

// Waits for delay, or until context is aborted, whichever comes first: a retry's backoff that a
// shutdown does not have to sit out.
namespace AlertDelay {
QCoro::Task<> wait(std::chrono::milliseconds delay, std::shared_ptr<NetContext> context);
}
