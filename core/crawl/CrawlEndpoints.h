#pragma once

#include "CrawlResults.h"
#include "endpoint/Endpoint.h"

#include <QList>

// What a crawl found, as endpoints to monitor: the one place that turns URLs into endpoints, for
// `pingscope crawl --profile-out` and the window's "Add as endpoints".
namespace CrawlEndpoints {

// Kind http with a fresh id, named after the page's title or else its URL, tagged "crawl", the host, and "page"
// (internal, read), "resource" (internal, not read) or "external". #fragment records are not URLs
// to monitor and are skipped, as is a URL already among existing or met before among ids.
QList<Endpoint> make(const CrawlResults &results, const QList<CrawlId> &ids, const Endpoint &defaults,
                     const QList<Endpoint> &existing = {});

// The URLs of a profile of what was found: every one that answered (ok or redirected).
QList<CrawlId> alive(const CrawlResults &results);

} // namespace CrawlEndpoints
