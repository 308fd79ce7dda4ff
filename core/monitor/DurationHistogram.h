#pragma once

#include <QtGlobal>

#include <array>
#include <chrono>

// Durations over a whole run (the monitor's scheduling lateness, the headless summary's latencies),
// in bounded memory: a histogram with logarithmic buckets, not a list of samples, so a run of days
// costs the same ~9 KB as a run of seconds. Values below 64 µs have a bucket each; above, every power of two is split
// into 32 buckets, so a reported percentile is within 1/64 (1.6 %) of a value in its bucket: the bucket's midpoint is
// reported. Percentiles are nearest-rank over the bucket counts.
class DurationHistogram final
{
public:
    void record(std::chrono::microseconds duration); // negative counts as 0
    void clear();

    quint64 count() const { return m_count; }
    std::chrono::microseconds percentile(double p) const; // 0 when empty
    std::chrono::microseconds max() const { return m_max; }
    std::chrono::microseconds sum() const { return m_sum; }
    // How many values were at or below limit, for cumulative (Prometheus) buckets: a bucket counts
    // when its midpoint is, so the answer is exact at bucket edges and within one bucket elsewhere.
    quint64 countAtOrBelow(std::chrono::microseconds limit) const;

private:
    static constexpr int linearLimit = 64; // values below get a bucket each
    static constexpr int subBucketBits = 5; // 32 buckets per power of two
    static constexpr int octaves = 40 - 6; // from 2^6 µs up to 2^40 µs (12 days)
    static constexpr int bucketCount = linearLimit + octaves * (1 << subBucketBits);

    static int bucketOf(quint64 micros);
    static quint64 midpointOf(int bucket);

    std::array<quint64, bucketCount> m_buckets{};
    quint64 m_count = 0;
    std::chrono::microseconds m_max{0};
    std::chrono::microseconds m_sum{0};
};
