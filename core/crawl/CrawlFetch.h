#pragma once

#include "net/NetContext.h"
#include "net/NetError.h"

#include <QByteArray>
#include <QCoroTask>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

class CurlMulti;

// One request of the crawler through the shared transport (core/net/curl), driven as the HTTP probe
// drives its own: configured, aborted when its NetContext aborts, awaited with untilFinished(),
// failures described by CurlFailure. Connections and name lookups are kept and reused between
// requests, unlike a probe's: a crawl asks one host many times.
namespace CrawlFetch {

struct Request
{
    QUrl url;
    bool head = false;
    bool followRedirects = false; // curl follows them (robots.txt, sitemaps); else the 3xx is the answer
    int maxRedirects = 5;
    qint64 maxBodyBytes = 4LL * 1024 * 1024; // beyond this the body is cut and the answer marked truncated
    bool verifyTls = true;
    QByteArray userAgent;
};

struct Answer
{
    NetError error; // no answer: kind and message; None when one came
    int status = 0;
    QByteArray reason; // of the status line ("Not Found"); empty for HTTP/2
    QByteArray mediaType; // "text/html", lower case, no parameters
    QByteArray contentType; // as sent
    QUrl location; // of a 3xx, absolute; empty if none
    std::optional<std::chrono::milliseconds> retryAfter;
    QByteArray body;
    bool truncated = false;
    QUrl effectiveUrl; // where curl ended up (after redirects it followed)
    qint64 bytes = 0; // received, including what was cut
    std::chrono::milliseconds elapsed{0};

    bool answered() const { return !error.isError(); }
};

// The context is started by the caller; a cancel or its deadline ends the request with its error.
QCoro::Task<Answer> run(QPointer<CurlMulti> multi, Request request, std::shared_ptr<NetContext> context);

} // namespace CrawlFetch
