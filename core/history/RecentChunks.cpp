#include "RecentChunks.h"

#include "HistoryPoints.h"

#include <QMutexLocker>

#include <algorithm>

void RecentChunks::append(qint64 segment, const std::vector<Row> &rows)
{
    const QMutexLocker lock(&m_mutex);
    for (const Row &row : rows) {
        std::vector<Open> &chunks = m_open[row.ek];
        auto open = std::find_if(chunks.begin(), chunks.end(), [&](const Open &o) { return o.segment == segment; });
        if (open == chunks.end()) {
            chunks.push_back(Open{segment, {}, {}});
            open = chunks.end() - 1;
        }
        open->encoder.append(row.point, row.messageId);
        const qint64 minute = HistoryPoints::bucketStart(row.point.timeMs, HistoryResolution::Minute);
        auto bucket = std::lower_bound(open->minutes.begin(), open->minutes.end(), minute,
                                       [](const HistoryBucket &b, qint64 m) { return b.startMs < m; });
        if (bucket == open->minutes.end() || bucket->startMs != minute) {
            HistoryBucket fresh;
            fresh.startMs = minute;
            bucket = open->minutes.insert(bucket, fresh);
        }
        bucket->add(row.point);
    }
}

QList<RecentChunks::Open> RecentChunks::snapshot(qint64 ek) const
{
    const QMutexLocker lock(&m_mutex);
    const auto found = m_open.find(ek);
    if (found == m_open.end())
        return {};
    return QList<Open>(found->second.begin(), found->second.end());
}

std::vector<qint64> RecentChunks::endpointsOf(qint64 segment) const
{
    const QMutexLocker lock(&m_mutex);
    std::vector<qint64> eks;
    for (const auto &[ek, chunks] : m_open) {
        if (std::any_of(chunks.begin(), chunks.end(), [&](const Open &o) { return o.segment == segment; }))
            eks.push_back(ek);
    }
    std::sort(eks.begin(), eks.end());
    return eks;
}

std::optional<RecentChunks::Open> RecentChunks::find(qint64 ek, qint64 segment) const
{
    const QMutexLocker lock(&m_mutex);
    const auto found = m_open.find(ek);
    if (found == m_open.end())
        return std::nullopt;
    for (const Open &open : found->second) {
        if (open.segment == segment)
            return open;
    }
    return std::nullopt;
}

void RecentChunks::remove(const std::vector<qint64> &eks, qint64 segment)
{
    const QMutexLocker lock(&m_mutex);
    for (const qint64 ek : eks) {
        const auto found = m_open.find(ek);
        if (found == m_open.end())
            continue;
        std::erase_if(found->second, [&](const Open &o) { return o.segment == segment; });
        if (found->second.empty())
            m_open.erase(found);
    }
}

void RecentChunks::clear()
{
    const QMutexLocker lock(&m_mutex);
    m_open.clear();
    m_ready = false;
}

bool RecentChunks::isReady() const
{
    const QMutexLocker lock(&m_mutex);
    return m_ready;
}

void RecentChunks::setReady(bool ready)
{
    const QMutexLocker lock(&m_mutex);
    m_ready = ready;
}
