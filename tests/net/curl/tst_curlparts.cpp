#include "net/curl/CurlCertificate.h"
#include "net/curl/CurlFailure.h"
#include "net/curl/CurlTimings.h"
#include "net/curl/CurlTransfer.h"

#include <QTest>

#include <cerrno>

using namespace std::chrono_literals;

// The pure parts of the HTTP probe: how curl's failures, certificate fields and timestamps are read.
// Failures no test may provoke (a name that does not resolve would ask a real DNS server) are covered here.
class TestCurlParts : public QObject
{
    Q_OBJECT

private:
    static CurlFailure::Facts facts()
    {
        CurlFailure::Facts facts;
        facts.host = QStringLiteral("example.test");
        facts.peer = QStringLiteral("example.test:443");
        facts.maxBodyBytes = 1024;
        facts.maxRedirects = 5;
        facts.timeoutMs = 5000;
        return facts;
    }

private slots:
    void failureKinds_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<long>("osErrno");
        QTest::addColumn<QString>("errorText");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("dns") << int(CURLE_COULDNT_RESOLVE_HOST) << 0L << "Could not resolve host: example.test"
                             << "dns"
                             << "the name example.test did not resolve";
        QTest::newRow("refused") << int(CURLE_COULDNT_CONNECT) << long(ECONNREFUSED) << "Failed to connect"
                                 << "refused"
                                 << "connection refused by example.test:443 (nothing listens on that port)";
        QTest::newRow("no route") << int(CURLE_COULDNT_CONNECT) << long(EHOSTUNREACH) << "Failed to connect"
                                  << "unreachable"
                                  << "example.test:443 is unreachable (no route to host)";
        QTest::newRow("network down") << int(CURLE_COULDNT_CONNECT) << long(ENETUNREACH) << "Failed to connect"
                                      << "unreachable"
                                      << "example.test:443 is unreachable (network is unreachable)";
        QTest::newRow("connect timeout") << int(CURLE_COULDNT_CONNECT) << long(ETIMEDOUT) << "Failed to connect"
                                         << "timeout"
                                         << "connecting to example.test:443 timed out";
        QTest::newRow("timeout") << int(CURLE_OPERATION_TIMEDOUT) << 0L << "Operation timed out"
                                 << "timeout"
                                 << "no answer within 5000 ms";
        QTest::newRow("recv") << int(CURLE_RECV_ERROR) << long(ECONNRESET) << "Recv failure: Connection reset by peer"
                              << "reset"
                              << "the connection to example.test:443 broke (Recv failure: Connection reset by peer)";
        QTest::newRow("send") << int(CURLE_SEND_ERROR) << long(EPIPE) << "Send failure: Broken pipe"
                              << "reset"
                              << "the connection to example.test:443 broke (Send failure: Broken pipe)";
        QTest::newRow("nothing") << int(CURLE_GOT_NOTHING) << 0L << "Empty reply from server"
                                 << "reset"
                                 << "example.test:443 closed the connection without answering";
        QTest::newRow("expired") << int(CURLE_PEER_FAILED_VERIFICATION) << 0L
                                 << "SSL certificate problem: certificate has expired"
                                 << "tls"
                                 << "the certificate of example.test:443 was rejected: certificate has expired";
        QTest::newRow("wrong name") << int(CURLE_PEER_FAILED_VERIFICATION) << 0L
                                    << "SSL: no alternative certificate subject name matches target host name 'x'"
                                    << "tls"
                                    << "the certificate of example.test:443 is not for this name";
        QTest::newRow("handshake") << int(CURLE_SSL_CONNECT_ERROR) << 0L
                                   << "OpenSSL/3.0.22: error:0A00010B:SSL routines::wrong version number"
                                   << "tls"
                                   << "TLS handshake with example.test:443 failed: wrong version number (it does not "
                                      "speak TLS on that port)";
        QTest::newRow("handshake alert") << int(CURLE_SSL_CONNECT_ERROR) << 0L
                                         << "OpenSSL/3.0.22: error:0A000410:SSL routines::sslv3 alert handshake failure"
                                         << "tls"
                                         << "TLS handshake with example.test:443 failed: sslv3 alert handshake failure";
        QTest::newRow("syscall")
            << int(CURLE_SSL_CONNECT_ERROR) << 0L
            << "OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to example.test:443"
            << "tls"
            << "TLS handshake with example.test:443 failed: OpenSSL SSL_connect: SSL_ERROR_SYSCALL "
               "in connection to example.test:443";
        QTest::newRow("redirects") << int(CURLE_TOO_MANY_REDIRECTS) << 0L << "Maximum (5) redirects followed"
                                   << "redirects"
                                   << "more than 5 redirects (a redirect loop?)";
        QTest::newRow("http 0.9") << int(CURLE_UNSUPPORTED_PROTOCOL) << 0L << "Received HTTP/0.9 when not allowed"
                                  << "protocol"
                                  << "example.test:443 did not answer in HTTP";
        QTest::newRow("weird")
            << int(CURLE_WEIRD_SERVER_REPLY) << 0L << "Unsupported HTTP version in response"
            << "protocol"
            << "example.test:443 sent a malformed HTTP answer (Unsupported HTTP version in response)";
        QTest::newRow("http2") << int(CURLE_HTTP2_STREAM) << 0L << "stream 1 was reset"
                               << "protocol"
                               << "example.test:443 broke the HTTP/2 protocol (stream 1 was reset)";
        QTest::newRow("multi-line text") << int(CURLE_SSL_CONNECT_ERROR) << 0L << "first\nsecond"
                                         << "tls"
                                         << "TLS handshake with example.test:443 failed: first second";
    }

    void failureKinds()
    {
        QFETCH(int, code);
        QFETCH(long, osErrno);
        QFETCH(QString, errorText);
        QFETCH(QString, kind);
        QFETCH(QString, message);
        CurlFailure::Facts given = facts();
        given.osErrno = osErrno;
        given.errorText = errorText;
        const CurlFailure failure = CurlFailure::describe(CURLcode(code), given);
        QCOMPARE(errorKindName(failure.kind), kind);
        QCOMPARE(failure.message, message);
    }

    void writeErrorIsTooLargeOnlyFromOurLimit()
    {
        CurlFailure::Facts given = facts();
        given.bodyLimitExceeded = true;
        QCOMPARE(CurlFailure::describe(CURLE_WRITE_ERROR, given).kind, ErrorKind::TooLarge);
        QCOMPARE(CurlFailure::describe(CURLE_WRITE_ERROR, given).message,
                 QStringLiteral("the body is larger than 1024 bytes (max_body_bytes)"));
        given.bodyLimitExceeded = false;
        QCOMPARE(CurlFailure::describe(CURLE_WRITE_ERROR, given).kind, ErrorKind::Protocol);
    }

    void truncatedBodySaysHowMuchCame()
    {
        CurlFailure::Facts given = facts();
        given.received = 3;
        given.expected = 1000;
        QCOMPARE(CurlFailure::describe(CURLE_PARTIAL_FILE, given).message,
                 QStringLiteral("the connection closed after 3 of 1000 bytes"));
        QCOMPARE(CurlFailure::describe(CURLE_PARTIAL_FILE, given).kind, ErrorKind::Reset);
        given.expected = -1; // chunked
        QCOMPARE(CurlFailure::describe(CURLE_PARTIAL_FILE, given).message,
                 QStringLiteral("the connection closed after 3 bytes, before the body ended"));
    }

    void oversizedHeaderIsProtocol()
    {
        CurlFailure::Facts given = facts();
        given.connected = true;
        const CurlFailure failure = CurlFailure::describe(CURLE_OUT_OF_MEMORY, given);
        QCOMPARE(failure.kind, ErrorKind::Protocol);
        QCOMPARE(failure.message, QStringLiteral("example.test:443 sent a header larger than accepted (100 KB)"));
        given.headersComplete = true; // then it was not the header
        QVERIFY(!CurlFailure::describe(CURLE_OUT_OF_MEMORY, given).message.contains(QLatin1String("header")));
    }

    void certificateDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("two-digit day") << "Jan 31 00:00:00 2027 GMT"
                                       << QDateTime(QDate(2027, 1, 31), QTime(0, 0), Qt::UTC);
        QTest::newRow("padded day") << "Feb  3 04:05:06 2030 GMT"
                                    << QDateTime(QDate(2030, 2, 3), QTime(4, 5, 6), Qt::UTC);
        QTest::newRow("december") << "Dec 24 23:59:59 2049 GMT"
                                  << QDateTime(QDate(2049, 12, 24), QTime(23, 59, 59), Qt::UTC);
        QTest::newRow("no zone") << "Jan 31 00:00:00 2027" << QDateTime();
        QTest::newRow("bad month") << "Foo 31 00:00:00 2027 GMT" << QDateTime();
        QTest::newRow("bad day") << "Feb 30 00:00:00 2027 GMT" << QDateTime();
        QTest::newRow("empty") << "" << QDateTime();
    }

    void certificateDates()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(CurlCertificate::parseDate(text), expected);
    }

    void certificateFields()
    {
        const QList<QByteArray> fields{"Subject:CN = localhost",
                                       "Issuer:CN = Pingscope Test CA",
                                       "Version:2",
                                       "Start date:Jan  1 00:00:00 2026 GMT",
                                       "Expire date:Jan 31 12:00:00 2027 GMT",
                                       "Cert:-----BEGIN CERTIFICATE-----"};
        const auto certificate = CurlCertificate::fromFields(fields, true);
        QVERIFY(certificate);
        QCOMPARE(certificate->subject, QStringLiteral("CN = localhost"));
        QCOMPARE(certificate->issuer, QStringLiteral("CN = Pingscope Test CA"));
        QCOMPARE(certificate->notAfter, QDateTime(QDate(2027, 1, 31), QTime(12, 0), Qt::UTC));
        QVERIFY(certificate->chainValid);
        QVERIFY(!CurlCertificate::fromFields({"Version:2"}, true));
    }

    void reasonPhrases_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("HTTP/1.1") << QByteArray("HTTP/1.1 404 Not Found\r\n") << QByteArray("Not Found");
        QTest::newRow("several words") << QByteArray("HTTP/1.0 503 Service  Unavailable\r\n")
                                       << QByteArray("Service  Unavailable");
        QTest::newRow("no reason") << QByteArray("HTTP/1.1 200\r\n") << QByteArray();
        QTest::newRow("HTTP/2") << QByteArray("HTTP/2 200 \r\n") << QByteArray();
        QTest::newRow("bare") << QByteArray("HTTP/1.1\r\n") << QByteArray();
    }

    void reasonPhrases()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, reason);
        QCOMPARE(CurlTransfer::reasonPhraseOf(line), reason);
    }

    void phasesFromTimestamps()
    {
        CurlTimings timings;
        timings.namelookup = 1000us;
        timings.connect = 3000us;
        timings.appconnect = 10000us;
        timings.starttransfer = 40000us;
        timings.total = 45000us;
        const PhaseTimings phases = timings.phases(true);
        QCOMPARE(phases.dns, std::optional(1000us));
        QCOMPARE(phases.connect, std::optional(2000us));
        QCOMPARE(phases.tls, std::optional(7000us));
        QCOMPARE(phases.ttfb, std::optional(30000us));
        QCOMPARE(phases.transfer, std::optional(5000us));

        timings.appconnect = 0us; // plain http: ttfb counts from the connect
        const PhaseTimings plain = timings.phases(true);
        QVERIFY(!plain.tls);
        QCOMPARE(plain.ttfb, std::optional(37000us));

        CurlTimings refused; // looked up, never connected
        refused.namelookup = 50us;
        refused.total = 400us;
        const PhaseTimings partial = refused.phases(false);
        QCOMPARE(partial.dns, std::optional(50us));
        QVERIFY(!partial.connect && !partial.tls && !partial.ttfb && !partial.transfer);
        QVERIFY(!timings.phases(false).transfer); // only once the answer is whole
    }
};

QTEST_GUILESS_MAIN(TestCurlParts)
#include "tst_curlparts.moc"
