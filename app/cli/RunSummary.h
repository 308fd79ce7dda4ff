#pragma once

#include "endpoint/ProbeKind.h"
#include "monitor/DurationHistogram.h"
#include "monitor/MonitorCounters.h"
#include "probe/ProbeResult.h"

#include <QByteArray>

#include <map>

// The JSON `pingscope watch --summary` prints at exit, for benchmarks and capacity planning:
// {"duration_s", "endpoints", "probes_due", "probes_done", "probes_failed", "probes_skipped",
//  "probes_cancelled", "lateness_ms": {"p50", "p99"}, "latency_ms": {KIND: {"p50", "p99", "count"}},
//  "cpu_seconds", "peak_rss_mb"}, keys in that order, on one line.
// Latency is of the probes that answered (up or degraded), per kind, over the whole run, in the
// bounded memory of one DurationHistogram per kind.
class RunSummary final
{
public:
    void record(ProbeKind kind, const ProbeResult &result);

    QByteArray render(double durationS, int endpoints, const MonitorCounters &counters) const;

private:
    std::map<ProbeKind, DurationHistogram> m_latency; // ordered by kind, so the output is stable
};
