#pragma once

#include <QList>

#include <chrono>
#include <optional>

// An endpoint's figures over its rolling window (the last hour or the last 1,000 results, whichever
// is smaller). Latency figures are of successful probes only; percentiles are nearest-rank.
struct EndpointStatistics
{
    using us = std::chrono::microseconds;

    int results = 0; // in the window
    int failures = 0; // in the window
    std::optional<us> last; // the most recent result's latency, if it succeeded
    std::optional<us> min;
    std::optional<us> mean;
    std::optional<us> max;
    std::optional<us> p50;
    std::optional<us> p95;
    std::optional<us> p99;
    std::optional<us> jitter; // mean absolute difference of successive successful latencies
    std::optional<double> failurePercent;
    std::optional<double> icmpLossPercent; // lost / sent echo requests, over results with ICMP data
    std::optional<double> uptimePercent; // results after which the status was Up or Degraded, of those
                                         // after which it was Up, Degraded or Down
    int successStreak = 0; // over the whole run, not just the window
    int failureStreak = 0;
    std::optional<std::chrono::milliseconds> sinceStatusChange;
    QList<std::optional<us>> sparkline; // the last (up to) 60 results, oldest first; empty = failed
};
