#include "net/dns/AresResolver.h"
#include "net/tcp/TcpConnector.h"
#include "probe/tcp/TcpProbe.h"

#include "CoroTest.h"
#include "FakeDnsServer.h"
#include "StartedContext.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace std::chrono_literals;

namespace {
ProbeSpec tcpEndpoint(const QString &host, quint16 port, std::chrono::milliseconds timeout = 5s)
{
    ProbeSpec spec;
    spec.target.kind = ProbeKind::Tcp;
    spec.target.host = host;
    spec.target.port = port;
    spec.timeoutMs = int(timeout.count());
    return spec;
}

// A listener whose accept queue is full: Linux then drops new SYNs, so a connect hangs as it would
// to a silent host, without a packet leaving the loopback.
struct FullBacklog
{
    QTcpServer server;
    QTcpSocket filler;

    bool setUp()
    {
        server.setListenBacklogSize(0);
        if (!server.listen(QHostAddress::LocalHost, 0))
            return false;
        server.pauseAccepting();
        filler.connectToHost(QHostAddress::LocalHost, server.serverPort());
        return filler.waitForConnected(2000);
    }
};
} // namespace

class TestTcpProbe : public QObject
{
    Q_OBJECT

private:
    FakeDnsServer m_dns;
    std::shared_ptr<HostResolver> m_resolver;

