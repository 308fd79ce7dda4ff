#include "crawl/HtmlInputGuard.h"
#include "crawl/HtmlText.h"
#include "crawl/LinkExtractor.h"
#include "crawl/LinkSyntax.h"
#include "crawl/PageScan.h"

#include <QElapsedTimer>
#include <QTest>

namespace {

const QUrl page(QStringLiteral("http://site.test/dir/page.html"));

QStringList urlsOf(const PageLinks &links, LinkSource source)
{
    QStringList urls;
    for (const ExtractedLink &link : links.links) {
        if (link.source == source)
            urls.append(link.url.toString());
    }
    return urls;
}

const ExtractedLink *linkTo(const PageLinks &links, const QString &url)
{
    for (const ExtractedLink &link : links.links) {
        if (link.url.toString() == url)
            return &link;
    }
    return nullptr;
}

} // namespace

// The page reader: every kind of link with its line, the charset, the bounds on what gumbo is given.
class TestLinkExtractor : public QObject
{
    Q_OBJECT

private slots:
    void everySourceOfLinks()
    {
        const QByteArray html = "<!doctype html>\n"
                                "<html><head>\n"
                                "<link rel=stylesheet href=\"/style.css\">\n"
                                "<link rel=preconnect href=\"https://fonts.test\">\n"
                                "<script src=\"app.js\"></script>\n"
                                "<style>\n"
                                "body { background: url('bg.png') }\n"
                                "@import \"print.css\";\n"
                                "</style>\n"
                                "<meta http-equiv=\"refresh\" content=\"5; url=/next\">\n"
                                "</head><body>\n"
                                "<a href=\"other.html\">x</a>\n"
                                "<a href=\"https://elsewhere.test/a\" rel=\"external nofollow\">x</a>\n"
                                "<map><area href=\"/area\"></map>\n"
                                "<img src=\"/i.png\" srcset=\"/i-2x.png 2x, /i-3x.png 3x\">\n"
                                "<iframe src=\"/frame\"></iframe>\n"
                                "<video src=\"/v.mp4\" poster=\"/poster.jpg\"><source src=\"/v.webm\"></video>\n"
                                "<audio src=\"/a.ogg\"></audio>\n"
                                "<picture><source srcset=\"/p.webp\"></picture>\n"
                                "<div style=\"background-image: url(/div.png)\"></div>\n"
                                "<a href=\"mailto:x@site.test\">mail</a>\n"
                                "</body></html>\n";
        const PageLinks links = LinkExtractor::extract(html, "text/html", page);
        QCOMPARE(urlsOf(links, LinkSource::Link), QStringList{"http://site.test/style.css"});
        QCOMPARE(urlsOf(links, LinkSource::Script), QStringList{"http://site.test/dir/app.js"});
        QCOMPARE(
            urlsOf(links, LinkSource::Css),
            (QStringList{"http://site.test/dir/bg.png", "http://site.test/dir/print.css", "http://site.test/div.png"}));
        QCOMPARE(urlsOf(links, LinkSource::Refresh), QStringList{"http://site.test/next"});
        QCOMPARE(urlsOf(links, LinkSource::Anchor),
                 (QStringList{"http://site.test/dir/other.html", "https://elsewhere.test/a", "mailto:x@site.test"}));
        QCOMPARE(urlsOf(links, LinkSource::Area), QStringList{"http://site.test/area"});
        QCOMPARE(urlsOf(links, LinkSource::Image),
                 (QStringList{"http://site.test/i.png", "http://site.test/poster.jpg"}));
        QCOMPARE(urlsOf(links, LinkSource::Srcset),
                 (QStringList{"http://site.test/i-2x.png", "http://site.test/i-3x.png", "http://site.test/p.webp"}));
        QCOMPARE(urlsOf(links, LinkSource::Frame), QStringList{"http://site.test/frame"});
        QCOMPARE(urlsOf(links, LinkSource::Media),
                 (QStringList{"http://site.test/v.mp4", "http://site.test/v.webm", "http://site.test/a.ogg"}));
        QVERIFY(!linkTo(links, QStringLiteral("https://fonts.test"))); // preconnect names an origin

        QCOMPARE(linkTo(links, QStringLiteral("http://site.test/style.css"))->line, 3);
        QCOMPARE(linkTo(links, QStringLiteral("http://site.test/dir/bg.png"))->line, 7);
        QCOMPARE(linkTo(links, QStringLiteral("http://site.test/dir/print.css"))->line, 8);
        QCOMPARE(linkTo(links, QStringLiteral("http://site.test/dir/other.html"))->line, 12);
        QCOMPARE(linkTo(links, QStringLiteral("http://site.test/div.png"))->line, 20);
        QVERIFY(linkTo(links, QStringLiteral("https://elsewhere.test/a"))->nofollow);
        QVERIFY(!linkTo(links, QStringLiteral("http://site.test/dir/other.html"))->nofollow);
    }

