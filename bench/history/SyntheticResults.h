#pragma once

#include "probe/ProbeResult.h"

#include <QRandomGenerator>

// The benchmarks' probe results: loopback-like latencies (150–400 µs, one in a hundred 2 ms slower),
// one in two hundred down with a timeout; http results carry a status and phases.
namespace SyntheticResults {

ProbeResult next(QRandomGenerator &random, qint64 startedMs, bool http);

} // namespace SyntheticResults
