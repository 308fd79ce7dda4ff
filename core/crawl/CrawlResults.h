#pragma once

#include "CrawlRecord.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <QUrl>

#include <array>
#include <optional>
#include <vector>

// Why a crawl ended.
enum class CrawlStop : quint8 { Running, Completed, Cancelled, TimeLimit };
QString crawlStopName(CrawlStop stop); // "running", "completed", "cancelled", "time_limit"

// Everything a crawl found, by URL, in the order found: what the reports, the window's table and
// the profile writer read. Records are only added, never removed, so an id stays valid for the
// life of the results; the crawler alone writes.
class CrawlResults final
{
public:
    CrawlResults() = default;
    CrawlResults(const CrawlResults &) = delete;
    CrawlResults &operator=(const CrawlResults &) = delete;

    qsizetype size() const { return qsizetype(m_records.size()); }
    const CrawlRecord &at(CrawlId id) const { return m_records[id]; }
    std::optional<CrawlId> find(const QByteArray &url) const;
    int count(CrawlVerdict verdict) const { return m_counts[std::size_t(verdict)]; }
    int problems() const { return count(CrawlVerdict::Broken) + count(CrawlVerdict::Error); }
    // Checked: any verdict but Pending and Excluded.
    int checked() const;

    QList<QUrl> startUrls;
    QDateTime startedAt; // UTC
    QDateTime finishedAt;
    CrawlStop stop = CrawlStop::Running;
    int pagesRead = 0;
    qint64 requests = 0;
    qint64 bytesReceived = 0;
    QStringList notices; // what the user should know of the crawl itself (a host paused, robots.txt unreachable)

    // For the crawler.
    CrawlId add(CrawlRecord record);
    CrawlRecord &edit(CrawlId id) { return m_records[id]; }
    void setVerdict(CrawlId id, CrawlVerdict verdict);
    void addReferrer(CrawlId id, CrawlReferrer referrer, int keep);
    QByteArray sharedMediaType(const QByteArray &type);

private:
    std::vector<CrawlRecord> m_records;
    QHash<QByteArray, CrawlId> m_index;
    QHash<QByteArray, QByteArray> m_mediaTypes;
    std::array<int, 7> m_counts{};
};
