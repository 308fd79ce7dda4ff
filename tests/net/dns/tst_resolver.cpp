#include "net/dns/AresResolver.h"

#include "CoroTest.h"
#include "FakeDnsServer.h"
#include "StartedContext.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace std::chrono_literals;

namespace {
QStringList texts(const QList<QHostAddress> &addresses)
{
    QStringList out;
    for (const QHostAddress &address : addresses)
        out.append(address.toString());
    return out;
}
} // namespace

class TestResolver : public QObject
{
    Q_OBJECT

private:
    FakeDnsServer m_dns;
    std::shared_ptr<AresResolver> m_resolver;

    ResolveOutcome resolve(const QString &host, IpFamily family, std::chrono::milliseconds timeout = 5s)
    {
        auto outcome = CoroTest::await(m_resolver->resolve(host, family, startedContext(timeout)));
        return outcome.value_or(
            ResolveOutcome{{}, {}, ErrorKind::Protocol, QStringLiteral("the lookup never finished")});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dns.listen());
        m_resolver = std::make_shared<AresResolver>(DnsServerAddress{m_dns.address(), m_dns.port()});
        m_dns.addA(QStringLiteral("dual.test"), QStringLiteral("127.0.0.5"));
        m_dns.addAaaa(QStringLiteral("dual.test"), QStringLiteral("::5"));
        m_dns.addAaaa(QStringLiteral("six.test"), QStringLiteral("::6"));
        m_dns.addA(QStringLiteral("xn--bcher-kva.test"), QStringLiteral("127.0.0.7"));
    }

    void init()
    {
        m_dns.setMode(FakeDnsServer::Mode::Answer);
        m_dns.setDelay(0ms);
    }

    void addressLiteralsResolveAtOnce_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<IpFamily>("family");
        QTest::newRow("v4") << QStringLiteral("127.0.0.1") << IpFamily::Any;
        QTest::newRow("v4 asked as v4") << QStringLiteral("127.0.0.1") << IpFamily::V4;
        QTest::newRow("v6") << QStringLiteral("::1") << IpFamily::Any;
        QTest::newRow("v6 long form") << QStringLiteral("2001:db8::7") << IpFamily::V6;
    }

    void addressLiteralsResolveAtOnce()
    {
        QFETCH(QString, host);
        QFETCH(IpFamily, family);
        m_dns.setMode(FakeDnsServer::Mode::Silent); // a lookup would hang until the timeout
        const int queriesBefore = m_dns.queryCount();
        const ResolveOutcome outcome = resolve(host, family, 2s);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.message));
        QCOMPARE(outcome.addresses, QList<QHostAddress>{QHostAddress(host)});
        QCOMPARE(outcome.duration, 0us);
        QCOMPARE(m_dns.queryCount(), queriesBefore);
    }

    void literalOfTheWrongFamilyFails()
    {
        const ResolveOutcome outcome = resolve(QStringLiteral("127.0.0.1"), IpFamily::V6);
        QCOMPARE(outcome.error.kind, ErrorKind::Dns);
        QCOMPARE(outcome.error.message,
                 QStringLiteral("127.0.0.1 is an IPv4 address, but this endpoint uses IPv6 only"));
    }

    void localhostComesFromTheHostsFile()
    {
        m_dns.setMode(FakeDnsServer::Mode::Silent);
        const int queriesBefore = m_dns.queryCount();
        const ResolveOutcome outcome = resolve(QStringLiteral("localhost"), IpFamily::V4, 2s);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.message));
        QVERIFY(texts(outcome.addresses).contains(QStringLiteral("127.0.0.1")));
        QCOMPARE(m_dns.queryCount(), queriesBefore); // no DNS query for localhost
    }

    void otherHostsFileEntriesWinOverDns()
    {
        // Any name /etc/hosts maps to a loopback address, other than localhost (which c-ares would
        // answer itself even without the file).
        QFile hostsFile(QStringLiteral("/etc/hosts"));
        if (!hostsFile.open(QIODevice::ReadOnly))
            QSKIP("no readable /etc/hosts");
        QString name;
        QHostAddress address;
        for (const QByteArray &raw : hostsFile.readAll().split('\n')) {
            const QByteArray line = raw.contains('#') ? raw.left(raw.indexOf('#')) : raw;
            const QStringList fields
                = QString::fromLatin1(line).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            if (fields.size() < 2 || !QHostAddress(fields[0]).isLoopback())
                continue;
            const auto found = std::find_if(fields.cbegin() + 1, fields.cend(), [](const QString &candidate) {
                return !candidate.startsWith(QLatin1String("localhost"))
                    && !candidate.startsWith(QLatin1String("ip6-"));
            });
            if (found != fields.cend()) {
                name = *found;
                address = QHostAddress(fields[0]);
                break;
            }
        }
        if (name.isEmpty())
            QSKIP("/etc/hosts maps no name but localhost to a loopback address");
        m_dns.setMode(FakeDnsServer::Mode::Silent);
        const int queriesBefore = m_dns.queryCount();
        const IpFamily family = address.protocol() == QAbstractSocket::IPv4Protocol ? IpFamily::V4 : IpFamily::V6;
        const ResolveOutcome outcome = resolve(name, family, 2s);
        QVERIFY2(outcome.ok(), qPrintable(name + QLatin1String(": ") + outcome.error.message));
        QVERIFY(outcome.addresses.contains(address));
        QCOMPARE(m_dns.queryCount(), queriesBefore);
    }

    void familyFilters_data()
    {
        QTest::addColumn<IpFamily>("family");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("any") << IpFamily::Any << QStringList{QStringLiteral("127.0.0.5"), QStringLiteral("::5")};
        QTest::newRow("v4") << IpFamily::V4 << QStringList{QStringLiteral("127.0.0.5")};
        QTest::newRow("v6") << IpFamily::V6 << QStringList{QStringLiteral("::5")};
    }

    void familyFilters()
    {
        QFETCH(IpFamily, family);
        QFETCH(QStringList, expected);
        const ResolveOutcome outcome = resolve(QStringLiteral("dual.test"), family);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.message));
        QStringList got = texts(outcome.addresses);
        got.sort();
        expected.sort();
        QCOMPARE(got, expected);
        QVERIFY(outcome.duration > 0us);
    }

    void internationalNamesAreAskedInAscii()
    {
        const ResolveOutcome outcome = resolve(QString::fromUtf8("b\xc3\xbc"
                                                                 "cher.test"),
                                               IpFamily::V4);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.message));
        QCOMPARE(texts(outcome.addresses), QStringList{QStringLiteral("127.0.0.7")});
        QVERIFY(m_dns.askedNames().contains(QStringLiteral("xn--bcher-kva.test")));
    }

    void noAddressOfTheFamilyAsked()
    {
        const ResolveOutcome outcome = resolve(QStringLiteral("six.test"), IpFamily::V4);
        QCOMPARE(outcome.error.kind, ErrorKind::Dns);
        QCOMPARE(outcome.error.message, QStringLiteral("six.test has no IPv4 address"));
    }

    void unknownNameIsNoSuchHost()
    {
        const ResolveOutcome outcome = resolve(QStringLiteral("nothing.test"), IpFamily::Any);
        QCOMPARE(outcome.error.kind, ErrorKind::Dns);
        QCOMPARE(outcome.error.message, QStringLiteral("no such host: nothing.test"));
        QVERIFY(outcome.addresses.isEmpty());
    }

    void serverFailure()
    {
        m_dns.setMode(FakeDnsServer::Mode::ServFail);
        const ResolveOutcome outcome = resolve(QStringLiteral("dual.test"), IpFamily::V4);
        QCOMPARE(outcome.error.kind, ErrorKind::Dns);
        QCOMPARE(outcome.error.message,
                 QStringLiteral("no DNS server would look up dual.test (each refused or failed)"));
    }

    void nothingIsCached()
    {
        const int before = m_dns.queryCount();
        QVERIFY(resolve(QStringLiteral("dual.test"), IpFamily::V4).ok());
        QVERIFY(resolve(QStringLiteral("dual.test"), IpFamily::V4).ok());
        QCOMPARE(m_dns.queryCount(), before + 2);
    }

    void durationIsTheLookupsOwn()
    {
        m_dns.setDelay(150ms);
        const ResolveOutcome outcome = resolve(QStringLiteral("dual.test"), IpFamily::V4);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.message));
        QVERIFY(outcome.duration >= 150ms);
        QVERIFY(outcome.duration < 2s);
    }

    void silentServerTimesOutAtTheDeadline()
    {
        m_dns.setMode(FakeDnsServer::Mode::Silent);
        QElapsedTimer clock;
        clock.start();
        const ResolveOutcome outcome = resolve(QStringLiteral("dual.test"), IpFamily::Any, 300ms);
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(outcome.error.kind, ErrorKind::Timeout);
        QVERIFY2(elapsed >= 300 && elapsed <= 300 * 105 / 100 + 20, qPrintable(QString::number(elapsed)));
        QVERIFY(m_dns.queryCount() > 0);
    }

    void cancelEndsTheLookupAtOnce()
    {
        m_dns.setMode(FakeDnsServer::Mode::Silent);
        auto context = startedContext(10s);
        context->setPhase(NetPhase::Resolving); // as a probe does before it asks
        QElapsedTimer clock;
        QTimer::singleShot(100ms, context.get(), [&] {
            clock.start();
            context->cancel();
        });
        const auto outcome = CoroTest::await(m_resolver->resolve(QStringLiteral("dual.test"), IpFamily::Any, context));
        QVERIFY(outcome.has_value());
        QVERIFY2(clock.elapsed() < 50, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(outcome->error.kind, ErrorKind::Cancelled);
        QCOMPARE(outcome->error.message, QStringLiteral("cancelled while resolving the name"));
    }
};

QTEST_GUILESS_MAIN(TestResolver)
#include "tst_resolver.moc"
