#include "HistoryTypes.h"

#include "ByteCoding.h"

#include <QDateTime>

#include <algorithm>
#include <bit>
#include <cmath>

qint64 historyMsOf(const QDateTime &time)
{
    return time.toMSecsSinceEpoch();
}

QDateTime historyTimeOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString historyResolutionName(HistoryResolution resolution)
{
    switch (resolution) {
    case HistoryResolution::Raw:
        return QStringLiteral("raw");
    case HistoryResolution::Minute:
        return QStringLiteral("minute");
    case HistoryResolution::Hour:
        return QStringLiteral("hour");
    case HistoryResolution::Day:
        return QStringLiteral("day");
    }
    return {};
}

qint64 historyBucketMs(HistoryResolution resolution)
{
    switch (resolution) {
    case HistoryResolution::Raw:
        return 0;
    case HistoryResolution::Minute:
        return 60'000;
    case HistoryResolution::Hour:
        return 3'600'000;
    case HistoryResolution::Day:
        return 86'400'000;
    }
    return 0;
}

HistoryResolution historyResolutionFor(HistoryRange range, int maxPoints, qint64 intervalMs)
{
    const qint64 length = std::max<qint64>(range.lengthMs(), 1);
    const qint64 points = std::max(1, maxPoints);
    if (intervalMs > 0 && length / intervalMs <= points)
        return HistoryResolution::Raw;
    for (const auto resolution : {HistoryResolution::Minute, HistoryResolution::Hour}) {
        if (length / historyBucketMs(resolution) <= points)
            return resolution;
    }
    return HistoryResolution::Day;
}

// 16 buckets per power of two above 32 µs, one per µs below: within 1/32 of the value.
namespace {
constexpr int linearLimit = 32;
constexpr int subBits = 4;
} // namespace

int LatencyHistogram::bucketOf(qint64 us)
{
    const quint64 value = us > 0 ? quint64(us) : 0;
    if (value < quint64(linearLimit))
        return int(value);
    const int exponent = std::bit_width(value) - 1; // ≥ 5
    const int shift = exponent - subBits;
    const int sub = int((value >> shift) & ((1 << subBits) - 1));
    return linearLimit + (exponent - 5) * (1 << subBits) + sub;
}

qint64 LatencyHistogram::midpointOf(int bucket)
{
    if (bucket < linearLimit)
        return bucket;
    const int exponent = (bucket - linearLimit) / (1 << subBits) + 5;
    const int sub = (bucket - linearLimit) % (1 << subBits);
    const int shift = exponent - subBits;
    const qint64 low = (qint64(1) << exponent) + (qint64(sub) << shift);
    return low + ((qint64(1) << shift) >> 1);
}

void LatencyHistogram::record(qint64 us)
{
    const int bucket = bucketOf(us);
    const auto at = std::lower_bound(m_buckets.begin(), m_buckets.end(), bucket,
                                     [](const std::pair<int, quint32> &entry, int b) { return entry.first < b; });
    if (at != m_buckets.end() && at->first == bucket)
        ++at->second;
    else
        m_buckets.insert(at, {bucket, 1});
    ++m_count;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_buckets.isEmpty())
        return;
    QList<std::pair<int, quint32>> merged;
    merged.reserve(m_buckets.size() + other.m_buckets.size());
    auto a = m_buckets.cbegin();
    auto b = other.m_buckets.cbegin();
    while (a != m_buckets.cend() || b != other.m_buckets.cend()) {
        if (b == other.m_buckets.cend() || (a != m_buckets.cend() && a->first < b->first))
            merged << *a++;
        else if (a == m_buckets.cend() || b->first < a->first)
            merged << *b++;
        else {
            merged.append({a->first, a->second + b->second});
            ++a;
            ++b;
        }
    }
    m_buckets = std::move(merged);
    m_count += other.m_count;
}

qint64 LatencyHistogram::percentileUs(double p) const
{
    if (m_count == 0)
        return 0;
    const auto rank = quint64(std::max<double>(1.0, std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(m_count))));
    quint64 seen = 0;
    for (const auto &[bucket, count] : m_buckets) {
        seen += count;
        if (seen >= rank)
            return midpointOf(bucket);
    }
    return midpointOf(m_buckets.last().first);
}

QByteArray LatencyHistogram::toBytes() const
{
    QByteArray bytes;
    ByteCoding::putVarint(bytes, quint64(m_buckets.size()));
    int previous = 0;
    for (const auto &[bucket, count] : m_buckets) {
        ByteCoding::putVarint(bytes, quint64(bucket - previous));
        ByteCoding::putVarint(bytes, count);
        previous = bucket;
    }
    return bytes;
}

std::optional<LatencyHistogram> LatencyHistogram::fromBytes(QByteArrayView bytes)
{
    ByteCoding::Reader reader(bytes);
    LatencyHistogram histogram;
    const auto size = reader.varint();
    if (!size || *size > 4096)
        return std::nullopt;
    int bucket = 0;
    for (quint64 i = 0; i < *size; ++i) {
        const auto delta = reader.varint();
        const auto count = reader.varint();
        if (!delta || !count || *count == 0 || *count > 0xffffffffu || (i > 0 && *delta == 0) || *delta > 4096)
            return std::nullopt;
        bucket += int(*delta);
        histogram.m_buckets.append({bucket, quint32(*count)});
        histogram.m_count += *count;
    }
    if (!reader.atEnd())
        return std::nullopt;
    return histogram;
}

void HistoryBucket::add(const HistoryPoint &point)
{
    switch (point.status) {
    case ProbeStatus::Up:
        ++up;
        break;
    case ProbeStatus::Degraded:
        ++degraded;
        break;
    case ProbeStatus::Down:
        ++down;
        return;
    }
    const qint64 latency = point.latencyUs;
    latencyMinUs = answered() == 1 ? latency : std::min(latencyMinUs, latency);
    latencyMaxUs = answered() == 1 ? latency : std::max(latencyMaxUs, latency);
    latencySumUs += latency;
    histogram.record(latency);
}

void HistoryBucket::merge(const HistoryBucket &other)
{
    if (other.answered() > 0) {
        latencyMinUs = answered() ? std::min(latencyMinUs, other.latencyMinUs) : other.latencyMinUs;
        latencyMaxUs = answered() ? std::max(latencyMaxUs, other.latencyMaxUs) : other.latencyMaxUs;
    }
    up += other.up;
    degraded += other.degraded;
    down += other.down;
    latencySumUs += other.latencySumUs;
    histogram.merge(other.histogram);
}
