// The history file's two packed forms, read back after a crash or from a file someone sent:
// ChunkCodec (one endpoint's results over a stretch of time, deflated or plain) and BucketCodec
// (rollups). Beyond not crashing or allocating without bound: what decodes has at most
// ChunkCodec::maxPoints points, and encoding what was decoded gives it back unchanged.

#include "FuzzSupport.h"
#include "history/BucketCodec.h"
#include "history/ChunkCodec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    if (const auto chunk = ChunkCodec::decode(bytes, &error)) {
        FUZZ_CHECK(chunk->points.size() <= ChunkCodec::maxPoints, QString::number(chunk->points.size()));
        FUZZ_CHECK(chunk->messageIds.size() == chunk->points.size(), QString::number(chunk->messageIds.size()));
        ChunkEncoder encoder;
        for (qsizetype i = 0; i < chunk->points.size(); ++i)
            encoder.append(chunk->points.at(i), chunk->messageIds.at(i));
        for (const bool deflate : {false, true}) {
            QString againError;
            const auto again = ChunkCodec::decode(encoder.bytes(deflate), &againError);
            FUZZ_CHECK(again, againError);
            FUZZ_CHECK(again->points == chunk->points && again->messageIds == chunk->messageIds,
                       QStringLiteral("%1 points do not survive a round trip").arg(chunk->points.size()));
        }
    } else {
        FUZZ_CHECK(!error.isEmpty(), QStringLiteral("a refusal without a reason"));
    }

    if (const auto buckets = BucketCodec::decode(bytes)) {
        const QByteArray encoded = BucketCodec::encode(*buckets);
        const auto again = BucketCodec::decode(encoded);
        FUZZ_CHECK(again, QStringLiteral("encoded buckets are refused"));
        FUZZ_CHECK(BucketCodec::encode(*again) == encoded, QStringLiteral("buckets change in a round trip"));
    }
    return 0;
}
