#include "HttpProbeRunner.h"
#include "ScriptedHttpServer.h"
#include "TestCertificates.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using Server = ScriptedHttpServer;
using Leaf = TestCertificates::Leaf;

// The HTTP probe over TLS, against servers on 127.0.0.1 with certificates made for the run.
class TestHttpsProbe : public QObject
{
    Q_OBJECT

private:
    HttpProbeRunner m_runner;
    std::unique_ptr<TestCertificates> m_certificates;

    bool serve(Server &server, Leaf leaf)
    {
        server.setHandler(Server::sending(Server::answer(200, "OK", "secure hello")));
        return server.listenTls(m_certificates->certificateFile(leaf), m_certificates->keyFile(leaf));
    }

    static qint64 daysLeft(const QDateTime &notAfter)
    {
        return QDateTime::currentDateTimeUtc().secsTo(notAfter) / 86400;
    }

private slots:
    void init()
    {
        // A stray notifier ("multiple socket notifiers for the same socket") or timer warning fails.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
    }

    void initTestCase()
    {
        m_certificates = std::make_unique<TestCertificates>();
        if (!m_certificates->isValid())
            QSKIP(qPrintable(QStringLiteral("cannot make test certificates: ") + m_certificates->error()));
    }

    void goodCertificateWithItsCaIsUp()
    {
        Server server;
        QVERIFY(serve(server, Leaf::Good));
        ProbeSpec spec = HttpProbeRunner::spec(server.url());
        spec.http.caFile = m_certificates->caFile();
        auto context = HttpProbeRunner::startedContext(spec);
        QList<NetPhase> phases;
        connect(context.get(), &NetContext::phaseChanged, this, [&phases](NetPhase phase) { phases.append(phase); });
        const auto result = m_runner.probe(spec, context);
        QVERIFY2(result && result->isUp(), qPrintable(HttpProbeRunner::describe(result)));
        QCOMPARE(result->httpStatus, std::optional<int>(200));
        QVERIFY(result->certificate);
        const CertificateInfo &certificate = *result->certificate;
        QVERIFY2(daysLeft(certificate.notAfter) >= 364 && daysLeft(certificate.notAfter) <= 365,
                 qPrintable(certificate.notAfter.toString(Qt::ISODate)));
        QCOMPARE(certificate.notAfter.timeSpec(), Qt::UTC);
        QVERIFY2(certificate.subject.contains(QLatin1String("localhost")), qPrintable(certificate.subject));
        QVERIFY2(certificate.issuer.contains(QLatin1String("Pingscope Test CA")), qPrintable(certificate.issuer));
        QVERIFY(certificate.chainValid);

        QVERIFY(result->phases.tls && *result->phases.tls > 0us);
        const auto difference = HttpProbeRunner::phaseSum(result->phases) - result->latency;
        QVERIFY2(difference < 1ms && difference > -1ms, qPrintable(QString::number(difference.count())));
        QVERIFY(phases.contains(NetPhase::TlsHandshake));
        QVERIFY(phases.indexOf(NetPhase::TlsHandshake) < phases.indexOf(NetPhase::WaitingForFirstByte));
    }

    void unknownCaIsTls()
    {
        Server server;
        QVERIFY(serve(server, Leaf::Good));
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url())); // no ca_file
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("tls"));
        QVERIFY2(result->errorMessage.contains(QLatin1String("was rejected")), qPrintable(result->errorMessage));
    }

    void selfSignedIsTlsWhenVerifying()
    {
        Server server;
        QVERIFY(serve(server, Leaf::SelfSigned));
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url()));
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("tls"));
        QVERIFY2(result->errorMessage.contains(QLatin1String("self-signed"))
                     || result->errorMessage.contains(QLatin1String("self signed")),
                 qPrintable(result->errorMessage));
        QVERIFY(!result->errorMessage.contains(QLatin1Char('\n')));
    }

    void selfSignedIsUpWithoutVerifying()
    {
        Server server;
        QVERIFY(serve(server, Leaf::SelfSigned));
        ProbeSpec spec = HttpProbeRunner::spec(server.url());
        spec.http.verifyTls = false;
        const auto result = m_runner.probe(spec);
        QVERIFY2(result && result->isUp(), qPrintable(HttpProbeRunner::describe(result)));
        QVERIFY(result->certificate);
        QVERIFY(!result->certificate->chainValid); // reported, though not enforced
        QVERIFY(result->certificate->subject.contains(QLatin1String("localhost")));
    }

    void expiredIsTlsAndSaysSo()
    {
        Server server;
        QVERIFY(serve(server, Leaf::Expired));
        ProbeSpec spec = HttpProbeRunner::spec(server.url());
        spec.http.caFile = m_certificates->caFile();
        const auto result = m_runner.probe(spec);
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("tls"));
        QVERIFY2(result->errorMessage.contains(QLatin1String("expired")), qPrintable(result->errorMessage));
    }

    void expiringSoonIsUpWithItsDate()
    {
        Server server;
        QVERIFY(serve(server, Leaf::ExpiringSoon));
        ProbeSpec spec = HttpProbeRunner::spec(server.url());
        spec.http.caFile = m_certificates->caFile();
        const auto result = m_runner.probe(spec);
        QVERIFY2(result && result->isUp(), qPrintable(HttpProbeRunner::describe(result)));
        QVERIFY(result->certificate);
        const qint64 seconds = QDateTime::currentDateTimeUtc().secsTo(result->certificate->notAfter);
        QVERIFY2(seconds > 3 * 86400 && seconds < 4 * 86400, qPrintable(QString::number(seconds)));
        QVERIFY(result->certificate->chainValid);
    }

    void silentPeerTimesOutInTheHandshake()
    {
        Server server; // plain TCP that never speaks: the TLS handshake never completes
        QVERIFY(server.listen());
        server.setHandler(Server::silent());
        const QString url = server.url().replace(QLatin1String("http://"), QLatin1String("https://"));
        constexpr auto timeout = 400ms;
        const auto result = m_runner.probe(HttpProbeRunner::spec(url, int(timeout.count())));
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("timeout"));
        QVERIFY2(result->errorMessage.contains(QLatin1String("during the TLS handshake")),
                 qPrintable(result->errorMessage));
        QVERIFY(result->latency <= timeout * 105 / 100 + 20ms);
        // curl 7.88 records the TCP connect time only once the TLS handshake is done too, so an
        // abort during the handshake keeps the lookup only.
        QVERIFY(result->phases.dns && !result->phases.tls && !result->phases.ttfb);
    }

    void plainHttpPeerOnAnHttpsUrlIsTls()
    {
        // Answers in plain HTTP as soon as anyone connects, as a server does to bytes it cannot parse.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::pendingConnectionAvailable, &server, [&server] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                socket->write(Server::answer(400, "Bad Request", "plain http here"));
                socket->disconnectFromHost();
            }
        });
        const auto result
            = m_runner.probe(HttpProbeRunner::spec(QStringLiteral("https://127.0.0.1:%1/").arg(server.serverPort())));
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("tls"));
        QVERIFY2(result->errorMessage.startsWith(QLatin1String("TLS handshake with 127.0.0.1:"))
                     && result->errorMessage.endsWith(QLatin1String("does not speak TLS on that port)")),
                 qPrintable(result->errorMessage));
    }
};

QTEST_GUILESS_MAIN(TestHttpsProbe)
#include "tst_httpsprobe.moc"