    void baseHref()
    {
        const PageLinks links = LinkExtractor::extract(
            "<html><head><base href=\"/sub/\"><base href=\"/ignored/\"></head>"
            "<body><a href=\"x\">x</a><a href=\"../up\">u</a><a href=\"//cdn.test/y\">y</a></body></html>",
            "text/html", page);
        QCOMPARE(urlsOf(links, LinkSource::Anchor),
                 (QStringList{"http://site.test/sub/x", "http://site.test/up", "http://cdn.test/y"}));
    }

    void anchorsTitleAndRobots()
    {
        const PageLinks links = LinkExtractor::extract("<html><head><title>  A   page\n title </title>"
                                                       "<meta name=\"robots\" content=\"noindex, nofollow\"></head>"
                                                       "<body><h1 id=\"top-part\">x</h1><a name=\"old-anchor\"></a>"
                                                       "<template><p id=\"in-template\"></p></template></body></html>",
                                                       "text/html", page);
        QCOMPARE(links.title, QStringLiteral("A page title"));
        QVERIFY(links.noFollow);
        QCOMPARE(links.anchors, (QStringList{"top-part", "old-anchor", "in-template"}));
    }

    void malformedHtmlStillYieldsItsLinks()
    {
        const PageLinks links = LinkExtractor::extract("<html><body><div><p>unclosed <a href=/one>one"
                                                       "<table><tr><td><a href='/two'>two</td></table>"
                                                       "<a href=/three x=\"unterminated>three</a>"
                                                       "<a href=\"/four\"<b>four</a></div></div></div>",
                                                       "", page);
        const QStringList anchors = urlsOf(links, LinkSource::Anchor);
        QVERIFY2(anchors.contains(QLatin1String("http://site.test/one")), qPrintable(anchors.join(' ')));
        QVERIFY2(anchors.contains(QLatin1String("http://site.test/two")), qPrintable(anchors.join(' ')));
    }

