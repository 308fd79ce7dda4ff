#include "net/HostPort.h"

#include <QTest>

class TestHostPort : public QObject
{
    Q_OBJECT

private slots:
    void ipv6IsBracketedAndTheRestIsNot_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("bracketed");
        QTest::addColumn<QString>("joined");
        QTest::newRow("name") << "db.lan"
                              << "db.lan"
                              << "db.lan:5432";
        QTest::newRow("ipv4") << "127.0.0.1"
                              << "127.0.0.1"
                              << "127.0.0.1:5432";
        QTest::newRow("ipv6") << "::1"
                              << "[::1]"
                              << "[::1]:5432";
        QTest::newRow("ipv6 already bracketed") << "[fe80::1]"
                                                << "[fe80::1]"
                                                << "[fe80::1]:5432";
    }

    void ipv6IsBracketedAndTheRestIsNot()
    {
        QFETCH(QString, host);
        QFETCH(QString, bracketed);
        QFETCH(QString, joined);
        QCOMPARE(HostPort::host(host), bracketed);
        QCOMPARE(HostPort::join(host, 5432), joined);
    }

    void addressesAreJoinedTheSameWay()
    {
        QCOMPARE(HostPort::join(QHostAddress(QStringLiteral("::1")), 443), QStringLiteral("[::1]:443"));
        QCOMPARE(HostPort::join(QHostAddress(QHostAddress::LocalHost), 80), QStringLiteral("127.0.0.1:80"));
    }
};

QTEST_GUILESS_MAIN(TestHostPort)
#include "tst_hostport.moc"
