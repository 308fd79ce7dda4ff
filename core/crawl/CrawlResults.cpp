#include "CrawlResults.h"

#include "net/NameTable.h"

namespace {
constexpr NameTable<CrawlStop, 4> stopNames{{
    {CrawlStop::Running, "running"},
    {CrawlStop::Completed, "completed"},
    {CrawlStop::Cancelled, "cancelled"},
    {CrawlStop::TimeLimit, "time_limit"},
}};
} // namespace

QString crawlStopName(CrawlStop stop)
{
    return nameIn(stopNames, stop);
}

std::optional<CrawlId> CrawlResults::find(const QByteArray &url) const
{
    const auto found = m_index.constFind(url);
    if (found == m_index.cend())
        return std::nullopt;
    return *found;
}

int CrawlResults::checked() const
{
    return int(size()) - count(CrawlVerdict::Pending) - count(CrawlVerdict::Excluded);
}

CrawlId CrawlResults::add(CrawlRecord record)
{
    const auto id = CrawlId(m_records.size());
    ++m_counts[std::size_t(record.verdict)];
    m_index.insert(record.url, id); // shares the record's bytes
    m_records.push_back(std::move(record));
    return id;
}

void CrawlResults::setVerdict(CrawlId id, CrawlVerdict verdict)
{
    CrawlRecord &record = m_records[id];
    --m_counts[std::size_t(record.verdict)];
    ++m_counts[std::size_t(verdict)];
    record.verdict = verdict;
}

void CrawlResults::addReferrer(CrawlId id, CrawlReferrer referrer, int keep)
{
    CrawlRecord &record = m_records[id];
    ++record.referrerCount;
    if (int(record.referrers.size()) < keep)
        record.referrers.push_back(referrer);
}

QByteArray CrawlResults::sharedMediaType(const QByteArray &type)
{
    if (type.isEmpty())
        return {};
    const auto found = m_mediaTypes.constFind(type);
    if (found != m_mediaTypes.cend())
        return *found;
    m_mediaTypes.insert(type, type);
    return type;
}
