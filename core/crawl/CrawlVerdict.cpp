#include "CrawlVerdict.h"

#include "net/NameTable.h"

namespace {
constexpr NameTable<CrawlVerdict, 7> verdictNames{{
    {CrawlVerdict::Pending, "pending"},
    {CrawlVerdict::Ok, "ok"},
    {CrawlVerdict::Redirected, "redirected"},
    {CrawlVerdict::Broken, "broken"},
    {CrawlVerdict::Error, "error"},
    {CrawlVerdict::Blocked, "blocked"},
    {CrawlVerdict::Excluded, "excluded"},
}};
} // namespace

QString crawlVerdictName(CrawlVerdict verdict)
{
    return nameIn(verdictNames, verdict);
}

std::optional<CrawlVerdict> crawlVerdictFromName(const QString &name)
{
    return valueIn(verdictNames, name, Qt::CaseInsensitive);
}
