#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

// The nearest-rank percentile: the smallest value such that at least p percent of the values are
// at or below it, i.e. sorted[ceil(p / 100 * n) - 1] (p = 0 gives the minimum). It is always one
// of the measured values, never an interpolation between two, which is what a person expects of
// "p99 latency" on a short window. sorted must be ascending and not empty; p in [0, 100].
template<typename T> T nearestRankPercentile(const std::vector<T> &sorted, double p)
{
    const auto n = sorted.size();
    // Rounding guards against p / 100 * n landing a hair above a whole number (0.95 * 100 = 95.000…01).
    const double exact = std::round(p / 100.0 * double(n) * 1e6) / 1e6;
    const auto rank = std::size_t(std::max(1.0, std::ceil(exact)));
    return sorted[std::min(rank, n) - 1];
}
