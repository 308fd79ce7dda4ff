#include "crawl/CrawlScope.h"
#include "crawl/TrapGuard.h"
#include "crawl/UrlNormalizer.h"

#include <QTest>

// The one form of a URL (deduplication at enqueue), the scope and the trap guard: pure.
class TestUrlNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void normalises_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("case") << "HTTP://Example.COM/Path"
                              << "http://example.com/Path";
        QTest::newRow("default port") << "http://example.com:80/a"
                                      << "http://example.com/a";
        QTest::newRow("https default port") << "https://example.com:443/a"
                                            << "https://example.com/a";
        QTest::newRow("other port kept") << "http://example.com:8080/a"
                                         << "http://example.com:8080/a";
        QTest::newRow("dot segments") << "http://h/a/./b/../c"
                                      << "http://h/a/c";
        QTest::newRow("dots above the root") << "http://h/../../x"
                                             << "http://h/x";
        QTest::newRow("empty path") << "http://h"
                                    << "http://h/";
        QTest::newRow("fragment") << "http://h/a#section"
                                  << "http://h/a";
        QTest::newRow("utm") << "http://h/a?utm_source=x&id=3&utm_medium=y"
                             << "http://h/a?id=3";
        QTest::newRow("only tracking") << "http://h/a?fbclid=123&gclid=4"
                                       << "http://h/a";
        QTest::newRow("tracking any case") << "http://h/a?UTM_Campaign=x&q=1"
                                           << "http://h/a?q=1";
        QTest::newRow("order kept") << "http://h/a?b=2&a=1"
                                    << "http://h/a?b=2&a=1";
        QTest::newRow("encoded unreserved") << "http://h/%7Euser"
                                            << "http://h/~user";
        QTest::newRow("hex case") << "http://h/a%2fb"
                                  << "http://h/a%2Fb";
        QTest::newRow("idn") << "http://café.example/"
                             << "http://xn--caf-dma.example/";
        QTest::newRow("ipv6") << "http://[::1]:80/x"
                              << "http://[::1]/x";
    }

    void normalises()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const UrlNormalizer normalizer;
        QCOMPARE(QString::fromLatin1(UrlNormalizer::key(normalizer.normalized(QUrl(input)))), expected);
    }

    void refusesWhatIsNotHttp_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("mailto") << "mailto:a@example.com";
        QTest::newRow("javascript") << "javascript:void(0)";
        QTest::newRow("data") << "data:text/plain,hi";
        QTest::newRow("ftp") << "ftp://h/file";
        QTest::newRow("relative") << "/a/b";
        QTest::newRow("no host") << "http:///a";
    }

    void refusesWhatIsNotHttp()
    {
        QFETCH(QString, input);
        QVERIFY(!UrlNormalizer().normalized(QUrl(input)).isValid());
    }

    void trackingListIsEditable()
    {
        const UrlNormalizer none{QStringList()};
        QCOMPARE(UrlNormalizer::key(none.normalized(QUrl(QStringLiteral("http://h/?utm_source=x")))),
                 QByteArray("http://h/?utm_source=x"));
        const UrlNormalizer session{{QStringLiteral("sid"), QStringLiteral("ref_*")}};
        QCOMPARE(UrlNormalizer::key(session.normalized(QUrl(QStringLiteral("http://h/?sid=1&ref_a=2&utm_x=3")))),
                 QByteArray("http://h/?utm_x=3"));
    }

    void scopeIsTheStartSite()
    {
        QString error;
        const auto scope = CrawlScope::make({QUrl(QStringLiteral("http://127.0.0.1:8080/"))}, {}, {}, &error);
        QVERIFY2(scope, qPrintable(error));
        QVERIFY(scope->isInternal(QUrl(QStringLiteral("http://127.0.0.1:8080/deep/page"))));
        QVERIFY(!scope->isInternal(QUrl(QStringLiteral("http://127.0.0.1:8081/"))));
        QVERIFY(!scope->isInternal(QUrl(QStringLiteral("http://127.0.0.2:8080/"))));

        const auto web = CrawlScope::make({QUrl(QStringLiteral("http://example.com/"))}, {}, {}, &error);
        QVERIFY(web->isInternal(QUrl(QStringLiteral("https://example.com/secure")))); // both on default ports
        QVERIFY(!web->isInternal(QUrl(QStringLiteral("http://www.example.com/"))));
    }

    void includeAndExclude()
    {
        QString error;
        const auto scope
            = CrawlScope::make({QUrl(QStringLiteral("http://a.test/"))}, {QStringLiteral("^https?://(a|b)\\.test/")},
                               {QStringLiteral("/private/")}, &error);
        QVERIFY2(scope, qPrintable(error));
        QVERIFY(scope->isInternal(QUrl(QStringLiteral("http://b.test/x"))));
        QVERIFY(!scope->isInternal(QUrl(QStringLiteral("http://c.test/x"))));
        QCOMPARE(scope->exclusion(QStringLiteral("http://a.test/private/x")), QStringLiteral("/private/"));
        QVERIFY(!scope->exclusion(QStringLiteral("http://a.test/public/x")));

        QVERIFY(!CrawlScope::make({}, {QStringLiteral("([")}, {}, &error));
        QVERIFY2(error.contains(QLatin1String("--include")) && error.contains(QLatin1String("([")), qPrintable(error));
    }

    void trapGuard()
    {
        TrapGuard::Limits limits;
        limits.maxUrlLength = 60;
        limits.maxSegmentRepeats = 2;
        limits.prefixBudget = 3;
        limits.maxQueryVariants = 2;
        TrapGuard guard(limits);
        const auto admit = [&guard](const QByteArray &text) {
            const QUrl url(QString::fromLatin1(text));
            return guard.admit(url, url.toEncoded().size());
        };
        QVERIFY(!admit("http://h/short"));
        QVERIFY(admit("http://h/" + QByteArray(60, 'x'))->contains(QLatin1String("longer than 60")));
        QVERIFY(!admit("http://h/a/b/a/b"));
        QVERIFY(admit("http://h/a/b/a/b/a")->contains(QLatin1String("repeats \"a\"")));
        QVERIFY(!admit("http://h/cal/2024/01"));
        QVERIFY(!admit("http://h/cal/2024/02"));
        QVERIFY(!admit("http://h/cal/2024/03"));
        QVERIFY(admit("http://h/cal/2024/04")->contains(QLatin1String("under /cal/")));
        QVERIFY(!admit("http://h/other/1")); // another prefix has its own budget
        QVERIFY(!admit("http://h/list?page=1"));
        QVERIFY(!admit("http://h/list?page=2"));
        QVERIFY(admit("http://h/list?page=3")->contains(QLatin1String("query strings")));
    }
};

QTEST_GUILESS_MAIN(TestUrlNormalizer)
#include "tst_urlnormalizer.moc"