    void decodesTheCharsetFirst_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("charset");
        const QByteArray latin1 = "<a href=\"/caf\xE9\">caf\xE9</a><title>Caf\xE9</title>";
        QTest::newRow("header") << latin1 << QByteArray("text/html; charset=ISO-8859-1") << QByteArray("windows-1252");
        QTest::newRow("meta") << "<meta charset=\"windows-1252\">" + latin1 << QByteArray("text/html")
                              << QByteArray("windows-1252");
        QTest::newRow("http-equiv") << "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=latin1\">"
                + latin1 << QByteArray("text/html")
                                    << QByteArray("windows-1252");
        QTest::newRow("invalid utf-8") << latin1 << QByteArray("text/html") << QByteArray("windows-1252");
        QTest::newRow("utf-8") << QByteArray("<a href=\"/caf\xC3\xA9\">x</a><title>Caf\xC3\xA9</title>")
                               << QByteArray("text/html") << QByteArray("UTF-8");
        QTest::newRow("bom beats header")
            << QByteArray("\xEF\xBB\xBF<a href=\"/caf\xC3\xA9\">x</a><title>Caf\xC3\xA9</title>")
            << QByteArray("text/html; charset=iso-8859-1") << QByteArray("UTF-8");
    }

    void decodesTheCharsetFirst()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, charset);
        const PageLinks links = LinkExtractor::extract(body, contentType, page);
        QCOMPARE(links.charset, charset);
        QCOMPARE(links.title, QStringLiteral("Café"));
        QCOMPARE(urlsOf(links, LinkSource::Anchor).value(0), QStringLiteral("http://site.test/café"));
    }

    void shiftJis()
    {
        // "日本" in Shift_JIS, in a path.
        const PageLinks links
            = LinkExtractor::extract("<a href=\"/\x93\xfa\x96\x7b\">x</a>", "text/html; charset=Shift_JIS", page);
        QCOMPARE(links.charset.toLower(), QByteArray("shift_jis"));
        QCOMPARE(urlsOf(links, LinkSource::Anchor).value(0), QStringLiteral("http://site.test/日本"));
    }

    void sizeCap()
    {
        QByteArray html = "<a href=\"/first\">x</a>";
        html += QByteArray(5000, ' ');
        html += "<a href=\"/beyond\">y</a>";
        const PageLinks links = LinkExtractor::extract(html, "text/html", page, 4096);
        QCOMPARE(urlsOf(links, LinkSource::Anchor), QStringList{"http://site.test/first"});
        QVERIFY(links.truncated.contains(QLatin1String("4096")));
    }

    void linkCap()
    {
        QByteArray html;
        for (int i = 0; i < 50; ++i)
            html += "<a href=\"/p" + QByteArray::number(i) + "\">x</a>";
        const PageLinks links = LinkExtractor::extract(html, "text/html", page, LinkExtractor::defaultMaxBytes, 10);
        QCOMPARE(links.links.size(), 10);
        QVERIFY(links.truncated.contains(QLatin1String("more than 10 links")));
    }

    void guardCutsDeepNesting()
    {
        // 200,000 nested <div> would keep gumbo busy for many minutes (its time grows with depth × tags).
        QByteArray html = "<a href=\"/before\">x</a>";
        for (int i = 0; i < 200000; ++i)
            html += "<div>";
        html += "<a href=\"/deep\">y</a>";
        const HtmlInputGuard::Limit limit = HtmlInputGuard::check(html);
        QVERIFY(limit.length < html.size());
        QVERIFY(limit.reason.contains(QLatin1String("deeper than 512")));

        QElapsedTimer clock;
        clock.start();
        const PageLinks links = LinkExtractor::extract(html, "text/html", page);
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(urlsOf(links, LinkSource::Anchor), QStringList{"http://site.test/before"});
        QVERIFY(links.truncated.contains(QLatin1String("deeper than 512")));
    }

    void guardCutsAttributeFloods()
    {
        QByteArray html = "<a href=\"/before\">x</a><a";
        for (int i = 0; i < 100000; ++i)
            html += " x";
        html += " href=\"/flood\">y</a>";
        const HtmlInputGuard::Limit limit = HtmlInputGuard::check(html);
        QVERIFY(limit.reason.contains(QLatin1String("more than 256 attributes")));
        QCOMPARE(urlsOf(LinkExtractor::extract(html, "text/html", page), LinkSource::Anchor),
                 QStringList{"http://site.test/before"});
    }

    void guardCapsTagsAndAttributesInAll()
    {
        const QByteArray tags = QByteArray("<br>").repeated(HtmlInputGuard::maxElements + 10);
        const HtmlInputGuard::Limit manyTags = HtmlInputGuard::check(tags);
        QCOMPARE(manyTags.length, qsizetype(HtmlInputGuard::maxElements) * 4);
        QVERIFY(manyTags.reason.contains(QLatin1String("more than 100000 tags")));

        const QByteArray attributes
            = QByteArray("<i a b c d></i>").repeated(HtmlInputGuard::maxTotalAttributes / 4 + 10);
        const HtmlInputGuard::Limit manyAttributes = HtmlInputGuard::check(attributes);
        QCOMPARE(manyAttributes.length, qsizetype(HtmlInputGuard::maxTotalAttributes / 4) * 15);
        QVERIFY(manyAttributes.reason.contains(QLatin1String("attributes in all")));
    }

    void guardLeavesOrdinaryPagesWhole_data()
    {
        QTest::addColumn<QByteArray>("html");
        QByteArray list;
        for (int i = 0; i < 2000; ++i)
            list += "<li><p>item <a href=x>x<a href=y>y<br><img src=z>";
        QTest::newRow("unclosed li, p, a") << "<ul>" + list + "</ul>";
        QByteArray balanced;
        for (int i = 0; i < 200; ++i)
            balanced += "<div><span>";
        for (int i = 0; i < 200; ++i)
            balanced += "</span></div>";
        QTest::newRow("deep but under the limit") << balanced.repeated(20);
        QByteArray svg = "<svg>";
        for (int i = 0; i < 3000; ++i)
            svg += "<path d=\"M0 0\"/>";
        QTest::newRow("svg self-closing") << svg + "</svg>";
        QTest::newRow("script with tags") << "<script>" + QByteArray("<div>").repeated(5000) + "</script>";
        QTest::newRow("comment with tags") << "<!--" + QByteArray("<div>").repeated(5000) + "-->";
    }

    void guardLeavesOrdinaryPagesWhole()
    {
        QFETCH(QByteArray, html);
        const HtmlInputGuard::Limit limit = HtmlInputGuard::check(html);
        QVERIFY2(limit.reason.isEmpty(), qPrintable(limit.reason));
        QCOMPARE(limit.length, html.size());
    }

    void srcset_data()
    {
        QTest::addColumn<QString>("srcset");
        QTest::addColumn<QStringList>("urls");
        QTest::newRow("density") << "a.png 1x, b.png 2x" << QStringList{"a.png", "b.png"};
        QTest::newRow("width") << "small.jpg 480w,large.jpg 1080w" << QStringList{"small.jpg", "large.jpg"};
        QTest::newRow("no descriptor") << "only.png" << QStringList{"only.png"};
        QTest::newRow("commas in url") << "a,b.png 1x, c.png" << QStringList{"a,b.png", "c.png"};
        QTest::newRow("trailing comma") << "a.png, b.png," << QStringList{"a.png", "b.png"};
        QTest::newRow("parentheses") << "a.png (foo, bar) 1x, b.png" << QStringList{"a.png", "b.png"};
        QTest::newRow("empty") << " , ," << QStringList{};
    }

    void srcset()
    {
        QFETCH(QString, srcset);
        QFETCH(QStringList, urls);
        QCOMPARE(LinkSyntax::srcsetUrls(srcset), urls);
    }

    void cssUrls()
    {
        const auto urls = LinkSyntax::cssUrls(u"a { b: url(one.png) }\n/* url(commented.png) */\n"
                                              u"c { d: URL( \"two.png\" ) }\n"
                                              u"e { content: \"url(in-a-string.png)\" }\n"
                                              u"@import 'three.css';\n@import url(four.css);\n"
                                              u"f { g: myurl(not.png) }");
        QStringList found;
        QList<int> lines;
        for (const auto &url : urls) {
            found.append(url.url);
            lines.append(url.lineOffset);
        }
        QCOMPARE(found, (QStringList{"one.png", "two.png", "three.css", "four.css"}));
        QCOMPARE(lines, (QList<int>{0, 2, 4, 5}));
    }

    void refreshUrl_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("url");
        QTest::newRow("plain") << "5; url=/next"
                               << "/next";
        QTest::newRow("upper") << "0;URL='/quoted'"
                               << "/quoted";
        QTest::newRow("comma") << "3, url=/c"
                               << "/c";
        QTest::newRow("no url=") << "1; /bare"
                                 << "/bare";
        QTest::newRow("only a delay") << "30"
                                      << "";
    }

    void refreshUrl()
    {
        QFETCH(QString, content);
        QFETCH(QString, url);
        QCOMPARE(LinkSyntax::refreshUrl(content), url);
    }

    void scanNormalisesAndChecksItsOwnFragments()
    {
        const QByteArray html = "<h2 id=\"here\"></h2>"
                                "<a href=\"#here\">own, present</a>"
                                "<a href=\"#nowhere\">own, missing</a>"
                                "<a href=\"other.html?utm_source=x#part\">other</a>"
                                "<a href=\"#top\">top</a><a href=\"#/route\">route</a>"
                                "<a href=\"javascript:void(0)\">js</a>";
        const QUrl url(QStringLiteral("http://site.test/page"));
        const PageScan scan = PageScanner::scan(html, "text/html", url, "http://site.test/page", UrlNormalizer(),
                                                LinkExtractor::defaultMaxBytes, 100);
        QCOMPARE(scan.links.size(), 2);
        QCOMPARE(scan.links.at(0).key, QByteArray("http://site.test/page"));
        QCOMPARE(scan.links.at(0).fragment, QStringLiteral("nowhere"));
        QCOMPARE(scan.links.at(1).key, QByteArray("http://site.test/other.html"));
        QCOMPARE(scan.links.at(1).fragment, QStringLiteral("part"));
        QVERIFY(PageScanner::hasAnchor(scan.anchors, QStringLiteral("here")));
        QVERIFY(!PageScanner::hasAnchor(scan.anchors, QStringLiteral("nowhere")));
    }

    void mediaTypes()
    {
        QCOMPARE(HtmlText::mediaType("Text/HTML; charset=utf-8"), QByteArray("text/html"));
        QVERIFY(HtmlText::isHtml("application/xhtml+xml"));
        QVERIFY(!HtmlText::isHtml("application/pdf"));
        QCOMPARE(HtmlText::charsetOfContentType("text/html; charset=\"Shift_JIS\""), QByteArray("Shift_JIS"));
    }
};

QTEST_GUILESS_MAIN(TestLinkExtractor)
#include "tst_linkextractor.moc"
