#pragma once

#include "monitor/EndpointStatus.h"
#include "probe/ProbeResult.h"

#include <QRandomGenerator>

#include <vector>

// The benchmarks' probe results: loopback-like latencies (150–400 µs, one in a hundred 2 ms slower),
// one in two hundred down with a timeout; http results carry a status and phases.
namespace SyntheticResults {

ProbeResult next(QRandomGenerator &random, qint64 startedMs, bool http); // down one time in 200
ProbeResult answered(QRandomGenerator &random, qint64 startedMs, bool http);
ProbeResult timedOut(qint64 startedMs);

// What the monitor shows after each result: Down after two failures in a row (failure_threshold 2,
// the profile default), Up after an answer, Unknown until the first of either in a run.
class Statuses final
{
public:
    explicit Statuses(int endpoints);
    void reset(); // a new run: every status unknown
    EndpointStatus after(int endpoint, bool answered);

private:
    std::vector<EndpointStatus> m_status;
    std::vector<int> m_failures;
};

} // namespace SyntheticResults
