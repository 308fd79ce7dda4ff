#pragma once

#include "CrawlFetch.h"
#include "CrawlResults.h"
#include "CrawlVerdict.h"

#include <QString>

// How the crawler reads URLs and answers, as pure functions: which verdict a status earns, when a
// HEAD was refused and a GET should ask again, when a host asks us to wait, which answers are signs
// of a server in trouble for the safeguard, and which links name files rather than pages.
namespace CrawlJudgement {

struct Judged
{
    CrawlVerdict verdict = CrawlVerdict::Pending;
    QString message; // empty for ok
};

// The verdict of a final answer (not a 3xx the crawler follows); redirected: it came after redirects.
Judged judge(const CrawlFetch::Answer &answer, bool redirected, const QString &finalUrl);

// A server that refuses or mishandles HEAD (405, 501, and others that answer a GET): ask with GET.
bool refusesHead(const CrawlFetch::Answer &answer);

// 429, or 503 with a Retry-After: wait for the host and ask again.
bool asksToWait(const CrawlFetch::Answer &answer);

// 5xx, timeouts, resets and malformed answers: what the safeguard counts. Not 4xx (the link is
// wrong, not the server), nor a refused connection or a failed lookup (nothing reached the server).
bool isServerTrouble(const CrawlFetch::Answer &answer);

QString statusText(const CrawlFetch::Answer &answer); // "HTTP 404 Not Found"

// A path that names a file no one reads as a page (.pdf, .zip, .png…): checked with HEAD even when
// it is linked as a page is.
bool looksLikeFile(const QUrl &url);
bool isRedirect(int status); // 301, 302, 303, 307, 308
// Why a URL still queued when the crawl ended was not checked.
QString notChecked(CrawlStop stop);

} // namespace CrawlJudgement
