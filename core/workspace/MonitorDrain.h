#pragma once

#include <chrono>

class Monitor;

// After a stop or a cancel, runs the event loop until the monitor has no probe in flight and has
// sent its last batch of results, or until limit has passed. The probes' executor must outlive
// their coroutines, and a result that finished just before the stop still belongs in the output.
namespace MonitorDrain {
void drain(const Monitor &monitor, std::chrono::milliseconds limit);
// Only until no probe is in flight (at once if none is), without waiting for the last batch.
void untilIdle(const Monitor &monitor, std::chrono::milliseconds limit);
} // namespace MonitorDrain
