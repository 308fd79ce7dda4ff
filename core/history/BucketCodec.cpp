#include "BucketCodec.h"

#include "ByteCoding.h"

QByteArray BucketCodec::encode(const QList<HistoryBucket> &buckets)
{
    QByteArray out;
    ByteCoding::putVarint(out, quint64(buckets.size()));
    qint64 previous = 0;
    for (const HistoryBucket &bucket : buckets) {
        ByteCoding::putSigned(out, bucket.startMs - previous);
        previous = bucket.startMs;
        ByteCoding::putVarint(out, bucket.up);
        ByteCoding::putVarint(out, bucket.degraded);
        ByteCoding::putVarint(out, bucket.down);
        if (bucket.answered() > 0) {
            ByteCoding::putVarint(out, quint64(bucket.latencyMinUs));
            ByteCoding::putVarint(out, quint64(bucket.latencyMaxUs - bucket.latencyMinUs));
            ByteCoding::putVarint(out, quint64(bucket.latencySumUs));
            const QByteArray histogram = bucket.histogram.toBytes();
            ByteCoding::putVarint(out, quint64(histogram.size()));
            out += histogram;
        }
    }
    return out;
}

std::optional<QList<HistoryBucket>> BucketCodec::decode(QByteArrayView bytes)
{
    ByteCoding::Reader reader(bytes);
    const auto count = reader.varint();
    if (!count || *count > quint64(bytes.size()))
        return std::nullopt;
    QList<HistoryBucket> buckets;
    buckets.reserve(qsizetype(*count));
    qint64 previous = 0;
    constexpr quint64 limit = quint64(1) << 50;
    for (quint64 i = 0; i < *count; ++i) {
        HistoryBucket bucket;
        const auto delta = reader.signedVarint();
        const auto up = reader.varint();
        const auto degraded = reader.varint();
        const auto down = reader.varint();
        if (!delta || !up || !degraded || !down || *up > 0xffffffffu || *degraded > 0xffffffffu || *down > 0xffffffffu
            || *delta > qint64(limit) || *delta < -qint64(limit))
            return std::nullopt;
        bucket.startMs = previous + *delta;
        previous = bucket.startMs;
        bucket.up = quint32(*up);
        bucket.degraded = quint32(*degraded);
        bucket.down = quint32(*down);
        if (bucket.answered() > 0) {
            const auto min = reader.varint();
            const auto spread = reader.varint();
            const auto sum = reader.varint();
            const auto size = reader.varint();
            if (!min || !spread || !sum || !size || *min > limit || *spread > limit || *sum > limit)
                return std::nullopt;
            const auto histogramBytes = reader.take(*size);
            if (!histogramBytes)
                return std::nullopt;
            auto histogram = LatencyHistogram::fromBytes(*histogramBytes);
            if (!histogram)
                return std::nullopt;
            bucket.latencyMinUs = qint64(*min);
            bucket.latencyMaxUs = qint64(*min + *spread);
            bucket.latencySumUs = qint64(*sum);
            bucket.histogram = std::move(*histogram);
        }
        buckets.append(std::move(bucket));
    }
    if (!reader.atEnd())
        return std::nullopt;
    return buckets;
}
