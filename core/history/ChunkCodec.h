#pragma once

#include "HistoryTypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <array>
#include <optional>

// The packed form of one endpoint's results over one stretch of time: columns (times, flags,
// latencies, phases, HTTP statuses, errors, ICMP counts), each delta-encoded as varints, then
// deflated once the chunk is closed. Times are delta-of-delta in ms (a steady interval costs a byte
// or less), durations deltas in 10 µs units. Messages are ids into the history's message table.
//
// The encoder appends one result at a time, so the open chunk of each endpoint is always ready to
// read. The decoder is a pure function of the bytes: any input gives points or an error, never a
// crash or an unbounded allocation (it is fuzzed).
class ChunkEncoder final
{
public:
    void append(const HistoryPoint &point, quint32 messageId);
    int count() const { return m_count; }
    qint64 firstMs() const { return m_firstMs; }
    qint64 lastMs() const { return m_lastMs; }
    bool isEmpty() const { return m_count == 0; }
    qsizetype byteSize() const;

    // The chunk as it stands: deflated for storage, or plain for a quick look at an open chunk.
    QByteArray bytes(bool deflate) const;

private:
    enum Stream { Times, Flags, Latency, Phases, Http, Errors, Icmp, StreamCount };

    std::array<QByteArray, StreamCount> m_streams;
    int m_count = 0;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
    qint64 m_lastDeltaMs = 0;
    qint64 m_lastLatency = 0;
    std::array<qint64, 5> m_lastPhases{};
};

struct DecodedChunk
{
    QList<HistoryPoint> points; // message empty; see messageIds
    QList<quint32> messageIds; // per point, 0 = none
};

namespace ChunkCodec {
inline constexpr int maxPoints = 1'000'000;
inline constexpr qsizetype maxPlainBytes = 64LL * 1024 * 1024;

std::optional<DecodedChunk> decode(QByteArrayView bytes, QString *error);
} // namespace ChunkCodec
