#include "WebhookChannel.h"

#include "AlertDelay.h"
#include "AlertTemplate.h"
#include "Version.h"
#include "async/DeleteLater.h"
#include "net/NetContext.h"
#include "net/curl/CurlFailure.h"
#include "net/curl/CurlMulti.h"
#include "net/curl/CurlTransfer.h"

#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace std::chrono_literals;
using AlertTemplate::Escape;

namespace {

bool isJson(const QList<QByteArray> &headers)
{
    for (const QByteArray &line : headers) {
        if (line.toLower().startsWith("content-type:"))
            return line.toLower().contains("json");
    }
    return true; // the default content type
}

struct Attempt
{
    bool ok = false;
    bool retryable = true;
    QString error;
};

QCoro::Task<Attempt> attempt(QPointer<CurlMulti> multi, WebhookChannel::Request request, QByteArray method,
                             double timeoutS, std::shared_ptr<NetContext> context)
{
    const auto transfer = makeLater<CurlTransfer>();
    CURL *easy = transfer->handle();
    if (!easy || !multi)
        co_return Attempt{false, false, QStringLiteral("the HTTP engine could not start a transfer")};
    curl_easy_setopt(easy, CURLOPT_URL, request.url.constData());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_USERAGENT, (QByteArray("Pingscope/") + Pingscope::versionString).constData());
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(std::llround(timeoutS * 1000)));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(std::llround(timeoutS * 1000)));
    if (method == "POST") {
        curl_easy_setopt(easy, CURLOPT_POST, 1L);
    } else {
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.constData());
    }
    if (method != "GET" && method != "HEAD") {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
        curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, request.body.constData());
    } else if (method == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    }
    transfer->setHeaders(request.headers);
    transfer->setMaxBodyBytes(64LL * 1024);
    QObject::connect(context.get(), &NetContext::aborted, transfer.get(), &CurlTransfer::abort);
    transfer->start(multi.data());
    co_await transfer->untilFinished();

    if (context->isAborted())
        co_return Attempt{false, false, context->abortedError().message};
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    const CURLcode code = transfer->result();
    // A receiver that answered and then sent more than we read is still an answer.
    if (code == CURLE_OK || (transfer->bodyLimitExceeded() && status > 0)) {
        if (status >= 200 && status < 300)
            co_return Attempt{true, false, {}};
        const QString reason = QString::fromLatin1(transfer->reasonPhrase()).simplified();
        const QString error = QStringLiteral("the receiver answered HTTP %1%2")
                                  .arg(status)
                                  .arg(reason.isEmpty() ? QString() : QLatin1Char(' ') + reason);
        co_return Attempt{false, status == 429 || status >= 500, error};
    }
    if (transfer->wasAborted())
        co_return Attempt{false, false, QStringLiteral("cancelled: the HTTP engine shut down")};
    CurlFailure::Facts facts;
    const QUrl url(QString::fromUtf8(request.url));
    facts.host = url.host();
    facts.peer
        = url.host() + QLatin1Char(':') + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    facts.errorText = transfer->errorText();
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &facts.osErrno);
    facts.headersComplete = transfer->headersComplete();
    facts.timeoutMs = std::llround(timeoutS * 1000);
    co_return Attempt{false, true, CurlFailure::describe(code, facts).message};
}

QCoro::Task<AlertDelivery> deliver(QPointer<CurlMulti> multi, AlertChannelSettings settings, AlertMessage message,
                                   QString secret, std::shared_ptr<NetContext> context)
{
    const WebhookChannel::Request request = WebhookChannel::request(settings, message, secret);
    AlertDelivery delivery;
    for (int retry = 0;; ++retry) {
        delivery.attempts = retry + 1;
        const Attempt result = co_await attempt(multi, request, settings.method, settings.timeoutS, context);
        if (result.ok) {
            delivery.ok = true;
            delivery.error.clear();
            co_return delivery;
        }
        delivery.error = result.error;
        if (!result.retryable || retry >= settings.retries || context->isAborted())
            co_return delivery;
        co_await AlertDelay::wait(WebhookChannel::backoff(retry), context);
        if (context->isAborted()) {
            delivery.error = context->abortedError().message;
            co_return delivery;
        }
    }
}

} // namespace

WebhookChannel::WebhookChannel(AlertChannelSettings settings, CurlMulti *multi)
    : AlertChannel(std::move(settings)), m_multi(multi)
{ }

std::chrono::milliseconds WebhookChannel::backoff(int retry)
{
    return std::min<std::chrono::milliseconds>(1000ms * (1LL << std::min(retry, 10)), 30s);
}

WebhookChannel::Request WebhookChannel::request(const AlertChannelSettings &settings, const AlertMessage &message,
                                                const QString &secret)
{
    QHash<QString, QString> fields = message.fields();
    fields.insert(QStringLiteral("secret"), secret);
    Request request;
    // Only the secret goes into the URL: event text has no place in it.
    request.url = AlertTemplate::render(settings.url, {{QStringLiteral("secret"), secret}}, Escape::None).toUtf8();
    bool typeGiven = false;
    for (const auto &[name, value] : settings.headers) {
        typeGiven = typeGiven || name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0;
        const QString rendered = AlertTemplate::render(value, fields, Escape::Header);
        // "Name;" is curl's way to send a header with an empty value.
        request.headers << (rendered.isEmpty() ? name.toLatin1() + ';' : name.toLatin1() + ": " + rendered.toUtf8());
    }
    if (!typeGiven)
        request.headers << "Content-Type: application/json";
    request.headers << "Expect:"; // no 100-continue round trip
    if (settings.body.isEmpty())
        request.body = message.json();
    else
        request.body
            = AlertTemplate::render(settings.body, fields, isJson(request.headers) ? Escape::Json : Escape::None)
                  .toUtf8();
    return request;
}

QCoro::Task<AlertDelivery> WebhookChannel::send(AlertMessage message, QString secret,
                                                std::shared_ptr<NetContext> context)
{
    return deliver(m_multi, settings(), std::move(message), std::move(secret), std::move(context));
}
