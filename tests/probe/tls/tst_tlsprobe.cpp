#include "net/dns/AresResolver.h"
#include "probe/tls/TlsProbe.h"

#include "CoroTest.h"
#include "FakeDnsServer.h"
#include "StartedContext.h"
#include "TestCertificates.h"
#include "TlsTestServer.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

namespace {
ProbeSpec tlsEndpoint(const QString &host, quint16 port, const QString &caFile, std::chrono::milliseconds timeout = 5s)
{
    ProbeSpec spec;
    spec.target.kind = ProbeKind::Tls;
    spec.target.host = host;
    spec.target.port = port;
    spec.timeoutMs = int(timeout.count());
    spec.http.caFile = caFile;
    return spec;
}

std::optional<std::chrono::microseconds> none()
{
    return std::nullopt;
}
} // namespace

class TestTlsProbe : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCertificates> m_certificates;
    FakeDnsServer m_dns;
    std::shared_ptr<HostResolver> m_resolver;

    std::unique_ptr<TlsTestServer> tlsServer(TestCertificates::Leaf leaf,
                                             const QHostAddress &address = QHostAddress::LocalHost)
    {
        auto server = std::make_unique<TlsTestServer>(TlsTestServer::Behaviour::Tls);
        if (!server->setLeaf(*m_certificates, leaf) || !server->listen(address))
            return nullptr;
        return server;
    }

    ProbeResult probe(const ProbeSpec &spec)
    {
        TlsProbe probe(m_resolver);
        const auto result = CoroTest::await(probe.run(spec, startedContext(std::chrono::milliseconds(spec.timeoutMs))));
        return result.value_or(ProbeResult::failure(ErrorKind::Protocol, QStringLiteral("the probe never finished")));
    }

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        m_certificates = std::make_unique<TestCertificates>();
        QVERIFY2(m_certificates->isValid(), qPrintable(m_certificates->error()));
        QVERIFY(m_dns.listen());
        m_dns.addA(QStringLiteral("wrong.test"), QStringLiteral("127.0.0.1"));
        m_resolver = std::make_shared<AresResolver>(DnsServerAddress{m_dns.address(), m_dns.port()});
    }

    void goodCertificateWithTheCaFileIsUp()
    {
        auto server = tlsServer(TestCertificates::Leaf::Good);
        QVERIFY(server);
        const ProbeResult result
            = probe(tlsEndpoint(QStringLiteral("127.0.0.1"), server->port(), m_certificates->caFile()));
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
        QCOMPARE(result.errorKind, ErrorKind::None);
        QVERIFY(result.certificate.has_value());
        QCOMPARE(result.certificate->subject, QStringLiteral("localhost"));
        QCOMPARE(result.certificate->issuer, QStringLiteral("Pingscope Test CA"));
        QVERIFY(result.certificate->chainValid);
        QCOMPARE(result.certificate->notAfter.timeSpec(), Qt::UTC);
        const qint64 daysLeft = QDateTime::currentDateTimeUtc().daysTo(result.certificate->notAfter);
        QVERIFY2(daysLeft >= 364 && daysLeft <= 365, qPrintable(QString::number(daysLeft)));
        QCOMPARE(result.phases.dns, std::optional<std::chrono::microseconds>(0us));
        QVERIFY(result.phases.connect.has_value() && *result.phases.connect > 0us);
        QVERIFY(result.phases.tls.has_value() && *result.phases.tls > 0us);
        QCOMPARE(result.latency, *result.phases.dns + *result.phases.connect + *result.phases.tls);
        QVERIFY(result.started.isValid());
    }

    void nameFromTheHostsFileIsVerified()
    {
        auto server = tlsServer(TestCertificates::Leaf::Good);
        QVERIFY(server);
        m_dns.setMode(FakeDnsServer::Mode::Silent); // localhost never reaches it; if it did, it would hang
        const ProbeResult result
            = probe(tlsEndpoint(QStringLiteral("localhost"), server->port(), m_certificates->caFile()));
        m_dns.setMode(FakeDnsServer::Mode::Answer);
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
        QVERIFY(result.certificate && result.certificate->chainValid);
    }

    void ipv6Loopback()
    {
        auto server = tlsServer(TestCertificates::Leaf::Good, QHostAddress::LocalHostIPv6);
        if (!server)
            QSKIP("no IPv6 loopback on this machine");
        const ProbeResult result = probe(tlsEndpoint(QStringLiteral("::1"), server->port(), m_certificates->caFile()));
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
    }

    void unknownAuthorityFails()
    {
        auto server = tlsServer(TestCertificates::Leaf::Good);
        QVERIFY(server);
        const ProbeResult result = probe(tlsEndpoint(QStringLiteral("127.0.0.1"), server->port(), QString()));
        QVERIFY(!result.isUp());
        QCOMPARE(result.errorKind, ErrorKind::Tls);
        QCOMPARE(result.errorMessage,
                 QStringLiteral("certificate issued by an untrusted authority (Pingscope Test CA)"));
        QVERIFY(result.certificate.has_value()); // still reported
        QVERIFY(!result.certificate->chainValid);
        QVERIFY(result.phases.tls.has_value());
    }

    void selfSignedFails()
    {
        auto server = tlsServer(TestCertificates::Leaf::SelfSigned);
        QVERIFY(server);
        const ProbeResult result
            = probe(tlsEndpoint(QStringLiteral("127.0.0.1"), server->port(), m_certificates->caFile()));
        QCOMPARE(result.errorKind, ErrorKind::Tls);
        QCOMPARE(result.errorMessage, QStringLiteral("self-signed certificate"));
        QVERIFY(result.certificate.has_value());
        QCOMPARE(result.certificate->issuer, QStringLiteral("localhost"));
    }

    void expiredFailsNamingTheDay()
    {
        auto server = tlsServer(TestCertificates::Leaf::Expired);
        QVERIFY(server);
        const ProbeResult result
            = probe(tlsEndpoint(QStringLiteral("127.0.0.1"), server->port(), m_certificates->caFile()));
        QCOMPARE(result.errorKind, ErrorKind::Tls);
        QVERIFY(result.certificate.has_value());
        const QString day = result.certificate->notAfter.toString(QStringLiteral("yyyy-MM-dd"));
        QCOMPARE(result.errorMessage, QStringLiteral("certificate has expired (on %1)").arg(day));
        const qint64 daysAgo = result.certificate->notAfter.daysTo(QDateTime::currentDateTimeUtc());
        QVERIFY2(daysAgo >= 1 && daysAgo <= 2, qPrintable(QString::number(daysAgo)));
    }

    void soonExpiringIsStillUp()
    {
        auto server = tlsServer(TestCertificates::Leaf::ExpiringSoon);
        QVERIFY(server);
        const ProbeResult result
            = probe(tlsEndpoint(QStringLiteral("127.0.0.1"), server->port(), m_certificates->caFile()));
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage)); // degraded is decided elsewhere
        QVERIFY(result.certificate.has_value());
        const auto left = QDateTime::currentDateTimeUtc().secsTo(result.certificate->notAfter);
        QVERIFY2(left > 3 * 86400 && left < 4 * 86400, qPrintable(QString::number(left)));
    }

    void wrongNameFails()
    {
        auto server = tlsServer(TestCertificates::Leaf::Good);
        QVERIFY(server);
        const ProbeResult result
            = probe(tlsEndpoint(QStringLiteral("wrong.test"), server->port(), m_certificates->caFile()));
        QCOMPARE(result.errorKind, ErrorKind::Tls);
        QVERIFY2(result.errorMessage.startsWith(QLatin1String("certificate is for "))
                     && result.errorMessage.contains(QLatin1String("localhost"))
                     && result.errorMessage.endsWith(QLatin1String(", not wrong.test")),
                 qPrintable(result.errorMessage));
        QVERIFY(result.phases.dns.has_value() && *result.phases.dns > 0us);
    }

    void verifyOffReportsButDoesNotFail()
    {
        auto server = tlsServer(TestCertificates::Leaf::SelfSigned);
        QVERIFY(server);
        ProbeSpec spec = tlsEndpoint(QStringLiteral("127.0.0.1"), server->port(), QString());
        spec.http.verifyTls = false;
        const ProbeResult result = probe(spec);
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
        QVERIFY(result.certificate.has_value());
        QVERIFY(!result.certificate->chainValid);
        QCOMPARE(result.certificate->subject, QStringLiteral("localhost"));
    }

    void unreadableCaFileFails()
    {
        auto server = tlsServer(TestCertificates::Leaf::Good);
        QVERIFY(server);
        const QString missing = m_certificates->caFile() + QStringLiteral(".missing");
        const ProbeResult result = probe(tlsEndpoint(QStringLiteral("127.0.0.1"), server->port(), missing));
        QCOMPARE(result.errorKind, ErrorKind::Tls);
        QCOMPARE(result.errorMessage, QStringLiteral("cannot read a certificate from the CA file %1").arg(missing));
        QCOMPARE(server->connectionsSeen(), 0);
    }

    void silentServerTimesOutInTheHandshake()
    {
        TlsTestServer server(TlsTestServer::Behaviour::Silent);
        QVERIFY(server.listen());
        QElapsedTimer clock;
        clock.start();
        const ProbeResult result = probe(tlsEndpoint(QStringLiteral("127.0.0.1"), server.port(), QString(), 500ms));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(result.errorKind, ErrorKind::Timeout);
        QCOMPARE(result.errorMessage, QStringLiteral("no answer within 500 ms (timed out during the TLS handshake)"));
        QVERIFY2(elapsed >= 500 && elapsed <= 500 * 105 / 100 + 20, qPrintable(QString::number(elapsed)));
        QVERIFY(result.phases.connect.has_value());
        QVERIFY(result.phases.tls.has_value());
        QVERIFY(!result.certificate.has_value());
    }

    void plainHttpServerIsAProtocolError()
    {
        TlsTestServer server(TlsTestServer::Behaviour::PlainHttp);
        QVERIFY(server.listen());
        const ProbeResult result = probe(tlsEndpoint(QStringLiteral("127.0.0.1"), server.port(), QString()));
        QCOMPARE(result.errorKind, ErrorKind::Protocol);
        QCOMPARE(result.errorMessage,
                 QStringLiteral("127.0.0.1:%1 does not speak TLS (wrong version number)").arg(server.port()));
        QVERIFY(result.latency < 2s);
    }

    void serverThatHangsUpBeforeTheHandshakeIsAReset()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&server] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                socket->abort();
                socket->deleteLater();
            }
        });
        for (int i = 0; i < 10; ++i) {
            const ProbeResult result
                = probe(tlsEndpoint(QStringLiteral("127.0.0.1"), server.serverPort(), QString(), 10s));
            QCOMPARE(result.status, ProbeStatus::Down);
            // Whether the RST lands before or during the handshake, it is a reset, and it is reported at once.
            QVERIFY2(result.errorKind == ErrorKind::Reset, qPrintable(result.errorMessage));
            QVERIFY(result.latency < 2s);
        }
    }

    void closedPortIsRefused()
    {
        quint16 port = 0;
        {
            TlsTestServer server(TlsTestServer::Behaviour::Silent);
            QVERIFY(server.listen());
            port = server.port();
        }
        const ProbeResult result = probe(tlsEndpoint(QStringLiteral("127.0.0.1"), port, QString(), 10s));
        QCOMPARE(result.errorKind, ErrorKind::Refused);
        QVERIFY(result.latency < 1s);
        QCOMPARE(result.phases.tls, none());
    }

    void cancelDuringTheHandshake()
    {
        TlsTestServer server(TlsTestServer::Behaviour::Silent);
        QVERIFY(server.listen());
        auto context = startedContext(10s);
        QElapsedTimer clock;
        QObject::connect(context.get(), &NetContext::phaseChanged, context.get(), [&](NetPhase phase) {
            if (phase == NetPhase::TlsHandshake) {
                QTimer::singleShot(100ms, context.get(), [&] {
                    clock.start();
                    context->cancel();
                });
            }
        });
        TlsProbe probe(m_resolver);
        const auto result = CoroTest::await(
            probe.run(tlsEndpoint(QStringLiteral("127.0.0.1"), server.port(), QString(), 10s), context));
        QVERIFY(result.has_value());
        QVERIFY(clock.isValid());
        QVERIFY2(clock.elapsed() < 50, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(result->errorKind, ErrorKind::Cancelled);
        QCOMPARE(result->errorMessage, QStringLiteral("cancelled during the TLS handshake"));
        QCOMPARE(server.connectionsSeen(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTlsProbe)
#include "tst_tlsprobe.moc"
