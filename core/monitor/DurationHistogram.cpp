#include "DurationHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

int DurationHistogram::bucketOf(quint64 micros)
{
    if (micros < quint64(linearLimit))
        return int(micros);
    const int exponent = std::bit_width(micros) - 1; // 6 or more here
    const int octave = std::min(exponent - 6, octaves - 1);
    const int shift = octave + 6 - subBucketBits;
    const quint64 clamped = std::min<quint64>(micros, (quint64(1) << (octave + 7)) - 1);
    const int sub = int((clamped >> shift) & ((1 << subBucketBits) - 1));
    return linearLimit + octave * (1 << subBucketBits) + sub;
}

quint64 DurationHistogram::midpointOf(int bucket)
{
    if (bucket < linearLimit)
        return quint64(bucket);
    const int octave = (bucket - linearLimit) >> subBucketBits;
    const int sub = (bucket - linearLimit) & ((1 << subBucketBits) - 1);
    const int shift = octave + 6 - subBucketBits;
    const quint64 low = (quint64(1) << (octave + 6)) + (quint64(sub) << shift);
    return low + ((quint64(1) << shift) >> 1);
}

void DurationHistogram::record(std::chrono::microseconds duration)
{
    const quint64 micros = duration.count() > 0 ? quint64(duration.count()) : 0;
    ++m_buckets[std::size_t(bucketOf(micros))];
    ++m_count;
    m_max = std::max(m_max, std::chrono::microseconds(qint64(micros)));
    m_sum += std::chrono::microseconds(qint64(micros));
}

void DurationHistogram::clear()
{
    m_buckets.fill(0);
    m_count = 0;
    m_max = std::chrono::microseconds{0};
    m_sum = std::chrono::microseconds{0};
}

quint64 DurationHistogram::countAtOrBelow(std::chrono::microseconds limit) const
{
    if (limit.count() < 0)
        return 0;
    if (limit >= m_max)
        return m_count;
    quint64 seen = 0;
    for (int bucket = 0; bucket < bucketCount && midpointOf(bucket) <= quint64(limit.count()); ++bucket)
        seen += m_buckets[std::size_t(bucket)];
    return seen;
}

std::chrono::microseconds DurationHistogram::percentile(double p) const
{
    if (m_count == 0)
        return std::chrono::microseconds{0};
    const double exact = std::round(p / 100.0 * double(m_count) * 1e6) / 1e6;
    const quint64 rank = std::max<quint64>(1, quint64(std::ceil(exact)));
    quint64 seen = 0;
    for (int bucket = 0; bucket < bucketCount; ++bucket) {
        seen += m_buckets[std::size_t(bucket)];
        if (seen >= rank)
            return std::min(std::chrono::microseconds(qint64(midpointOf(bucket))), m_max);
    }
    return m_max;
}
