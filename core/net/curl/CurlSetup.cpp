#include "CurlSetup.h"

#include "Version.h"
#include "net/HostPort.h"
#include "net/NetContext.h"

namespace {
using namespace std::chrono_literals;

constexpr auto curlTimeoutMargin = 100ms;
} // namespace

namespace CurlSetup {

QByteArray userAgent()
{
    return QByteArray("Pingscope/") + Pingscope::versionString;
}

void target(CURL *easy, const QUrl &url, const QByteArray &agent)
{
    curl_easy_setopt(easy, CURLOPT_URL, url.toEncoded().constData());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_USERAGENT, agent.constData());
}

void tls(CURL *easy, bool verify, const QString &caFile, bool readCertificate)
{
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, verify ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, verify ? 2L : 0L);
    if (!caFile.isEmpty())
        curl_easy_setopt(easy, CURLOPT_CAINFO, caFile.toLocal8Bit().constData());
    if (readCertificate)
        curl_easy_setopt(easy, CURLOPT_CERTINFO, 1L);
}

void ipFamily(CURL *easy, IpFamily family)
{
    switch (family) {
    case IpFamily::Any:
        curl_easy_setopt(easy, CURLOPT_IPRESOLVE, long(CURL_IPRESOLVE_WHATEVER));
        break;
    case IpFamily::V4:
        curl_easy_setopt(easy, CURLOPT_IPRESOLVE, long(CURL_IPRESOLVE_V4));
        break;
    case IpFamily::V6:
        curl_easy_setopt(easy, CURLOPT_IPRESOLVE, long(CURL_IPRESOLVE_V6));
        break;
    }
}

void freshVisit(CURL *easy)
{
    curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
    curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L);
    curl_easy_setopt(easy, CURLOPT_DNS_CACHE_TIMEOUT, 0L);
    // Easy handles are reused (CurlHandlePool): no TLS session may carry over to a later transfer.
    curl_easy_setopt(easy, CURLOPT_SSL_SESSIONID_CACHE, 0L);
}

void backstop(CURL *easy, const NetContext &context)
{
    const auto limit = std::chrono::milliseconds(context.remaining()) + curlTimeoutMargin;
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(limit.count()));
}

QString peerOf(CURL *easy, const QUrl &fallback)
{
    char *effective = nullptr;
    QUrl url = fallback;
    if (curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
        url = QUrl(QString::fromUtf8(effective));
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return HostPort::join(url.host(), quint16(port));
}

} // namespace CurlSetup
