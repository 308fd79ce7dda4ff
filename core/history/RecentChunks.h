#pragma once

#include "ChunkCodec.h"

#include <QMutex>

#include <unordered_map>
#include <vector>

// The chunks still being filled, one per endpoint and journal segment, shared between the writer
// (which appends after each commit) and the readers of the same process (which copy one endpoint's
// under the lock and decode it outside): recent results are read from memory, not by scanning the
// journal. What is here is always already committed to the journal.
class RecentChunks final
{
public:
    struct Open
    {
        qint64 segment = 0;
        ChunkEncoder encoder;
        QList<HistoryBucket> minutes; // ascending
    };
    struct Row
    {
        qint64 ek;
        HistoryPoint point;
        quint32 messageId;
    };

    void append(qint64 segment, const std::vector<Row> &rows);
    QList<Open> snapshot(qint64 ek) const;
    std::vector<qint64> endpointsOf(qint64 segment) const; // ascending
    std::optional<Open> find(qint64 ek, qint64 segment) const;
    void remove(const std::vector<qint64> &eks, qint64 segment);
    void clear();

    // False until the writer has read the journal back after opening: readers scan it meanwhile.
    bool isReady() const;
    void setReady(bool ready);

private:
    mutable QMutex m_mutex;
    std::unordered_map<qint64, std::vector<Open>> m_open;
    bool m_ready = false;
};
