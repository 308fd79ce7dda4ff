#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrl>

#include <optional>

// Keeps a crawl out of the endless URL spaces some sites have (a calendar with a "next month" link
// for ever, session ids in paths, faceted search): a URL longer than maxUrlLength, a path naming
// one segment more than maxSegmentRepeats times (/a/b/a/b/a/b/a), more than prefixBudget pages
// under one first path segment, or more than maxQueryVariants query strings for one path.
// Applied to the internal pages that would be read, when they are first seen; a page that looks like
// a trap is still checked, but not read, so it leads the crawl no further. 0 turns a limit off.
class TrapGuard final
{
public:
    struct Limits
    {
        int maxUrlLength = 2048;
        int maxSegmentRepeats = 3;
        int prefixBudget = 2500;
        int maxQueryVariants = 250;
    };

    explicit TrapGuard(Limits limits) : m_limits(limits) { }

    // Why url looks like a trap, in words; nothing if it does not, and then it is counted.
    std::optional<QString> admit(const QUrl &url, qsizetype encodedLength);

    const Limits &limits() const { return m_limits; }

private:
    Limits m_limits;
    QHash<QString, int> m_pagesUnderPrefix;
    QHash<QString, int> m_queriesOfPath;
};
