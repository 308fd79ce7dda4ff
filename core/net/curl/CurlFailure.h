#pragma once

#include "net/ErrorKind.h"

#include <QString>
#include <QUrl>

#include <curl/curl.h>

class CurlTransfer;

// What a failed transfer means for the endpoint: the precise error kind and one line a person
// understands. Pure, so every mapping is tested without a network.
struct CurlFailure
{
    // What the transfer knew when it ended, beyond curl's result code.
    struct Facts
    {
        QString host; // as asked, for name-lookup failures
        QString peer; // "host:port" of the hop that failed
        QString errorText; // curl's error buffer
        long osErrno = 0; // CURLINFO_OS_ERRNO
        bool connected = false; // a connection was established (CURLINFO_CONNECT_TIME_T > 0)
        bool headersComplete = false; // the last answer's header block ended
        bool bodyLimitExceeded = false;
        qint64 maxBodyBytes = 0;
        qint64 received = 0; // body bytes
        qint64 expected = -1; // Content-Length, -1 if unknown
        int maxRedirects = 0;
        qint64 timeoutMs = 0;
    };

    ErrorKind kind = ErrorKind::None;
    QString message;

    static CurlFailure describe(CURLcode code, const Facts &facts);
    // What a finished transfer to asked knew when it ended; the caller adds maxRedirects and
    // timeoutMs, which are its own.
    static Facts factsOf(const CurlTransfer &transfer, const QUrl &asked);
    // curl's TLS error text in words: "SSL certificate problem: certificate has expired" becomes
    // "the certificate of 127.0.0.1:443 was rejected: certificate has expired".
    static QString describeTls(const QString &peer, const QString &errorText);
};