    ProbeResult probe(const ProbeSpec &spec)
    {
        TcpProbe probe(m_resolver);
        auto context = startedContext(std::chrono::milliseconds(spec.timeoutMs));
        const auto result = CoroTest::await(probe.run(spec, context));
        return result.value_or(ProbeResult::failure(ErrorKind::Protocol, QStringLiteral("the probe never finished")));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dns.listen());
        m_resolver = std::make_shared<AresResolver>(DnsServerAddress{m_dns.address(), m_dns.port()});
        m_dns.addA(QStringLiteral("db.test"), QStringLiteral("127.0.0.1"));
        // Tried in the resolver's order: whichever of these comes first and is refused, the other follows.
        m_dns.addA(QStringLiteral("two.test"), QStringLiteral("127.0.0.1"));
        m_dns.addAaaa(QStringLiteral("two.test"), QStringLiteral("::1"));
    }

    void openPortIsUp()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const ProbeResult result = probe(tcpEndpoint(QStringLiteral("127.0.0.1"), server.serverPort()));
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
        QCOMPARE(result.status, ProbeStatus::Up);
        QCOMPARE(result.errorKind, ErrorKind::None);
        QVERIFY(result.started.isValid());
        QCOMPARE(result.phases.dns, std::optional<std::chrono::microseconds>(0us)); // an address literal
        QVERIFY(result.phases.connect.has_value());
        QVERIFY(*result.phases.connect > 0us);
        QCOMPARE(result.latency, *result.phases.connect);
        QVERIFY(!result.phases.tls.has_value());
    }

    void serverThatClosesAtOnceIsStillUp()
    {
        // Many services accept and hang up straight away (a full queue, a banner-less proxy). The TCP
        // connect succeeded, which is all a tcp probe asks; the close that follows is not a failure.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&server] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                socket->abort(); // a RST, the fastest way to say goodbye
                socket->deleteLater();
            }
        });
        for (int i = 0; i < 20; ++i) {
            const ProbeResult result = probe(tcpEndpoint(QStringLiteral("127.0.0.1"), server.serverPort()));
            QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
        }
    }

    void nameIsResolvedFirst()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const ProbeResult result = probe(tcpEndpoint(QStringLiteral("db.test"), server.serverPort()));
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
        QVERIFY(result.phases.dns.has_value() && *result.phases.dns > 0us);
        QVERIFY(result.phases.connect.has_value());
        QCOMPARE(result.latency, *result.phases.dns + *result.phases.connect);
    }

    void nextAddressIsTriedAfterARefusal()
    {
        QTcpServer server; // on 127.0.0.1 only: ::1 refuses (or is missing), 127.0.0.1 answers
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const ProbeResult result = probe(tcpEndpoint(QStringLiteral("two.test"), server.serverPort()));
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
    }

    void unknownNameFailsWithDns()
    {
        const ProbeResult result = probe(tcpEndpoint(QStringLiteral("nothing.test"), 80));
        QCOMPARE(result.errorKind, ErrorKind::Dns);
        QCOMPARE(result.errorMessage, QStringLiteral("no such host: nothing.test"));
        QVERIFY(result.phases.dns.has_value());
        QVERIFY(!result.phases.connect.has_value());
    }

    void closedPortIsRefusedAtOnce()
    {
        quint16 port = 0;
        {
            QTcpServer server;
            QVERIFY(server.listen(QHostAddress::LocalHost, 0));
            port = server.serverPort();
        }
        QElapsedTimer clock;
        clock.start();
        const ProbeResult result = probe(tcpEndpoint(QStringLiteral("127.0.0.1"), port, 10s));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(result.errorKind, ErrorKind::Refused);
        QCOMPARE(result.errorMessage,
                 QStringLiteral("connection refused by 127.0.0.1:%1 (nothing listens on that port)").arg(port));
        QVERIFY(result.phases.connect.has_value());
        QVERIFY(result.latency < 1s);
    }

    void ipv6Loopback()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHostIPv6, 0))
            QSKIP("no IPv6 loopback on this machine");
        const ProbeResult result = probe(tcpEndpoint(QStringLiteral("::1"), server.serverPort()));
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
        server.close();
        const ProbeResult refused = probe(tcpEndpoint(QStringLiteral("::1"), server.serverPort()));
        QCOMPARE(refused.errorKind, ErrorKind::Refused);
        QVERIFY(refused.errorMessage.contains(QStringLiteral("[::1]:%1").arg(server.serverPort())));
    }

    // Unreachable hosts and networks cannot be made on the loopback without traffic leaving it,
    // so the mapping of Qt's socket errors is checked on its own.
    void socketErrorsAreWordedForPeople_data()
    {
        QTest::addColumn<QAbstractSocket::SocketError>("error");
        QTest::addColumn<QString>("qtText");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("refused") << QAbstractSocket::ConnectionRefusedError << QStringLiteral("Connection refused")
                                 << ErrorKind::Refused
                                 << QStringLiteral("connection refused by 127.0.0.9:80 (nothing listens on that port)");
        QTest::newRow("network unreachable")
            << QAbstractSocket::NetworkError << QStringLiteral("Network unreachable") << ErrorKind::Unreachable
            << QStringLiteral("cannot reach 127.0.0.9:80 (network unreachable)");
        QTest::newRow("host unreachable")
            << QAbstractSocket::NetworkError << QStringLiteral("Host unreachable") << ErrorKind::Unreachable
            << QStringLiteral("cannot reach 127.0.0.9:80 (host unreachable)");
        QTest::newRow("not allowed") << QAbstractSocket::SocketAccessError << QStringLiteral("Permission denied")
                                     << ErrorKind::Permission
                                     << QStringLiteral("not allowed to connect to 127.0.0.9:80 (permission denied)");
        QTest::newRow("kernel timeout") << QAbstractSocket::SocketTimeoutError << QStringLiteral("Connection timed out")
                                        << ErrorKind::Timeout << QStringLiteral("connecting to 127.0.0.9:80 timed out");
        QTest::newRow("closed") << QAbstractSocket::RemoteHostClosedError << QStringLiteral("The remote host closed")
                                << ErrorKind::Reset << QStringLiteral("127.0.0.9:80 closed the connection");
    }

    void socketErrorsAreWordedForPeople()
    {
        QFETCH(QAbstractSocket::SocketError, error);
        QFETCH(QString, qtText);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, message);
        const NetError failure = TcpConnector::socketFailure(error, qtText, QStringLiteral("127.0.0.9:80"));
        QCOMPARE(failure.kind, kind);
        QCOMPARE(failure.message, message);
    }

    void literalOfTheWrongFamilyIsADnsError()
    {
        ProbeSpec spec = tcpEndpoint(QStringLiteral("127.0.0.1"), 9);
        spec.ipFamily = IpFamily::V6;
        const ProbeResult result = probe(spec);
        QCOMPARE(result.errorKind, ErrorKind::Dns);
        QCOMPARE(result.errorMessage, QStringLiteral("127.0.0.1 is an IPv4 address, but this endpoint uses IPv6 only"));
    }

    void silentTargetTimesOut()
    {
        FullBacklog target;
        QVERIFY(target.setUp());
        QElapsedTimer clock;
        clock.start();
        const ProbeResult result = probe(tcpEndpoint(QStringLiteral("127.0.0.1"), target.server.serverPort(), 500ms));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(result.errorKind, ErrorKind::Timeout);
        QCOMPARE(result.errorMessage, QStringLiteral("no answer within 500 ms (timed out while connecting)"));
        QVERIFY2(elapsed >= 500 && elapsed <= 500 * 105 / 100 + 20, qPrintable(QString::number(elapsed)));
        QVERIFY(result.phases.dns.has_value());
    }

    void cancelEndsTheConnectAtOnce()
    {
        FullBacklog target;
        QVERIFY(target.setUp());
        auto context = startedContext(10s);
        QElapsedTimer clock;
        QTimer::singleShot(100ms, context.get(), [&] {
            clock.start();
            context->cancel();
        });
        TcpProbe probe(m_resolver);
        const auto result = CoroTest::await(
            probe.run(tcpEndpoint(QStringLiteral("127.0.0.1"), target.server.serverPort(), 10s), context));
        QVERIFY(result.has_value());
        QVERIFY2(clock.elapsed() < 50, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(result->errorKind, ErrorKind::Cancelled);
        QCOMPARE(result->errorMessage, QStringLiteral("cancelled while connecting"));
    }
};

QTEST_GUILESS_MAIN(TestTcpProbe)
#include "tst_tcpprobe.moc"
