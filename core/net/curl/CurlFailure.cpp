#include "CurlFailure.h"

#include "CurlSetup.h"
#include "CurlTimings.h"
#include "CurlTransfer.h"

#include <QRegularExpression>

#include <cerrno>
#include <cstring>

namespace {
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text.simplified();
}

CurlFailure failure(ErrorKind kind, const QString &message)
{
    return CurlFailure{kind, oneLine(message)};
}

CurlFailure connectFailure(const CurlFailure::Facts &facts)
{
    switch (facts.osErrno) {
    case ECONNREFUSED:
        return failure(ErrorKind::Refused,
                       QStringLiteral("connection refused by %1 (nothing listens on that port)").arg(facts.peer));
    case ETIMEDOUT:
        return failure(ErrorKind::Timeout, QStringLiteral("connecting to %1 timed out").arg(facts.peer));
    case ECONNRESET:
        return failure(ErrorKind::Reset, QStringLiteral("%1 reset the connection while connecting").arg(facts.peer));
    default:
        break;
    }
    const QString reason
        = facts.osErrno != 0 ? QString::fromLocal8Bit(std::strerror(int(facts.osErrno))).toLower() : facts.errorText;
    return failure(ErrorKind::Unreachable, QStringLiteral("%1 is unreachable (%2)").arg(facts.peer, reason));
}
} // namespace

QString CurlFailure::describeTls(const QString &peer, const QString &errorText)
{
    static const QRegularExpression certificateProblem(QStringLiteral("^SSL certificate problem:\\s*"));
    QString text = errorText;
    if (text.contains(certificateProblem))
        return oneLine(
            QStringLiteral("the certificate of %1 was rejected: %2").arg(peer, text.remove(certificateProblem)));
    if (text.startsWith(QLatin1String("SSL: no alternative certificate subject name matches")))
        return QStringLiteral("the certificate of %1 is not for this name").arg(peer);
    // "OpenSSL/3.0.22: error:0A00010B:SSL routines::wrong version number" says "wrong version number".
    static const QRegularExpression opensslPrefix(
        QStringLiteral("^OpenSSL/[0-9.]+:\\s*error:[0-9A-Fa-f]+:[^:]*:[^:]*:"));
    text.remove(opensslPrefix);
    if (text.trimmed() == QLatin1String("wrong version number"))
        text = QStringLiteral("wrong version number (it does not speak TLS on that port)");
    return oneLine(QStringLiteral("TLS handshake with %1 failed: %2").arg(peer, text));
}

CurlFailure CurlFailure::describe(CURLcode code, const Facts &facts)
{
    switch (code) {
    case CURLE_OK:
        return {};
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return failure(ErrorKind::Dns, QStringLiteral("the name %1 did not resolve").arg(facts.host));
    case CURLE_COULDNT_CONNECT:
        return connectFailure(facts);
    case CURLE_OPERATION_TIMEDOUT:
        return failure(ErrorKind::Timeout, QStringLiteral("no answer within %1 ms").arg(facts.timeoutMs));
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
        return failure(ErrorKind::Reset,
                       QStringLiteral("the connection to %1 broke (%2)").arg(facts.peer, facts.errorText));
    case CURLE_GOT_NOTHING:
        // The peer took the request and closed without a byte of answer: the connection ended
        // under us (reset), not an answer in the wrong protocol, of which there was none.
        return failure(ErrorKind::Reset, QStringLiteral("%1 closed the connection without answering").arg(facts.peer));
    case CURLE_PARTIAL_FILE:
        if (facts.expected >= 0)
            return failure(
                ErrorKind::Reset,
                QStringLiteral("the connection closed after %1 of %2 bytes").arg(facts.received).arg(facts.expected));
        return failure(
            ErrorKind::Reset,
            QStringLiteral("the connection closed after %1 bytes, before the body ended").arg(facts.received));
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
        return failure(ErrorKind::Tls, describeTls(facts.peer, facts.errorText));
    case CURLE_TOO_MANY_REDIRECTS:
        return failure(ErrorKind::Redirects,
                       QStringLiteral("more than %1 redirects (a redirect loop?)").arg(facts.maxRedirects));
    case CURLE_WRITE_ERROR:
        if (facts.bodyLimitExceeded)
            return failure(ErrorKind::TooLarge,
                           QStringLiteral("the body is larger than %1 bytes (max_body_bytes)").arg(facts.maxBodyBytes));
        break;
    case CURLE_OUT_OF_MEMORY:
        // curl refuses a header line beyond CURL_MAX_HTTP_HEADER with this code and no error text.
        if (facts.connected && !facts.headersComplete)
            return failure(ErrorKind::Protocol,
                           QStringLiteral("%1 sent a header larger than accepted (%2 KB)")
                               .arg(facts.peer)
                               .arg(CURL_MAX_HTTP_HEADER / 1024));
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
        if (facts.errorText.contains(QLatin1String("HTTP/0.9")))
            return failure(ErrorKind::Protocol, QStringLiteral("%1 did not answer in HTTP").arg(facts.peer));
        return failure(ErrorKind::Protocol, facts.errorText);
    case CURLE_WEIRD_SERVER_REPLY:
        return failure(ErrorKind::Protocol,
                       QStringLiteral("%1 sent a malformed HTTP answer (%2)").arg(facts.peer, facts.errorText));
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return failure(ErrorKind::Protocol,
                       QStringLiteral("%1 broke the HTTP/2 protocol (%2)").arg(facts.peer, facts.errorText));
    default:
        break;
    }
    return failure(ErrorKind::Protocol,
                   QStringLiteral("the request to %1 failed: %2").arg(facts.peer, facts.errorText));
}

CurlFailure::Facts CurlFailure::factsOf(const CurlTransfer &transfer, const QUrl &asked)
{
    Facts facts;
    facts.host = asked.host();
    CURL *easy = transfer.handle();
    facts.errorText = transfer.errorText();
    facts.headersComplete = transfer.headersComplete();
    facts.bodyLimitExceeded = transfer.bodyLimitExceeded();
    facts.maxBodyBytes = transfer.maxBodyBytes();
    if (!easy)
        return facts;
    facts.peer = CurlSetup::peerOf(easy, asked);
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &facts.osErrno);
    facts.connected = CurlTimings::read(easy).connect.count() > 0;
    curl_off_t received = 0;
    curl_off_t expected = -1;
    curl_easy_getinfo(easy, CURLINFO_SIZE_DOWNLOAD_T, &received);
    curl_easy_getinfo(easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected);
    facts.received = received;
    facts.expected = expected;
    return facts;
}
