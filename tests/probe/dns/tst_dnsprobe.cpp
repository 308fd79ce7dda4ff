#include "probe/dns/DnsProbe.h"

#include "CoroTest.h"
#include "FakeDnsServer.h"
#include "StartedContext.h"

#include <QElapsedTimer>
#include <QTest>
#include <QUdpSocket>

using namespace std::chrono_literals;

namespace {
const QString longText = QString(300, QLatin1Char('x'));
} // namespace

class TestDnsProbe : public QObject
{
    Q_OBJECT

private:
    FakeDnsServer m_dns;

    ProbeSpec specFor(const QString &name, const QString &type, const FakeDnsServer &server)
    {
        ProbeSpec spec;
        QString error;
        const auto target
            = Target::parse(QStringLiteral("dns://%1?type=%2&server=%3").arg(name, type, server.serverText()), &error);
        if (!target)
            qFatal("bad target: %s", qPrintable(error));
        spec.target = *target;
        return spec;
    }

    ProbeSpec specFor(const QString &name, const QString &type) { return specFor(name, type, m_dns); }

    ProbeResult probe(const ProbeSpec &spec, std::chrono::milliseconds timeout = 5s)
    {
        DnsProbe probe;
        const auto result = CoroTest::await(probe.run(spec, startedContext(timeout)));
        return result.value_or(ProbeResult::failure(ErrorKind::Protocol, QStringLiteral("the probe never finished")));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dns.listen());
        m_dns.addA(QStringLiteral("a.x.test"), QStringLiteral("127.0.0.10"));
        m_dns.addA(QStringLiteral("a.x.test"), QStringLiteral("127.0.0.11"));
        m_dns.addAaaa(QStringLiteral("aaaa.x.test"), QStringLiteral("fd00::10"));
        m_dns.addCname(QStringLiteral("alias.x.test"), QStringLiteral("a.x.test"));
        m_dns.addMx(QStringLiteral("x.test"), 10, QStringLiteral("mail.x.test"));
        m_dns.addMx(QStringLiteral("x.test"), 20, QStringLiteral("backup.x.test"));
        m_dns.addTxt(QStringLiteral("x.test"), "v=spf1 -all");
        m_dns.addTxt(QStringLiteral("long.x.test"), longText.toLatin1());
        m_dns.addNs(QStringLiteral("x.test"), QStringLiteral("ns1.x.test"));
        m_dns.addNs(QStringLiteral("x.test"), QStringLiteral("ns2.x.test"));
        m_dns.addSrv(QStringLiteral("_sip._tcp.x.test"), 0, 5, 5060, QStringLiteral("sip.x.test"));
    }

    void init()
    {
        m_dns.setMode(FakeDnsServer::Mode::Answer);
        m_dns.setDelay(0ms);
    }

    void everyRecordType_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("answers");
        QTest::newRow("A") << QStringLiteral("a.x.test") << QStringLiteral("A")
                           << QStringList{QStringLiteral("127.0.0.10"), QStringLiteral("127.0.0.11")};
        QTest::newRow("A through a CNAME") << QStringLiteral("alias.x.test") << QStringLiteral("A")
                                           << QStringList{QStringLiteral("127.0.0.10"), QStringLiteral("127.0.0.11")};
        QTest::newRow("AAAA") << QStringLiteral("aaaa.x.test") << QStringLiteral("AAAA")
                              << QStringList{QStringLiteral("fd00::10")};
        QTest::newRow("CNAME") << QStringLiteral("alias.x.test") << QStringLiteral("CNAME")
                               << QStringList{QStringLiteral("a.x.test")};
        QTest::newRow("MX") << QStringLiteral("x.test") << QStringLiteral("MX")
                            << QStringList{QStringLiteral("10 mail.x.test"), QStringLiteral("20 backup.x.test")};
        QTest::newRow("TXT") << QStringLiteral("x.test") << QStringLiteral("TXT")
                             << QStringList{QStringLiteral("v=spf1 -all")};
        QTest::newRow("TXT in two strings")
            << QStringLiteral("long.x.test") << QStringLiteral("TXT") << QStringList{longText};
        QTest::newRow("NS") << QStringLiteral("x.test") << QStringLiteral("NS")
                            << QStringList{QStringLiteral("ns1.x.test"), QStringLiteral("ns2.x.test")};
        QTest::newRow("SRV") << QStringLiteral("_sip._tcp.x.test") << QStringLiteral("SRV")
                             << QStringList{QStringLiteral("0 5 5060 sip.x.test")};
    }

    void everyRecordType()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QStringList, answers);
        const ProbeResult result = probe(specFor(name, type));
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
        QCOMPARE(result.errorKind, ErrorKind::None);
        QCOMPARE(result.dnsAnswers, answers);
        QVERIFY(result.started.isValid());
        QVERIFY(result.phases.dns.has_value());
        QCOMPARE(result.latency, *result.phases.dns);
        QVERIFY(result.latency > 0us);
        QVERIFY(result.latency < 2s);
    }

    void expectedAnswerIsThere_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("expect");
        QTest::newRow("address") << QStringLiteral("a.x.test") << QStringLiteral("A") << QStringLiteral("127.0.0.11");
        QTest::newRow("address written long")
            << QStringLiteral("aaaa.x.test") << QStringLiteral("AAAA") << QStringLiteral("fd00:0:0::10");
        QTest::newRow("name in another case")
            << QStringLiteral("alias.x.test") << QStringLiteral("CNAME") << QStringLiteral("A.X.Test.");
        QTest::newRow("MX whole") << QStringLiteral("x.test") << QStringLiteral("MX")
                                  << QStringLiteral("20 backup.x.test");
        QTest::newRow("MX host only") << QStringLiteral("x.test") << QStringLiteral("MX")
                                      << QStringLiteral("mail.x.test");
        QTest::newRow("TXT") << QStringLiteral("x.test") << QStringLiteral("TXT") << QStringLiteral("v=spf1 -all");
        QTest::newRow("SRV") << QStringLiteral("_sip._tcp.x.test") << QStringLiteral("SRV")
                             << QStringLiteral("0 5 5060 SIP.x.test");
    }

    void expectedAnswerIsThere()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QString, expect);
        ProbeSpec spec = specFor(name, type);
        spec.dns.expect = expect;
        const ProbeResult result = probe(spec);
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
    }

    void expectedAnswerIsMissing_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("expect");
        QTest::addColumn<QString>("message");
        QTest::newRow("address") << QStringLiteral("A") << QStringLiteral("127.0.0.99")
                                 << QStringLiteral(
                                        "expected 127.0.0.99 among the answers, got [127.0.0.10, 127.0.0.11]");
        QTest::newRow("TXT is case-sensitive")
            << QStringLiteral("TXT") << QStringLiteral("V=SPF1 -ALL")
            << QStringLiteral("expected V=SPF1 -ALL among the answers, got [v=spf1 -all]");
        QTest::newRow("MX") << QStringLiteral("MX") << QStringLiteral("30 mail.x.test")
                            << QStringLiteral(
                                   "expected 30 mail.x.test among the answers, got [10 mail.x.test, 20 backup.x.test]");
    }

    void expectedAnswerIsMissing()
    {
        QFETCH(QString, type);
        QFETCH(QString, expect);
        QFETCH(QString, message);
        ProbeSpec spec
            = specFor(type == QLatin1String("A") ? QStringLiteral("a.x.test") : QStringLiteral("x.test"), type);
        spec.dns.expect = expect;
        const ProbeResult result = probe(spec);
        QVERIFY(!result.isUp());
        QCOMPARE(result.errorKind, ErrorKind::BodyMismatch);
        QCOMPARE(result.errorMessage, message);
        QVERIFY(!result.dnsAnswers.isEmpty());
    }

    void failures_data()
    {
        QTest::addColumn<FakeDnsServer::Mode>("mode");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("NXDOMAIN") << FakeDnsServer::Mode::Answer << QStringLiteral("nothing.x.test")
                                  << QStringLiteral("A") << ErrorKind::Dns
                                  << QStringLiteral("no such name: nothing.x.test");
        QTest::newRow("told NXDOMAIN") << FakeDnsServer::Mode::NxDomain << QStringLiteral("a.x.test")
                                       << QStringLiteral("A") << ErrorKind::Dns
                                       << QStringLiteral("no such name: a.x.test");
        QTest::newRow("no records of the type")
            << FakeDnsServer::Mode::Answer << QStringLiteral("a.x.test") << QStringLiteral("AAAA") << ErrorKind::Dns
            << QStringLiteral("no AAAA records for a.x.test");
        // The answer holds the CNAME (and its target's A records), but no AAAA: c-ares says success.
        QTest::newRow("no records of the type through a CNAME")
            << FakeDnsServer::Mode::Answer << QStringLiteral("alias.x.test") << QStringLiteral("AAAA") << ErrorKind::Dns
            << QStringLiteral("no AAAA records for alias.x.test");
        QTest::newRow("no MX records through a CNAME")
            << FakeDnsServer::Mode::Answer << QStringLiteral("alias.x.test") << QStringLiteral("MX") << ErrorKind::Dns
            << QStringLiteral("no MX records for alias.x.test");
        QTest::newRow("SERVFAIL") << FakeDnsServer::Mode::ServFail << QStringLiteral("a.x.test") << QStringLiteral("A")
                                  << ErrorKind::Dns
                                  << QStringLiteral("server failure: the DNS server %1 could not look up a.x.test");
        QTest::newRow("REFUSED") << FakeDnsServer::Mode::Refused << QStringLiteral("a.x.test") << QStringLiteral("A")
                                 << ErrorKind::Dns
                                 << QStringLiteral("the DNS server %1 refused to answer for a.x.test");
    }

    void failures()
    {
        QFETCH(FakeDnsServer::Mode, mode);
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, message);
        m_dns.setMode(mode);
        const ProbeResult result = probe(specFor(name, type), 5s);
        QVERIFY(!result.isUp());
        QCOMPARE(result.errorKind, kind);
        QCOMPARE(result.errorMessage,
                 message.contains(QLatin1String("%1")) ? message.arg(m_dns.serverText()) : message);
        QVERIFY(result.dnsAnswers.isEmpty());
        QVERIFY(result.latency < 2s); // an answer, even a bad one, ends the probe at once
    }

    void closedPortIsRefused()
    {
        QUdpSocket closed;
        QVERIFY(closed.bind(QHostAddress::LocalHost, 0));
        const quint16 port = closed.localPort();
        closed.close();
        ProbeSpec spec = specFor(QStringLiteral("a.x.test"), QStringLiteral("A"));
        spec.target.dnsServerPort = port;
        const ProbeResult result = probe(spec, 5s);
        QCOMPARE(result.errorKind, ErrorKind::Refused);
        QCOMPARE(result.errorMessage, QStringLiteral("nothing answers DNS at the DNS server 127.0.0.1:%1").arg(port));
        QVERIFY(result.latency < 2s);
    }

    void serverOverIpv6()
    {
        FakeDnsServer six;
        if (!six.listen(QHostAddress::LocalHostIPv6))
            QSKIP("no IPv6 loopback on this machine");
        six.addA(QStringLiteral("a.x.test"), QStringLiteral("127.0.0.12"));
        const ProbeResult result = probe(specFor(QStringLiteral("a.x.test"), QStringLiteral("A"), six));
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
        QCOMPARE(result.dnsAnswers, QStringList{QStringLiteral("127.0.0.12")});
        QCOMPARE(six.queryCount(), 1);
    }

    void silentServerTimesOut()
    {
        m_dns.setMode(FakeDnsServer::Mode::Silent);
        const int before = m_dns.queryCount();
        QElapsedTimer clock;
        clock.start();
        const ProbeResult result = probe(specFor(QStringLiteral("a.x.test"), QStringLiteral("A")), 600ms);
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(result.errorKind, ErrorKind::Timeout);
        QCOMPARE(result.errorMessage, QStringLiteral("no answer within 600 ms (timed out while resolving the name)"));
        QVERIFY2(elapsed >= 600 && elapsed <= 600 * 105 / 100 + 20, qPrintable(QString::number(elapsed)));
        QVERIFY(result.latency >= 600ms);
        // c-ares retransmitted inside the timeout (at 100 and 300 ms), and gave up on nothing early.
        QCOMPARE(m_dns.queryCount() - before, 3);
    }

    void cancelEndsTheProbeAtOnce()
    {
        m_dns.setMode(FakeDnsServer::Mode::Silent);
        auto context = startedContext(10s);
        QElapsedTimer clock;
        QTimer::singleShot(100ms, context.get(), [&] {
            clock.start();
            context->cancel();
        });
        DnsProbe probe;
        const auto result
            = CoroTest::await(probe.run(specFor(QStringLiteral("a.x.test"), QStringLiteral("A")), context));
        QVERIFY(result.has_value());
        QVERIFY2(clock.elapsed() < 50, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(result->errorKind, ErrorKind::Cancelled);
        QCOMPARE(result->errorMessage, QStringLiteral("cancelled while resolving the name"));
    }

    void slowAnswerIsTimed()
    {
        m_dns.setDelay(200ms);
        const ProbeResult result = probe(specFor(QStringLiteral("a.x.test"), QStringLiteral("A")), 5s);
        QVERIFY2(result.isUp(), qPrintable(result.errorMessage));
        QVERIFY(result.latency >= 200ms);
        QVERIFY(result.latency < 1s);
    }
};

QTEST_GUILESS_MAIN(TestDnsProbe)
#include "tst_dnsprobe.moc"
