#include "crawl/RobotsTxt.h"
#include "crawl/SitemapParser.h"

#include <QElapsedTimer>
#include <QTest>

using namespace std::chrono_literals;

// robots.txt as RFC 9309 reads it, and sitemaps: pure.
class TestRobotsTxt : public QObject
{
    Q_OBJECT

private slots:
    void groupsAndPrecedence()
    {
        const RobotsTxt robots = RobotsTxt::parse("# comment\n"
                                                  "User-agent: *\n"
                                                  "Disallow: /\n"
                                                  "\n"
                                                  "User-agent: OtherBot\n"
                                                  "User-agent: Pingscope/1.0\n"
                                                  "Disallow: /private/\n"
                                                  "Allow: /private/open\n"
                                                  "Disallow: /*.pdf$\n"
                                                  "Disallow: /tmp # trailing comment\n"
                                                  "Crawl-delay: 1.5\n"
                                                  "Sitemap: http://site.test/sitemap.xml\n");
        QVERIFY(robots.allows("/"));
        QVERIFY(robots.allows("/public/page"));
        QVERIFY(!robots.allows("/private/x"));
        QVERIFY(robots.allows("/private/open/x")); // the longer rule wins
        QVERIFY(!robots.allows("/docs/file.pdf"));
        QVERIFY(robots.allows("/docs/file.pdf?download=1")); // '$' anchors the end
        QVERIFY(!robots.allows("/tmp"));
        QVERIFY(!robots.allows("/tmpfiles"));
        QVERIFY(robots.allows("/robots.txt"));
        QCOMPARE(robots.sitemaps(), QList<QString>{"http://site.test/sitemap.xml"});
        QCOMPARE(robots.crawlDelay(), std::optional<std::chrono::milliseconds>(1500ms));
    }

    void starGroupWhenNoneNamesUs()
    {
        const RobotsTxt robots = RobotsTxt::parse("User-agent: googlebot\nDisallow: /g\n\n"
                                                  "User-agent: *\nDisallow: /all-bots\n");
        QVERIFY(robots.allows("/g"));
        QVERIFY(!robots.allows("/all-bots/x"));
    }

    void allowWinsATie()
    {
        const RobotsTxt robots = RobotsTxt::parse("User-agent: *\nDisallow: /page\nAllow: /page\n");
        QVERIFY(robots.allows("/page"));
    }

    void emptyDisallowAllowsEverything()
    {
        QVERIFY(RobotsTxt::parse("User-agent: *\nDisallow:\n").allows("/anything"));
        QVERIFY(RobotsTxt::parse("").allows("/anything"));
        QVERIFY(RobotsTxt::parse("garbage without colons\n\x01\x02").allows("/"));
    }

    void percentEncodingIsCompared()
    {
        const RobotsTxt robots = RobotsTxt::parse("User-agent: *\nDisallow: /caf\xC3\xA9/\nDisallow: /%7Euser\n");
        QVERIFY(!robots.allows("/caf%c3%a9/menu"));
        QVERIFY(!robots.allows("/~user/x"));
    }

    void wildcardsStayFast()
    {
        QByteArray text = "User-agent: *\n";
        for (int i = 0; i < 200; ++i)
            text += "Disallow: /*a*a*a*a*a*a*a*a*a*a*b" + QByteArray::number(i) + "\n";
        const RobotsTxt robots = RobotsTxt::parse(text);
        const QByteArray path = "/" + QByteArray(2000, 'a');
        QElapsedTimer clock;
        clock.start();
        QVERIFY(robots.allows(path));
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    }

    void boundedInput()
    {
        QByteArray text = "User-agent: *\n";
        while (text.size() < 2 * RobotsTxt::maxBytes)
            text += "Disallow: /x" + QByteArray::number(text.size()) + "\n";
        QVERIFY(RobotsTxt::parse(text).ruleCount() <= RobotsTxt::maxRules);
    }

    void sitemapUrlset()
    {
        const auto sitemap
            = SitemapParser::parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                   "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                                   "  <url><loc>http://site.test/a</loc><lastmod>2024-01-01</lastmod></url>\n"
                                   "  <url>\n    <loc> http://site.test/b </loc>\n  </url>\n"
                                   "</urlset>\n");
        QVERIFY(sitemap.error.isEmpty());
        QCOMPARE(sitemap.pages.size(), 2);
        QCOMPARE(sitemap.pages.at(0).url, QStringLiteral("http://site.test/a"));
        QCOMPARE(sitemap.pages.at(0).line, 3);
        QCOMPARE(sitemap.pages.at(1).url, QStringLiteral("http://site.test/b"));
        QCOMPARE(sitemap.pages.at(1).line, 5);
    }

    void sitemapIndexAndText()
    {
        const auto index = SitemapParser::parse("<sitemapindex><sitemap><loc>http://site.test/s1.xml</loc></sitemap>"
                                                "</sitemapindex>");
        QCOMPARE(index.sitemaps.size(), 1);
        QVERIFY(index.pages.isEmpty());
        const auto text = SitemapParser::parse("http://site.test/one\n\nnot a url\nhttps://site.test/two\n");
        QCOMPARE(text.pages.size(), 2);
        QCOMPARE(text.pages.at(1).line, 4);
        const auto broken = SitemapParser::parse("<urlset><url><loc>http://site.test/ok</loc></url><url><loc>");
        QCOMPARE(broken.pages.size(), 1);
        const auto bad = SitemapParser::parse("<urlset><url></wrong></urlset>");
        QVERIFY(!bad.error.isEmpty());
        QVERIFY(!SitemapParser::parse("\x1f\x8b\x08\x00").error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRobotsTxt)
#include "tst_robotstxt.moc"
