#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

// A robots.txt as RFC 9309 reads it, for one crawler: the rules of the groups that name its
// product token (else those of "*"), matched longest first with '*' and '$', an Allow winning a tie;
// the Sitemap: lines of the whole file; a Crawl-delay, which the RFC leaves out but many sites set.
// Pure, so it can be fuzzed: at most maxBytes are read (the RFC's 500 KiB), at most maxRules rules kept,
// and a pattern is matched in time proportional to its length times the path's.
class RobotsTxt final
{
public:
    static constexpr qsizetype maxBytes = 500LL * 1024;
    static constexpr int maxRules = 10000;
    static constexpr qsizetype maxPatternBytes = 4096;

    static RobotsTxt parse(QByteArrayView text, QByteArrayView productToken = "pingscope");
    static RobotsTxt allowingAll();
    static RobotsTxt disallowingAll();

    // pathAndQuery as sent: "/a/b?c=d", percent-encoded.
    bool allows(QByteArrayView pathAndQuery) const;

    const QList<QString> &sitemaps() const { return m_sitemaps; }
    std::optional<std::chrono::milliseconds> crawlDelay() const { return m_crawlDelay; }
    int ruleCount() const { return int(m_rules.size()); }

private:
    struct Rule
    {
        QByteArray pattern; // normalised as paths are
        bool allow = false;
    };

    QList<Rule> m_rules;
    QList<QString> m_sitemaps;
    std::optional<std::chrono::milliseconds> m_crawlDelay;
};
