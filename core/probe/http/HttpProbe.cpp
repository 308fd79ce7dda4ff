#include "HttpProbe.h"

#include "HttpAnswerCheck.h"

#include "async/DeleteLater.h"
#include "net/curl/CurlCertificate.h"
#include "net/curl/CurlFailure.h"
#include "net/curl/CurlMulti.h"
#include "net/curl/CurlSetup.h"
#include "net/curl/CurlTimings.h"
#include "net/curl/CurlTransfer.h"

#include <algorithm>

namespace {

QList<QByteArray> headerLines(const HttpOptions &http)
{
    QList<QByteArray> lines;
    bool expectGiven = false;
    for (const auto &[name, value] : http.headers) {
        expectGiven = expectGiven || name.compare("Expect", Qt::CaseInsensitive) == 0;
        // "Name;" is curl's way to send a header with an empty value ("Name:" would remove it).
        QByteArray line = value.isEmpty() ? name + ';' : name + ": " + value;
        // A line break in a profile's header must not smuggle another header or request in.
        line.replace('\r', ' ').replace('\n', ' ');
        lines.append(line);
    }
    if (!expectGiven && !http.body.isEmpty())
        lines.append("Expect:"); // no "100-continue" round trip for a large body
    return lines;
}

void configure(CurlTransfer &transfer, const ProbeSpec &spec, const NetContext &context)
{
    CURL *easy = transfer.handle();
    if (!easy)
        return;
    const HttpOptions &http = spec.http;
    const bool https = spec.target.isHttps();

    CurlSetup::target(easy, spec.target.url);

    const QByteArray method = http.method.toUpper();
    if (method == "HEAD")
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    else if (method != "GET" && method != "POST")
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.constData());
    if (!http.body.isEmpty() || method == "POST") {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(http.body.size()));
        curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, http.body.constData());
        if (method == "GET")
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, "GET");
    }
    transfer.setHeaders(headerLines(http));

    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, http.maxRedirects > 0 ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, long(std::max(http.maxRedirects, 0)));

    CurlSetup::tls(easy, http.verifyTls, http.caFile, https);
    CurlSetup::ipFamily(easy, spec.ipFamily);
    if (!http.reuseConnection)
        CurlSetup::freshVisit(easy); // every probe measures a whole visit
    CurlSetup::backstop(easy, context);

    transfer.setMaxBodyBytes(http.maxBodyBytes);
    transfer.setTracksTls(https);
}

ProbeResult judge(const CurlTransfer &transfer, const ProbeSpec &spec, const NetContext &context)
{
    CURL *easy = transfer.handle();
    const CURLcode code = transfer.result();
    const bool complete = code == CURLE_OK;
    const CurlTimings timings = easy ? CurlTimings::read(easy) : CurlTimings{};

    if (context.isAborted()) {
        ProbeResult aborted = ProbeResult::aborted(context);
        aborted.phases = timings.phases(false);
        return aborted;
    }
    if (!easy || transfer.wasAborted() || code == CURLE_FAILED_INIT) {
        // Nothing was asked of the endpoint: the engine was gone or shut down under the probe.
        ProbeResult stopped = ProbeResult::failure(ErrorKind::Cancelled,
                                                   transfer.wasAborted()
                                                       ? QStringLiteral("cancelled: the HTTP engine shut down")
                                                       : QStringLiteral("the HTTP engine could not start a transfer"));
        stopped.started = context.startedAt();
        stopped.latency = context.elapsed();
        return stopped;
    }

    ProbeResult result;
    result.started = context.startedAt();
    result.latency = complete && timings.total.count() > 0 ? timings.total : context.elapsed();
    result.phases = timings.phases(complete);
    result.bytes = transfer.body().size();
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    if (status > 0)
        result.httpStatus = int(status);
    if (spec.target.isHttps()) {
        long verifyResult = -1;
        curl_easy_getinfo(easy, CURLINFO_SSL_VERIFYRESULT, &verifyResult);
        // OpenSSL checks the chain even when told not to enforce it, so this holds with verify_tls off too.
        result.certificate = CurlCertificate::read(easy, verifyResult == 0);
    }

    std::optional<CurlFailure> failure;
    if (!complete) {
        CurlFailure::Facts facts = CurlFailure::factsOf(transfer, spec.target.url);
        facts.host = spec.target.host;
        facts.maxRedirects = spec.http.maxRedirects;
        facts.timeoutMs = context.timeout().count();
        failure = CurlFailure::describe(code, facts);
    } else if (const NetError answer
               = HttpAnswerCheck::judge(int(status), transfer.reasonPhrase(), transfer.body(), spec.http);
               answer.isError()) {
        failure = CurlFailure{answer.kind, answer.message};
    }
    if (failure) {
        result.status = ProbeStatus::Down;
        result.errorKind = failure->kind;
        result.errorMessage = failure->message;
    } else {
        result.status = ProbeStatus::Up;
    }
    return result;
}

// Static, with every argument by value: the HttpProbe may be gone by the time the await resumes.
QCoro::Task<ProbeResult> probe(QPointer<CurlMulti> multi, ProbeSpec spec, std::shared_ptr<NetContext> context)
{
    if (context->isAborted())
        co_return ProbeResult::aborted(*context);

    // finished() is emitted with the coroutine resuming inside it: never free the emitter there.
    const auto transfer = makeLater<CurlTransfer>();
    configure(*transfer, spec, *context);
    QObject::connect(context.get(), &NetContext::aborted, transfer.get(), &CurlTransfer::abort);
    QObject::connect(transfer.get(), &CurlTransfer::phaseChanged, context.get(), &NetContext::setPhase);
    transfer->start(multi.data());
    // finished() comes exactly once: when curl is done, or after abort() (the deadline or a cancel).
    co_await transfer->untilFinished();
    co_return judge(*transfer, spec, *context);
}
} // namespace

HttpProbe::HttpProbe(CurlMulti *multi) : m_multi(multi) { }

QCoro::Task<ProbeResult> HttpProbe::run(ProbeSpec spec, std::shared_ptr<NetContext> context)
{
    return probe(m_multi, std::move(spec), std::move(context));
}
