#include "endpoint/StatusCodeSet.h"
#include "endpoint/Target.h"

#include <QTest>

class TestTarget : public QObject
{
    Q_OBJECT

private slots:
    void parsesProfileForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("canonical");

        QTest::newRow("http") << "http://example.com/health"
                              << "http"
                              << "example.com" << 80 << "http://example.com/health";
        QTest::newRow("https port") << "https://api.example.com:8443/x?y=1"
                                    << "http"
                                    << "api.example.com" << 8443 << "https://api.example.com:8443/x?y=1";
        QTest::newRow("https v6") << "https://[::1]/"
                                  << "http"
                                  << "::1" << 443 << "https://[::1]/";
        QTest::newRow("tcp") << "tcp://db.lan:5432"
                             << "tcp"
                             << "db.lan" << 5432 << "tcp://db.lan:5432";
        QTest::newRow("tcp v6") << "tcp://[::1]:22"
                                << "tcp"
                                << "::1" << 22 << "tcp://[::1]:22";
        QTest::newRow("tls") << "tls://mail.example.com:465"
                             << "tls"
                             << "mail.example.com" << 465 << "tls://mail.example.com:465";
        QTest::newRow("tls default port") << "tls://example.com"
                                          << "tls"
                                          << "example.com" << 443 << "tls://example.com:443";
        QTest::newRow("icmp name") << "icmp://gateway.lan"
                                   << "icmp"
                                   << "gateway.lan" << 0 << "icmp://gateway.lan";
        QTest::newRow("icmp v4") << "icmp://192.168.1.1"
                                 << "icmp"
                                 << "192.168.1.1" << 0 << "icmp://192.168.1.1";
        QTest::newRow("icmp v6") << "icmp://[::1]"
                                 << "icmp"
                                 << "::1" << 0 << "icmp://[::1]";
        QTest::newRow("icmp v6 zone") << "icmp://[fe80::1%eth0]"
                                      << "icmp"
                                      << "fe80::1%eth0" << 0 << "icmp://[fe80::1%eth0]";
        QTest::newRow("scheme case") << "TCP://host:1"
                                     << "tcp"
                                     << "host" << 1 << "tcp://host:1";
        QTest::newRow("dns") << "dns://example.com?type=AAAA&server=9.9.9.9"
                             << "dns"
                             << "example.com" << 0 << "dns://example.com?type=AAAA&server=9.9.9.9";
        QTest::newRow("dns default type") << "dns://example.com"
                                          << "dns"
                                          << "example.com" << 0 << "dns://example.com?type=A";
        QTest::newRow("dns server port") << "dns://x.test?type=mx&server=127.0.0.1:5353"
                                         << "dns"
                                         << "x.test" << 0 << "dns://x.test?type=MX&server=127.0.0.1:5353";
        QTest::newRow("dns v6 server") << "dns://x.test?type=TXT&server=[::1]:5353"
                                       << "dns"
                                       << "x.test" << 0 << "dns://x.test?type=TXT&server=[::1]:5353";
    }

    void parsesProfileForms()
    {
        QFETCH(QString, text);
        QFETCH(QString, kind);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, canonical);
        QString error;
        const auto target = Target::parse(text, &error);
        QVERIFY2(target, qPrintable(error));
        QCOMPARE(probeKindName(target->kind), kind);
        QCOMPARE(target->host, host);
        QCOMPARE(int(target->port), port);
        QCOMPARE(target->toString(), canonical);
        // The canonical form reads back as the same target.
        QCOMPARE(Target::parse(target->toString()), target);
    }

    void guessesWhatUsersType_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("bare host") << "example.com"
                                   << "icmp://example.com";
        QTest::newRow("bare v4") << "10.0.0.1"
                                 << "icmp://10.0.0.1";
        QTest::newRow("bare v6") << "::1"
                                 << "icmp://[::1]";
        QTest::newRow("host:port") << "db.lan:5432"
                                   << "tcp://db.lan:5432";
        QTest::newRow("[v6]:port") << "[::1]:8080"
                                   << "tcp://[::1]:8080";
        QTest::newRow("host/path") << "example.com/status"
                                   << "https://example.com/status";
        QTest::newRow("spaces") << "  example.com  "
                                << "icmp://example.com";
    }

    void guessesWhatUsersType()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QString error;
        const auto target = Target::parse(text, &error);
        QVERIFY2(target, qPrintable(error));
        QCOMPARE(target->toString(), canonical);
    }

    void rejectsNonsense_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << ""
                               << "the target is empty";
        QTest::newRow("unknown scheme") << "ftp://example.com"
                                        << "unknown scheme \"ftp\"";
        QTest::newRow("tcp no port") << "tcp://db.lan"
                                     << "needs a port";
        QTest::newRow("port zero") << "tcp://db.lan:0"
                                   << "port must be a number from 1 to 65535";
        QTest::newRow("port too big") << "tcp://db.lan:70000"
                                      << "port must be a number from 1 to 65535";
        QTest::newRow("port text") << "tcp://db.lan:http"
                                   << "port must be a number";
        QTest::newRow("icmp port") << "icmp://host:22"
                                   << "has no port";
        QTest::newRow("icmp path") << "icmp://host/x"
                                   << "no path";
        QTest::newRow("bad host") << "tcp://exa mple.com:80"
                                  << "not a valid host";
        QTest::newRow("bad v6") << "icmp://[::zz]"
                                << "not an IPv6 address";
        QTest::newRow("unclosed v6") << "icmp://[::1"
                                     << "missing ']'";
        QTest::newRow("http no host") << "http:///path"
                                      << "no host";
        QTest::newRow("dns type") << "dns://example.com?type=PTRX"
                                  << "unknown record type";
        QTest::newRow("dns server name") << "dns://example.com?server=dns.google"
                                         << "server must be an IP address";
        QTest::newRow("dns option") << "dns://example.com?tpye=A"
                                    << "unknown option \"tpye\"";
        QTest::newRow("dns no name") << "dns://?type=A"
                                     << "name to resolve is missing";
        // QHostAddress reads an address only up to a NUL: these passed as 1.2.3.4 and 0.0.0.2 with the rest kept.
        QTest::newRow("nul in address") << QStringLiteral("icmp://1.2.3.4%1junk").arg(QChar(0))
                                        << "control character U+0000";
        QTest::newRow("nul in bare v6") << QStringLiteral("2%1[db8::1]x").arg(QChar(0)) << "control character U+0000";
        QTest::newRow("nul in dns server")
            << QStringLiteral("dns://x.test?server=1.2.3.4%1junk").arg(QChar(0)) << "control character U+0000";
        // The zone of a scoped IPv6 address is an interface name or number (RFC 6874 allows letters,
        // digits and -._~); a bracket in it made a target whose text, "icmp://[::%[]]", no longer parsed.
        QTest::newRow("bracket in v6 zone") << "::%[]"
                                            << "not a valid host name or address";
        QTest::newRow("space in v6 zone") << "icmp://[fe80::1%eth 0]"
                                          << "not an IPv6 address";
        // QHostAddress trims white space: this passed as 0.0.0.1 with the carriage returns kept in the host.
        QTest::newRow("carriage returns after address") << "icmp://1\r\r\r/"
                                                        << "not a valid host name or address";
        // PCRE's $ matches before a final newline: this host passed with its newline kept.
        QTest::newRow("newline after host name") << "icmp://host.test\n/"
                                                 << "not a valid host name or address";
        QTest::newRow("tab inside address") << "tcp://127.0.0.1\t:80"
                                            << "not a valid host name or address";
        QTest::newRow("escape") << QStringLiteral("tcp://db.lan%1:5432").arg(QChar(0x1b)) << "control character U+001B";
    }

    void rejectsNonsense()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!Target::parse(text, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void statusCodeSets()
    {
        const StatusCodeSet byDefault;
        QVERIFY(byDefault.contains(200));
        QVERIFY(byDefault.contains(399));
        QVERIFY(!byDefault.contains(404));

        const auto set = StatusCodeSet::parse(QStringLiteral("200-299, 301"));
        QVERIFY(set);
        QVERIFY(set->contains(204));
        QVERIFY(set->contains(301));
        QVERIFY(!set->contains(302));
        QCOMPARE(set->toString(), QStringLiteral("200-299,301"));

        QString error;
        QVERIFY(!StatusCodeSet::parse(QStringLiteral("299-200"), &error));
        QVERIFY(!StatusCodeSet::parse(QStringLiteral("abc"), &error));
        QVERIFY(!StatusCodeSet::parse(QStringLiteral("99"), &error));
        QVERIFY(!StatusCodeSet::parse(QString(), &error));
        QVERIFY(error.contains(QStringLiteral("no status codes")));
    }
};

QTEST_GUILESS_MAIN(TestTarget)
#include "tst_target.moc"
