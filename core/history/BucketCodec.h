#pragma once

#include "HistoryTypes.h"

// Rollup buckets as bytes (a chunk's minutes, an hour or a day): varints, the histogram sparse.
// The decoder is pure and refuses anything malformed.
namespace BucketCodec {
QByteArray encode(const QList<HistoryBucket> &buckets);
std::optional<QList<HistoryBucket>> decode(QByteArrayView bytes);
} // namespace BucketCodec
