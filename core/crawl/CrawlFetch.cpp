#include "CrawlFetch.h"

#include "HtmlText.h"
#include "async/DeleteLater.h"
#include "net/curl/CurlFailure.h"
#include "net/curl/CurlMulti.h"
#include "net/curl/CurlSetup.h"
#include "net/curl/CurlTimings.h"
#include "net/curl/CurlTransfer.h"

namespace CrawlFetch {

namespace {

void configure(CurlTransfer &transfer, const Request &request, const NetContext &context)
{
    CURL *easy = transfer.handle();
    if (!easy)
        return;
    CurlSetup::target(easy, request.url, request.userAgent.isEmpty() ? CurlSetup::userAgent() : request.userAgent);
    CurlSetup::tls(easy, request.verifyTls, QString(), false);
    CurlSetup::backstop(easy, context);
    if (request.head)
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, long(request.maxRedirects));
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""); // whatever curl can decode
    transfer.setHeaders({"Accept: text/html,application/xhtml+xml,*/*;q=0.8"});
    transfer.setMaxBodyBytes(request.maxBodyBytes);
    transfer.setTracksTls(request.url.scheme() == QLatin1String("https"));
}

QByteArray stringInfo(CURL *easy, CURLINFO info)
{
    char *value = nullptr;
    if (curl_easy_getinfo(easy, info, &value) != CURLE_OK || !value)
        return {};
    return QByteArray(value);
}

Answer read(const CurlTransfer &transfer, const Request &request, const NetContext &context)
{
    Answer answer;
    CURL *easy = transfer.handle();
    if (context.isAborted()) {
        answer.error = context.abortedError();
        return answer;
    }
    if (!easy || transfer.wasAborted() || transfer.result() == CURLE_FAILED_INIT) {
        answer.error = {ErrorKind::Cancelled, QStringLiteral("cancelled: the crawler's HTTP engine shut down")};
        return answer;
    }
    const CurlTimings timings = CurlTimings::read(easy);
    answer.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        timings.total.count() > 0 ? timings.total : context.elapsed());
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    answer.status = int(status);
    curl_off_t received = 0;
    curl_easy_getinfo(easy, CURLINFO_SIZE_DOWNLOAD_T, &received);
    answer.bytes = received;

    const CURLcode code = transfer.result();
    // A body cut at its limit is still an answer, with its status and what came of the body.
    answer.truncated = code == CURLE_WRITE_ERROR && transfer.bodyLimitExceeded() && transfer.headersComplete();
    if (code != CURLE_OK && !answer.truncated) {
        CurlFailure::Facts facts = CurlFailure::factsOf(transfer, request.url);
        facts.maxRedirects = request.maxRedirects;
        facts.timeoutMs = context.timeout().count();
        const CurlFailure failure = CurlFailure::describe(code, facts);
        answer.error = {failure.kind, failure.message};
        return answer;
    }
    answer.reason = transfer.reasonPhrase().simplified();
    answer.contentType = stringInfo(easy, CURLINFO_CONTENT_TYPE);
    answer.mediaType = HtmlText::mediaType(answer.contentType);
    answer.effectiveUrl = QUrl::fromEncoded(stringInfo(easy, CURLINFO_EFFECTIVE_URL));
    if (answer.status >= 300 && answer.status < 400) {
        const QByteArray location = stringInfo(easy, CURLINFO_REDIRECT_URL); // absolute, resolved by curl
        if (!location.isEmpty())
            answer.location = QUrl::fromEncoded(location);
    }
    curl_off_t retryAfter = 0;
    if (curl_easy_getinfo(easy, CURLINFO_RETRY_AFTER, &retryAfter) == CURLE_OK && retryAfter > 0)
        answer.retryAfter = std::chrono::seconds(retryAfter);
    answer.body = transfer.body();
    return answer;
}

} // namespace

QCoro::Task<Answer> run(QPointer<CurlMulti> multi, Request request, std::shared_ptr<NetContext> context)
{
    if (context->isAborted()) {
        Answer aborted;
        aborted.error = context->abortedError();
        co_return aborted;
    }

    // finished() is emitted with the coroutine resuming inside it: never free the emitter there.
    const auto transfer = makeLater<CurlTransfer>();
    configure(*transfer, request, *context);
    QObject::connect(context.get(), &NetContext::aborted, transfer.get(), &CurlTransfer::abort);
    QObject::connect(transfer.get(), &CurlTransfer::phaseChanged, context.get(), &NetContext::setPhase);
    transfer->start(multi.data());
    // finished() comes exactly once: when curl is done, or after abort() (a cancel or the deadline).
    co_await transfer->untilFinished();
    co_return read(*transfer, request, *context);
}

} // namespace CrawlFetch
