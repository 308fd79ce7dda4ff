#pragma once

#include <QtGlobal>

#include <chrono>

// Totals since Monitor::start() (or construction), for the headless summary and the status bar.
// Every run that came due ends in exactly one of: skipped, done, cancelled, or is still in flight,
// so due == skipped + done + cancelled + inFlight.
struct MonitorCounters
{
    quint64 due = 0; // runs the schedule (or "run now") asked for
    quint64 done = 0; // probes that finished with a result that was recorded
    quint64 failed = 0; // of done, those that failed
    quint64 skipped = 0; // runs skipped because that endpoint's previous probe was still in flight
    quint64 cancelled = 0; // probes cancelled by the user, stop, pause, removal or an edit
    int inFlight = 0; // queued + running
    int queued = 0; // waiting for a slot under the concurrency cap
    int running = 0;
    quint64 latenessSamples = 0;
    std::chrono::microseconds latenessP50{0}; // actual start - due time, from DurationHistogram
    std::chrono::microseconds latenessP99{0};
};
