#include "CrawlOptions.h"

QString CrawlOptions::problem() const
{
    if (startUrls.isEmpty() && sitemaps.isEmpty())
        return QStringLiteral("nothing to crawl: give a start URL or a sitemap");
    for (const QUrl &url : startUrls + sitemaps) {
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty())
            return QStringLiteral("\"%1\" is not an http:// or https:// URL").arg(url.toString());
    }
    if (maxDepth < 0)
        return QStringLiteral("the depth must be 0 or more");
    if (maxPages < 1)
        return QStringLiteral("the page budget must be 1 or more");
    if (perHostConnections < 1 || globalConnections < 1)
        return QStringLiteral("the connection caps must be 1 or more");
    if (perHostInterval.count() < 0 || maxRetryWait.count() < 0 || errorPause.count() < 0)
        return QStringLiteral("intervals and waits cannot be negative");
    if (requestTimeout.count() < 1)
        return QStringLiteral("the request timeout must be 1 ms or more");
    if (maxRedirects < 0 || maxRetries < 0 || maxReferrers < 0 || maxLinksPerPage < 1 || maxPageBytes < 1)
        return QStringLiteral("a limit is out of range");
    return {};
}

HostQueues::Policy CrawlOptions::politeness() const
{
    HostQueues::Policy policy;
    policy.perHost = perHostConnections;
    policy.interval = perHostInterval;
    policy.global = globalConnections;
    policy.maxWait = maxRetryWait;
    policy.errorWindow = errorWindow;
    policy.errorThreshold = errorThreshold;
    policy.pause = errorPause;
    policy.maxPauses = maxPauses;
    return policy;
}
