#pragma once

#include <QString>

#include <optional>

// What the crawl found at one URL. The names are part of the JSON output.
enum class CrawlVerdict : quint8 {
    Pending, // not checked yet
    Ok, // answered 2xx
    Redirected, // answered 2xx at the end of one or more redirects
    Broken, // answered 4xx or 5xx (with the status), or a #fragment the page does not have
    Error, // no answer: the engine's error kinds (dns, refused, timeout, tls, reset, redirects…)
    Blocked, // alive behind an anti-bot wall or a rate limit: 403, 999, a 429 that did not pass
    Excluded, // not checked: robots.txt, an exclude pattern, external links turned off, the end of the crawl
};

QString crawlVerdictName(CrawlVerdict verdict); // "ok", "redirected", "broken", "error", "blocked", "excluded"
std::optional<CrawlVerdict> crawlVerdictFromName(const QString &name);

// Broken or Error: what makes `pingscope crawl` exit 1.
inline bool isProblem(CrawlVerdict verdict)
{
    return verdict == CrawlVerdict::Broken || verdict == CrawlVerdict::Error;
}
