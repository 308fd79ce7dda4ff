#pragma once

#include <QList>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <optional>

// Which URLs a crawl reads and follows (internal) and which it only checks (external), and which
// it leaves alone (excluded). Internal by default: on the host of a start URL, on its port too
// unless both use their scheme's default (http://h and https://h are one site; 127.0.0.1:8080 and
// 127.0.0.1:8081 are two). With include patterns, internal is what matches one of them instead.
// A URL matching an exclude pattern is neither fetched nor followed, internal or not.
class CrawlScope final
{
public:
    // On an invalid pattern returns nothing and sets *error to a sentence naming it.
    static std::optional<CrawlScope> make(const QList<QUrl> &starts, const QStringList &include,
                                          const QStringList &exclude, QString *error);

    bool isInternal(const QUrl &url) const;
    // One more site counts as internal: where a start URL was redirected to.
    void addSite(const QUrl &url) { m_sites.append(siteOf(url)); }
    // The exclude pattern url matches, if any; tested on the URL's fully encoded text.
    std::optional<QString> exclusion(const QString &url) const;

private:
    struct Site
    {
        QString host;
        int port = -1; // -1: the scheme's default
    };

    CrawlScope() = default;
    static Site siteOf(const QUrl &url);

    QList<Site> m_sites;
    QList<QRegularExpression> m_include;
    QList<QRegularExpression> m_exclude;
};
