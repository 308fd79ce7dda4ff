#include "endpoint/EndpointListParser.h"
#include "endpoint/Profile.h"

#include <QTest>

class TestEndpointListParser : public QObject
{
    Q_OBJECT

private slots:
    void readsGoodLinesAndSkipsCommentsAndBlanks()
    {
        const QString text = QStringLiteral("# our services\n"
                                            "\n"
                                            "https://example.org/health\n"
                                            "   db.lan:5432   # the database\n"
                                            "\t\n"
                                            "router.lan\n"
                                            "example.org/status\n");
        const auto lines = EndpointListParser::parse(text);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0).number, 3);
        QCOMPARE(lines.at(0).target->toString(), QStringLiteral("https://example.org/health"));
        QCOMPARE(lines.at(1).number, 4);
        QCOMPARE(lines.at(1).text, QStringLiteral("db.lan:5432"));
        QCOMPARE(lines.at(3).number, 7);
        for (const auto &line : lines) {
            QVERIFY2(line.isValid(), qPrintable(line.error));
            QVERIFY(line.error.isEmpty());
        }
    }

    void guessesTheObviousKind_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("bare host is pinged") << "router.lan" << int(ProbeKind::Icmp) << "icmp://router.lan";
        QTest::newRow("bare IPv4") << "192.0.2.1" << int(ProbeKind::Icmp) << "icmp://192.0.2.1";
        QTest::newRow("host:port is a TCP connect") << "db.lan:5432" << int(ProbeKind::Tcp) << "tcp://db.lan:5432";
        QTest::newRow("IPv6 with port") << "[::1]:8080" << int(ProbeKind::Tcp) << "tcp://[::1]:8080";
        QTest::newRow("host/path is fetched")
            << "example.org/status" << int(ProbeKind::Http) << "https://example.org/status";
        QTest::newRow("http URL") << "http://example.org:8080/x" << int(ProbeKind::Http) << "http://example.org:8080/x";
        QTest::newRow("dns") << "dns://example.org?type=AAAA" << int(ProbeKind::Dns) << "dns://example.org?type=AAAA";
    }

    void guessesTheObviousKind()
    {
        QFETCH(QString, line);
        QFETCH(int, kind);
        QFETCH(QString, canonical);
        const auto lines = EndpointListParser::parse(line);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().isValid(), qPrintable(lines.first().error));
        QCOMPARE(int(lines.first().target->kind), kind);
        QCOMPARE(lines.first().target->toString(), canonical);
    }

    void reportsEachErrorWithItsLineNumber()
    {
        const QString text = QStringLiteral("good.lan\n"
                                            "db.lan:99999\n"
                                            "# fine\n"
                                            "ftp://files.lan\n"
                                            "tcp://nopport.lan\r\n"
                                            "ok.lan:22\n");
        const auto lines = EndpointListParser::parse(text);
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines.at(0).isValid());
        QVERIFY(!lines.at(1).isValid());
        QCOMPARE(lines.at(1).number, 2);
        QVERIFY2(lines.at(1).error.startsWith(QStringLiteral("line 2: ")), qPrintable(lines.at(1).error));
        QVERIFY2(lines.at(1).error.contains(QStringLiteral("65535")), qPrintable(lines.at(1).error));
        QCOMPARE(lines.at(2).number, 4);
        QVERIFY2(lines.at(2).error.startsWith(QStringLiteral("line 4: ")), qPrintable(lines.at(2).error));
        QVERIFY2(lines.at(2).error.contains(QStringLiteral("ftp")), qPrintable(lines.at(2).error));
        QCOMPARE(lines.at(3).number, 5);
        QVERIFY2(lines.at(3).error.startsWith(QStringLiteral("line 5: ")), qPrintable(lines.at(3).error));
        QVERIFY2(lines.at(3).error.contains(QStringLiteral("port")), qPrintable(lines.at(3).error));
        QCOMPARE(lines.at(4).number, 6);
        QVERIFY(lines.at(4).isValid());
    }

    void keepsAFragmentThatIsPartOfTheUrl()
    {
        const auto lines = EndpointListParser::parse(QStringLiteral("https://example.org/page#top"));
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().isValid(), qPrintable(lines.first().error));
        QCOMPARE(lines.first().text, QStringLiteral("https://example.org/page#top"));
    }

    void endpointsUseTheDefaultsForValidLinesOnly()
    {
        Profile profile;
        profile.defaults.intervalS = 12;
        profile.defaults.timeoutMs = 1500;
        profile.defaults.ipFamily = IpFamily::V6;
        const auto lines = EndpointListParser::parse(QStringLiteral("a.lan\nnot a host at all\nb.lan:80\n"));
        const QList<Endpoint> endpoints = EndpointListParser::endpoints(lines, profile.makeEndpoint());
        QCOMPARE(endpoints.size(), 2);
        QCOMPARE(endpoints.at(0).probe.target.toString(), QStringLiteral("icmp://a.lan"));
        QCOMPARE(endpoints.at(1).probe.target.toString(), QStringLiteral("tcp://b.lan:80"));
        for (const Endpoint &endpoint : endpoints) {
            QCOMPARE(endpoint.intervalS, 12.0);
            QCOMPARE(endpoint.probe.timeoutMs, 1500);
            QCOMPARE(endpoint.probe.ipFamily, IpFamily::V6);
        }
    }

    void emptyTextGivesNothing()
    {
        QVERIFY(EndpointListParser::parse(QString()).isEmpty());
        QVERIFY(EndpointListParser::parse(QStringLiteral("\n  \n# only comments\n")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEndpointListParser)
#include "tst_endpointlistparser.moc"
