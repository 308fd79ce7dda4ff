#pragma once

#include "net/IpFamily.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <curl/curl.h>

#include <chrono>

class NetContext;

// The settings every http(s) transfer of ours is made of, whoever asks (a probe, the crawler): one
// place says which protocols curl may speak, who we say we are, how TLS is checked, which address
// family is used, what a first-time visit is and where curl's own timeout stands.
namespace CurlSetup {
// "Pingscope/<version>"
QByteArray userAgent();

// The URL, http and https only (for redirects too), and the User-Agent.
void target(CURL *easy, const QUrl &url, const QByteArray &agent = userAgent());

// verify: the chain and the name are checked; caFile: a CA bundle instead of the system's; readCertificate:
// curl keeps the peer's chain for CURLINFO_CERTINFO.
void tls(CURL *easy, bool verify, const QString &caFile, bool readCertificate);

void ipFamily(CURL *easy, IpFamily family);

// A whole visit: its own name lookup, TCP connect and TLS handshake, with nothing carried over from
// an earlier transfer of the same (reused) easy handle.
void freshVisit(CURL *easy);

// curl's own timeout, a backstop just above the context's deadline, which is what really ends an operation.
void backstop(CURL *easy, const NetContext &context);

// "host:port" of where the transfer last went (curl's effective URL), else of fallback.
QString peerOf(CURL *easy, const QUrl &fallback);
} // namespace CurlSetup
