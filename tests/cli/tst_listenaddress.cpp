#include "cli/MetricsExporter.h"

#include <QTest>

// --metrics-listen: loopback unless an address is given, since the page describes a network from inside.
class TestListenAddress : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::newRow("port alone") << "9464"
                                    << "127.0.0.1" << 9464;
        QTest::newRow(":port") << ":9464"
                               << "127.0.0.1" << 9464;
        QTest::newRow("localhost") << "localhost:9464"
                                   << "127.0.0.1" << 9464;
        QTest::newRow("any port") << "0"
                                  << "127.0.0.1" << 0;
        QTest::newRow("all v4") << "0.0.0.0:9464"
                                << "0.0.0.0" << 9464;
        QTest::newRow("v6 loopback") << "[::1]:9464"
                                     << "::1" << 9464;
        QTest::newRow("all v6") << "[::]:9464"
                                << "::" << 9464;
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QString, address);
        QFETCH(int, port);
        const auto where = MetricsExporter::parseListenAddress(text);
        QVERIFY(where);
        QCOMPARE(where->address, QHostAddress(address));
        QCOMPARE(int(where->port), port);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad : {"", "here:port", "127.0.0.1:", "127.0.0.1:65536", "host.example:9464", "-1", "[::1]"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void refuses()
    {
        QFETCH(QString, text);
        QVERIFY(!MetricsExporter::parseListenAddress(text));
    }
};

QTEST_GUILESS_MAIN(TestListenAddress)
#include "tst_listenaddress.moc"
