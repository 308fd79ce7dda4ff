#pragma once

#include "HostQueues.h"
#include "TrapGuard.h"
#include "UrlNormalizer.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <chrono>

// How one crawl goes: where it starts, what it reads and follows, how politely, and its limits.
// The defaults are what `pingscope crawl` and the window's dialog start from (docs/crawl.md).
struct CrawlOptions
{
    QList<QUrl> startUrls;
    QList<QUrl> sitemaps; // read first; their URLs are crawled as links of depth 1

    // Scope (CrawlScope): the start URLs' sites, or what matches include; never what matches exclude.
    QStringList include;
    QStringList exclude;
    bool checkExternal = true; // external links are checked, never followed
    int maxDepth = 5; // links from a start URL; pages at this depth are read for their ids, not followed
    int maxPages = 10000; // pages fetched to be read; links on them are still checked beyond it
    std::chrono::seconds timeLimit{0}; // 0: none

    // Politeness (HostQueues).
    bool respectRobots = true; // robots.txt, its Sitemap: lines, rel="nofollow" and <meta name="robots">
    int perHostConnections = 4;
    std::chrono::milliseconds perHostInterval{50}; // between request starts to one host
    int globalConnections = 64;
    std::chrono::milliseconds maxRetryWait{60000};
    int maxRetries = 3; // of one URL told to wait (429, 503 with Retry-After)
    int errorWindow = 20;
    int errorThreshold = 10;
    std::chrono::milliseconds errorPause{30000};
    int maxPauses = 3;

    // Requests.
    std::chrono::milliseconds requestTimeout{15000};
    int maxRedirects = 10;
    bool verifyTls = true;
    QByteArray userAgent; // empty: "Pingscope/<version> (link checker)"

    // What is read, checked and kept.
    bool checkFragments = true; // #name links to internal pages, against the page's ids and names
    qint64 maxPageBytes = 4LL * 1024 * 1024; // of a page read; a larger one is read in part
    int maxLinksPerPage = 10000;
    int maxReferrers = 1000; // kept per URL; all are counted
    TrapGuard::Limits traps;
    QStringList trackingParameters = UrlNormalizer::defaultTrackingParameters(); // dropped from query strings

    std::chrono::milliseconds progressInterval{100}; // of Crawler::progressed

    // Why these options cannot be crawled with, in words; empty when they can.
    QString problem() const;
    HostQueues::Policy politeness() const;
};
