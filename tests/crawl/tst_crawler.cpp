#include "TestSite.h"

#include "crawl/Crawler.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace std::chrono_literals;

namespace {

struct Run
{
    std::shared_ptr<const CrawlResults> results;
    CrawlStop stop = CrawlStop::Running;
    qint64 elapsedMs = 0;
    bool finished = false;
    int tasksLeft = -1;

    const CrawlRecord *find(const QString &url) const
    {
        const auto id = results->find(url.toUtf8());
        return id ? &results->at(*id) : nullptr;
    }
    QString urlOf(CrawlId id) const { return QString::fromLatin1(results->at(id).url); }
};

// Options for a loopback test: quick, impatient, and not slowed down by politeness unless asked.
CrawlOptions optionsFor(const QString &start)
{
    CrawlOptions options;
    options.startUrls = {QUrl(start)};
    options.perHostInterval = 0ms;
    options.requestTimeout = 3000ms;
    options.respectRobots = false;
    return options;
}

Run crawl(const CrawlOptions &options, std::chrono::milliseconds watchdog = 20s)
{
    Crawler crawler(options);
    QEventLoop loop;
    Run run;
    QObject::connect(&crawler, &Crawler::finished, &loop, [&](CrawlStop stop) {
        run.stop = stop;
        run.finished = true;
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!crawler.start(&error)) {
        qWarning("start: %s", qPrintable(error));
        return run;
    }
    QTimer::singleShot(watchdog, &loop, &QEventLoop::quit);
    loop.exec();
    run.elapsedMs = clock.elapsed();
    run.results = crawler.results();
    run.tasksLeft = crawler.activeTasks();
    return run;
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

// The crawler against loopback sites the tests make up and serve: what it finds, what it asks for
// and when, and that it leaves nothing behind.
class TestCrawler : public QObject
{
    Q_OBJECT

private slots:
    void nestedPagesAreEachFetchedOnce()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/a", "/b", "/a"}));
        site.html("/a", pageLinking({"/a/1", "/"}));
        site.html("/b", pageLinking({"/b/1", "/b/2", "/a/1?utm_source=newsletter"}));
        site.html("/a/1", pageLinking({}));
        site.html("/b/1", pageLinking({}));
        site.html("/b/2", pageLinking({"#"}));
        const Run run = crawl(optionsFor(site.url()));
        QVERIFY(run.finished);
        QCOMPARE(run.stop, CrawlStop::Completed);
        QCOMPARE(run.tasksLeft, 0);
        for (const char *path : {"/", "/a", "/b", "/a/1", "/b/1", "/b/2"}) {
            const CrawlRecord *record = run.find(site.url(QString::fromLatin1(path)));
            QVERIFY2(record, path);
            QCOMPARE(record->verdict, CrawlVerdict::Ok);
            QVERIFY(record->read);
            QCOMPARE(site.hitsOn(path), 1); // however many pages link to it
        }
        QCOMPARE(run.results->pagesRead, 6);
        QCOMPARE(run.results->size(), 6);
        const CrawlRecord *a1 = run.find(site.url(QStringLiteral("/a/1")));
        QCOMPARE(a1->depth, 2);
        QCOMPARE(a1->referrerCount, 2u);
        QStringList referrers; // in the order the two pages were read, which is either
        for (const CrawlReferrer &referrer : a1->referrers)
            referrers.append(QStringLiteral("%1:%2").arg(run.urlOf(referrer.page)).arg(referrer.line));
        referrers.sort();
        QCOMPARE(referrers,
                 (QStringList{site.url(QStringLiteral("/a")) + ":2", site.url(QStringLiteral("/b")) + ":4"}));
        QCOMPARE(run.find(site.url())->title, QStringLiteral("test page"));
        QCOMPARE(site.hitsOn("/", "GET"), 1);
    }

    void brokenInternalAndExternalLinks()
    {
        TestSite site;
        TestSite external; // another host: 127.0.0.2
        QVERIFY(site.listen());
        QVERIFY(external.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
        const quint16 closed = closedPort();
        const QByteArray ext = external.url().toUtf8();
        site.html("/",
                  pageLinking({"/missing", "/fails", "/fine", ext + "ok", ext + "gone",
                               "http://127.0.0.1:" + QByteArray::number(closed) + "/"}));
        site.status("/fails", 500);
        site.html("/fine", pageLinking({"/missing"}));
        external.html("/ok", pageLinking({"/never-followed"}));

        const Run run = crawl(optionsFor(site.url()));
        QVERIFY(run.finished);
        const CrawlRecord *missing = run.find(site.url(QStringLiteral("/missing")));
        QCOMPARE(missing->verdict, CrawlVerdict::Broken);
        QCOMPARE(missing->status, 404);
        QCOMPARE(missing->errorKind, ErrorKind::HttpStatus);
        QCOMPARE(missing->referrerCount, 2u);
        QCOMPARE(missing->referrers.at(0).line, 2u);
        QCOMPARE(run.find(site.url(QStringLiteral("/fails")))->status, 500);
        QCOMPARE(run.find(site.url(QStringLiteral("/fails")))->verdict, CrawlVerdict::Broken);

        const CrawlRecord *externalOk = run.find(external.url(QStringLiteral("/ok")));
        QCOMPARE(externalOk->verdict, CrawlVerdict::Ok);
        QVERIFY(!externalOk->internal);
        QVERIFY(!externalOk->read);
        QCOMPARE(external.hitsOn("/ok", "HEAD"), 1);
        QCOMPARE(external.hitsOn("/ok", "GET"), 0); // checked, never read
        QCOMPARE(external.hitsOn("/never-followed"), 0);
        const CrawlRecord *gone = run.find(external.url(QStringLiteral("/gone")));
        QCOMPARE(gone->verdict, CrawlVerdict::Broken);
        QCOMPARE(gone->status, 404);

        const CrawlRecord *refused = run.find(QStringLiteral("http://127.0.0.1:%1/").arg(closed));
        QCOMPARE(refused->verdict, CrawlVerdict::Error);
        QCOMPARE(refused->errorKind, ErrorKind::Refused);
        QVERIFY2(refused->message.contains(QLatin1String("refused")), qPrintable(refused->message));
        QCOMPARE(run.results->problems(), 4);
    }

    void blockedIsNotBroken()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/wall", "/linkedin-style"}));
        site.status("/wall", 403);
        site.status("/linkedin-style", 999);
        const Run run = crawl(optionsFor(site.url()));
        QCOMPARE(run.find(site.url(QStringLiteral("/wall")))->verdict, CrawlVerdict::Blocked);
        QCOMPARE(run.find(site.url(QStringLiteral("/linkedin-style")))->verdict, CrawlVerdict::Blocked);
        QCOMPARE(run.results->problems(), 0);
    }

    void redirectsAreRecordedAndFollowedOnce()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/old", "/new", "/twice", "/to-missing", "/loop1"}));
        site.redirect("/old", 301, "/new");
        site.html("/new", pageLinking({"/behind-new"}));
        site.html("/behind-new", pageLinking({}));
        site.redirect("/twice", 302, "/hop");
        site.redirect("/hop", 307, site.url(QStringLiteral("/landing")).toUtf8());
        site.html("/landing", pageLinking({}));
        site.redirect("/to-missing", 301, "/nowhere");
        site.redirect("/loop1", 302, "/loop2");
        site.redirect("/loop2", 302, "/loop1");
        const Run run = crawl(optionsFor(site.url()));
        QVERIFY(run.finished);

        const CrawlRecord *old = run.find(site.url(QStringLiteral("/old")));
        QCOMPARE(old->verdict, CrawlVerdict::Redirected);
        QCOMPARE(old->redirects.size(), 1);
        QCOMPARE(old->redirects.at(0).status, 301);
        QCOMPARE(QString::fromLatin1(old->redirects.at(0).url), site.url(QStringLiteral("/new")));
        QCOMPARE(run.find(site.url(QStringLiteral("/behind-new")))->verdict, CrawlVerdict::Ok);
        QCOMPARE(site.hitsOn("/behind-new"), 1);

        const CrawlRecord *twice = run.find(site.url(QStringLiteral("/twice")));
        QCOMPARE(twice->verdict, CrawlVerdict::Redirected);
        QCOMPARE(twice->redirects.size(), 2);
        QCOMPARE(twice->redirects.at(1).status, 307);
        const CrawlRecord *landing = run.find(site.url(QStringLiteral("/landing")));
        QVERIFY(landing); // recorded where the chain landed, and read there
        QVERIFY(landing->read);
        QCOMPARE(site.hitsOn("/landing"), 1);

        const CrawlRecord *toMissing = run.find(site.url(QStringLiteral("/to-missing")));
        QCOMPARE(toMissing->verdict, CrawlVerdict::Broken);
        QCOMPARE(toMissing->status, 404);
        QCOMPARE(toMissing->redirects.size(), 1);

        const CrawlRecord *loop = run.find(site.url(QStringLiteral("/loop1")));
        QCOMPARE(loop->verdict, CrawlVerdict::Error);
        QCOMPARE(loop->errorKind, ErrorKind::Redirects);
        QVERIFY2(loop->message.contains(QLatin1String("loop")), qPrintable(loop->message));
        QVERIFY(site.hitsOn("/loop1") <= 2);
    }

    void endlessCalendarIsATrap()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/calendar/0/", "/list?page=0"}));
        // Every month links to the next, for ever; so does every page of the list.
        site.setDynamic([](const QByteArray &path, int) -> std::optional<TestSite::Page> {
            static const QRegularExpression month(QStringLiteral("^/calendar/(\\d+)/$"));
            static const QRegularExpression list(QStringLiteral("^/list\\?page=(\\d+)$"));
            if (const auto match = month.match(QString::fromLatin1(path)); match.hasMatch())
                return TestSite::Page{
                    200, pageLinking({"/calendar/" + QByteArray::number(match.captured(1).toInt() + 1) + "/"})};
            if (const auto match = list.match(QString::fromLatin1(path)); match.hasMatch())
                return TestSite::Page{200,
                                      pageLinking({"/list?page=" + QByteArray::number(match.captured(1).toInt() + 1)})};
            return std::nullopt;
        });
        CrawlOptions options = optionsFor(site.url());
        options.maxDepth = 100000;
        options.traps.prefixBudget = 30;
        options.traps.maxQueryVariants = 20;
        const Run run = crawl(options);
        QVERIFY(run.finished);
        QCOMPARE(run.stop, CrawlStop::Completed);
        int calendarFetches = 0;
        int listFetches = 0;
        for (const TestSite::Hit &hit : site.hits()) {
            calendarFetches += hit.path.startsWith("/calendar/");
            listFetches += hit.path.startsWith("/list");
        }
        // 30 months read, and the 31st checked but not read, which ends the chain; the list likewise.
        QCOMPARE(calendarFetches, 31);
        QCOMPARE(listFetches, 21);
        QCOMPARE(site.hitsOn("/calendar/30/", "HEAD"), 1);
        QCOMPARE(site.hitsOn("/calendar/30/", "GET"), 0);
        const CrawlRecord *stopped = run.find(site.url(QStringLiteral("/calendar/30/")));
        QCOMPARE(stopped->verdict, CrawlVerdict::Ok);
        QVERIFY(!stopped->read);
        QVERIFY2(stopped->message.startsWith(
                     QLatin1String("not read: a trap, it seems: more than 30 pages under /calendar/")),
                 qPrintable(stopped->message));
        QVERIFY(!run.find(site.url(QStringLiteral("/calendar/31/"))));
        QVERIFY(run.find(site.url(QStringLiteral("/list?page=20")))->message.contains(QLatin1String("query strings")));
    }

    void linksOnlyCheckedAreNoTrap()
    {
        // Many broken links under one prefix, an image with a long URL: every one checked; the links
        // beyond the budget are not read, which for a broken one changes nothing.
        TestSite site;
        QVERIFY(site.listen());
        QList<QByteArray> links;
        for (int i = 0; i < 40; ++i)
            links.append("/missing/" + QByteArray::number(i) + ".html");
        site.html("/", pageLinking(links, "<img src=\"/img/" + QByteArray(300, 'x') + ".png\">\n"));
        CrawlOptions options = optionsFor(site.url());
        options.traps.prefixBudget = 10;
        options.traps.maxUrlLength = 100;
        const Run run = crawl(options);
        QCOMPARE(run.results->count(CrawlVerdict::Broken), 41);
        QCOMPARE(run.results->count(CrawlVerdict::Excluded), 0);
        QVERIFY(run.find(site.url(QStringLiteral("/missing/39.html")))->message.contains(QLatin1String("trap")));
    }

    void depthLimit()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/one"}));
        site.html("/one", pageLinking({"/two"}));
        site.html("/two", pageLinking({"/three"}));
        CrawlOptions options = optionsFor(site.url());
        options.maxDepth = 2;
        const Run run = crawl(options);
        QVERIFY(run.find(site.url(QStringLiteral("/two")))->read); // read for its ids at the last depth
        QVERIFY(!run.find(site.url(QStringLiteral("/three")))); // but not followed
        QCOMPARE(site.hitsOn("/three"), 0);
    }

    void pageBudgetStillChecksLinks()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/p1", "/p2", "/p3"}));
        for (const char *path : {"/p1", "/p2", "/p3"})
            site.html(path, pageLinking({"/deeper"}));
        CrawlOptions options = optionsFor(site.url());
        options.maxPages = 2;
        const Run run = crawl(options);
        QCOMPARE(run.results->pagesRead, 2);
        QCOMPARE(site.hitsOn("/", "GET"), 1);
        QCOMPARE(site.hitsOn("/p1", "GET"), 1);
        // Beyond the budget a page is only checked.
        QCOMPARE(site.hitsOn("/p2", "HEAD"), 1);
        QCOMPARE(site.hitsOn("/p3", "HEAD"), 1);
        QCOMPARE(run.find(site.url(QStringLiteral("/p3")))->verdict, CrawlVerdict::Ok);
    }

    void robotsAndSitemaps()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.set("/robots.txt",
                 TestSite::Page{200,
                                "User-agent: *\nDisallow: /private/\n"
                                "Sitemap: "
                                    + site.url(QStringLiteral("/sitemap.xml")).toUtf8() + "\n",
                                "text/plain"});
        site.set("/sitemap.xml",
                 TestSite::Page{200,
                                "<?xml version=\"1.0\"?>\n<urlset>\n<url><loc>"
                                    + site.url(QStringLiteral("/only-in-sitemap")).toUtf8()
                                    + "</loc></url>\n</urlset>\n",
                                "application/xml"});
        site.html("/",
                  pageLinking({"/private/secret", "/public", "/nofollow-page"})
                      .replace("href=\"/nofollow-page\"", "href=\"/nofollow-page\" rel=\"nofollow\""));
        site.html("/public", pageLinking({}));
        site.html("/only-in-sitemap", pageLinking({}));
        site.html("/nofollow-page", pageLinking({"/behind-nofollow"}));
        site.html("/private/secret", pageLinking({}));

        CrawlOptions options = optionsFor(site.url());
        options.respectRobots = true;
        const Run run = crawl(options);
        QVERIFY(run.finished);
        const CrawlRecord *secret = run.find(site.url(QStringLiteral("/private/secret")));
        QCOMPARE(secret->verdict, CrawlVerdict::Excluded);
        QVERIFY(secret->message.contains(QLatin1String("robots.txt")));
        QCOMPARE(site.hitsOn("/private/secret"), 0);
        const CrawlRecord *fromSitemap = run.find(site.url(QStringLiteral("/only-in-sitemap")));
        QVERIFY(fromSitemap);
        QCOMPARE(fromSitemap->verdict, CrawlVerdict::Ok);
        QCOMPARE(fromSitemap->source, LinkSource::Sitemap);
        QCOMPARE(run.urlOf(fromSitemap->referrers.at(0).page), site.url(QStringLiteral("/sitemap.xml")));
        QCOMPARE(fromSitemap->referrers.at(0).line, 3u);
        QVERIFY(!run.find(site.url(QStringLiteral("/nofollow-page")))->read); // checked, not followed
        QCOMPARE(site.hitsOn("/behind-nofollow"), 0);
        QCOMPARE(site.hitsOn("/robots.txt"), 1);

        TestSite open;
        QVERIFY(open.listen());
        open.set("/robots.txt", TestSite::Page{200, "User-agent: *\nDisallow: /private/\n", "text/plain"});
        open.html("/", pageLinking({"/private/secret"}));
        open.html("/private/secret", pageLinking({}));
        const Run ignoring = crawl(optionsFor(open.url())); // respectRobots off
        QCOMPARE(ignoring.find(open.url(QStringLiteral("/private/secret")))->verdict, CrawlVerdict::Ok);
        QCOMPARE(open.hitsOn("/robots.txt"), 0);
    }

    void unreadableRobotsDisallowsEverything()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.status("/robots.txt", 503);
        site.html("/", pageLinking({}));
        CrawlOptions options = optionsFor(site.url());
        options.respectRobots = true;
        const Run run = crawl(options);
        QCOMPARE(run.find(site.url())->verdict, CrawlVerdict::Excluded);
        QVERIFY(run.find(site.url())->message.contains(QLatin1String("RFC 9309")));
        QCOMPARE(site.hitsOn("/"), 0);
        QVERIFY(!run.results->notices.isEmpty());
    }

    void retryAfterIsWaitedFor()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/limited"}));
        site.setDynamic([](const QByteArray &path, int hit) -> std::optional<TestSite::Page> {
            if (path != "/limited")
                return std::nullopt;
            if (hit == 1)
                return TestSite::Page{429, "slow down", "text/plain", {"Retry-After: 1"}};
            return TestSite::Page{200, pageLinking({})};
        });
        const Run run = crawl(optionsFor(site.url()));
        QCOMPARE(run.find(site.url(QStringLiteral("/limited")))->verdict, CrawlVerdict::Ok);
        QList<qint64> times;
        for (const TestSite::Hit &hit : site.hits()) {
            if (hit.path == "/limited")
                times.append(hit.atMs);
        }
        QCOMPARE(times.size(), 2);
        QVERIFY2(times.at(1) - times.at(0) >= 1000, qPrintable(QString::number(times.at(1) - times.at(0))));
        QVERIFY(run.results->notices.join(' ').contains(QLatin1String("asked to wait")));
    }

    void rateLimitThatNeverPassesIsBlocked()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/always-limited"}));
        site.status("/always-limited", 429, {"Retry-After: 0"});
        CrawlOptions options = optionsFor(site.url());
        options.maxRetries = 2;
        options.maxRetryWait = 200ms; // also the cap on the doubling
        const Run run = crawl(options);
        const CrawlRecord *limited = run.find(site.url(QStringLiteral("/always-limited")));
        QCOMPARE(limited->verdict, CrawlVerdict::Blocked);
        QCOMPARE(site.hitsOn("/always-limited"), 3);
    }

    void headRefusedThenGet()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", "<img src=\"/picky.png\"><img src=\"/easy.png\">");
        TestSite::Page picky{200, "png", "image/png"};
        picky.refuseHead = true;
        site.set("/picky.png", picky);
        site.set("/easy.png", TestSite::Page{200, "png", "image/png"});
        const Run run = crawl(optionsFor(site.url()));
        QCOMPARE(run.find(site.url(QStringLiteral("/picky.png")))->verdict, CrawlVerdict::Ok);
        QCOMPARE(site.hitsOn("/picky.png", "HEAD"), 1);
        QCOMPARE(site.hitsOn("/picky.png", "GET"), 1);
        QCOMPARE(site.hitsOn("/easy.png", "HEAD"), 1);
        QCOMPARE(site.hitsOn("/easy.png", "GET"), 0);
    }

    void fragments()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/",
                  "<h1 id=\"own\">x</h1>\n<a href=\"#own\">a</a>\n<a href=\"#not-here\">b</a>\n"
                  "<a href=\"/doc#present\">c</a>\n<a href=\"/doc#absent\">d</a>\n<a href=\"/doc#top\">e</a>\n");
        site.html("/doc", "<h2 id=\"present\">p</h2><a href=\"/#absent-too\">back</a>");
        const Run run = crawl(optionsFor(site.url()));
        const CrawlRecord *absent = run.find(site.url(QStringLiteral("/doc#absent")));
        QVERIFY(absent);
        QCOMPARE(absent->verdict, CrawlVerdict::Broken);
        QVERIFY(absent->message.contains(QLatin1String("\"absent\"")));
        QCOMPARE(absent->referrers.at(0).line, 5u);
        QCOMPARE(run.urlOf(absent->fragmentOf), site.url(QStringLiteral("/doc")));
        QCOMPARE(run.find(site.url(QStringLiteral("/#not-here")))->verdict, CrawlVerdict::Broken);
        QCOMPARE(run.find(site.url(QStringLiteral("/#absent-too")))->verdict, CrawlVerdict::Broken);
        QVERIFY(!run.find(site.url(QStringLiteral("/doc#present"))));
        QVERIFY(!run.find(site.url(QStringLiteral("/#own"))));
        QVERIFY(!run.find(site.url(QStringLiteral("/doc#top"))));
        QCOMPARE(site.hitsOn("/doc"), 1);

        CrawlOptions off = optionsFor(site.url());
        off.checkFragments = false;
        QVERIFY(!crawl(off).find(site.url(QStringLiteral("/doc#absent"))));
    }

    void nonHtmlIsNotRead()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/report", "/data.json"}));
        site.set("/report", TestSite::Page{200, "%PDF <a href=\"/inside-pdf\">", "application/pdf"});
        site.set("/data.json", TestSite::Page{200, "{\"href\": \"/inside\"}", "application/json"});
        const Run run = crawl(optionsFor(site.url()));
        const CrawlRecord *report = run.find(site.url(QStringLiteral("/report")));
        QCOMPARE(report->verdict, CrawlVerdict::Ok);
        QVERIFY(!report->read);
        QCOMPARE(report->mediaType, QByteArray("application/pdf"));
        QCOMPARE(site.hitsOn("/inside-pdf"), 0);
        QCOMPARE(site.hitsOn("/data.json", "GET"), 0); // a file by its name: HEAD only
    }

    void malformedHtml()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/",
                  "<html><body><table><tr><td><a href=/in-table>x<p><div><a href='/after-mess'>"
                  "<a href=\"/unterminated><b>\xff\xfe broken bytes");
        site.html("/in-table", "");
        site.html("/after-mess", "");
        const Run run = crawl(optionsFor(site.url()));
        QVERIFY(run.finished);
        QCOMPARE(run.find(site.url(QStringLiteral("/in-table")))->verdict, CrawlVerdict::Ok);
        QCOMPARE(run.find(site.url(QStringLiteral("/after-mess")))->verdict, CrawlVerdict::Ok);
    }

    void hugePageIsReadInPart()
    {
        TestSite site;
        QVERIFY(site.listen());
        QByteArray huge = "<a href=\"/early\">e</a>\n";
        huge += QByteArray(6 * 1024 * 1024, ' ');
        huge += "<a href=\"/late\">l</a>\n";
        site.html("/", huge);
        site.html("/early", "");
        site.html("/late", "");
        const Run run = crawl(optionsFor(site.url()));
        const CrawlRecord *root = run.find(site.url());
        QCOMPARE(root->verdict, CrawlVerdict::Ok);
        QVERIFY(root->read);
        QVERIFY2(root->message.startsWith(QLatin1String("read in part")), qPrintable(root->message));
        QVERIFY(run.find(site.url(QStringLiteral("/early"))));
        QVERIFY(!run.find(site.url(QStringLiteral("/late"))));
    }

    void slowPagesTimeOutWithoutHoldingUpTheRest()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/slow", "/fast1", "/fast2"}));
        site.set("/slow", TestSite::Page{200, pageLinking({}), "text/html", {}, 3000ms});
        site.set("/fast1", TestSite::Page{200, pageLinking({}), "text/html", {}, 100ms});
        site.html("/fast2", pageLinking({}));
        CrawlOptions options = optionsFor(site.url());
        options.requestTimeout = 800ms;
        const Run run = crawl(options);
        const CrawlRecord *slow = run.find(site.url(QStringLiteral("/slow")));
        QCOMPARE(slow->verdict, CrawlVerdict::Error);
        QCOMPARE(slow->errorKind, ErrorKind::Timeout);
        QCOMPARE(run.find(site.url(QStringLiteral("/fast1")))->verdict, CrawlVerdict::Ok);
        QVERIFY(run.find(site.url(QStringLiteral("/fast1")))->elapsedMs >= 100);
        QVERIFY2(run.elapsedMs < 2500, qPrintable(QString::number(run.elapsedMs)));
    }

    void nonUtf8Page()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.set(
            "/",
            TestSite::Page{200, "<title>Caf\xE9</title><a href=\"/caf\xE9\">x</a>", "text/html; charset=iso-8859-1"});
        site.html("/caf%C3%A9", pageLinking({}));
        const Run run = crawl(optionsFor(site.url()));
        QCOMPARE(run.find(site.url())->title, QStringLiteral("Café"));
        const CrawlRecord *cafe = run.find(site.url(QStringLiteral("/caf%C3%A9")));
        QVERIFY(cafe);
        QCOMPARE(cafe->verdict, CrawlVerdict::Ok);
    }

    void baseElement()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", "<head><base href=\"/docs/v2/\"></head><a href=\"guide\">g</a><a href=\"../v1/old\">o</a>");
        site.html("/docs/v2/guide", "");
        site.html("/docs/v1/old", "");
        const Run run = crawl(optionsFor(site.url()));
        QCOMPARE(run.find(site.url(QStringLiteral("/docs/v2/guide")))->verdict, CrawlVerdict::Ok);
        QCOMPARE(run.find(site.url(QStringLiteral("/docs/v1/old")))->verdict, CrawlVerdict::Ok);
    }

    void leafLinkedLaterAsAPageIsRead()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", "<img src=\"/both\">\n<a href=\"/second\">s</a>");
        site.html("/second", "<a href=\"/both\">b</a>");
        site.html("/both", pageLinking({"/behind-both"}));
        site.html("/behind-both", "");
        const Run run = crawl(optionsFor(site.url()));
        QVERIFY(run.find(site.url(QStringLiteral("/both")))->read);
        QCOMPARE(run.find(site.url(QStringLiteral("/behind-both")))->verdict, CrawlVerdict::Ok);
    }

    void politenessCapsAndInterval()
    {
        TestSite site;
        QVERIFY(site.listen());
        QList<QByteArray> links;
        for (int i = 0; i < 12; ++i) {
            const QByteArray path = "/slow/" + QByteArray::number(i);
            links.append(path);
            site.set(path, TestSite::Page{200, pageLinking({}), "text/html", {}, 150ms});
        }
        site.html("/", pageLinking(links));
        CrawlOptions options = optionsFor(site.url());
        options.perHostConnections = 3;
        const Run capped = crawl(options);
        QCOMPARE(capped.results->count(CrawlVerdict::Ok), 13);
        QVERIFY2(site.maxOpen() <= 3, qPrintable(QString::number(site.maxOpen())));
        QCOMPARE(site.maxOpen(), 3);

        TestSite spaced;
        QVERIFY(spaced.listen());
        spaced.html("/", pageLinking({"/1", "/2", "/3", "/4"}));
        for (const char *path : {"/1", "/2", "/3", "/4"})
            spaced.html(path, "");
        CrawlOptions slow = optionsFor(spaced.url());
        slow.perHostInterval = 150ms;
        crawl(slow);
        const QList<TestSite::Hit> &hits = spaced.hits();
        QCOMPARE(hits.size(), 5);
        for (qsizetype i = 1; i < hits.size(); ++i)
            QVERIFY2(hits.at(i).atMs - hits.at(i - 1).atMs >= 140,
                     qPrintable(QStringLiteral("%1 ms apart").arg(hits.at(i).atMs - hits.at(i - 1).atMs)));

        TestSite global;
        QVERIFY(global.listen());
        global.html("/", pageLinking(links));
        for (const QByteArray &path : links)
            global.set(path, TestSite::Page{200, pageLinking({}), "text/html", {}, 150ms});
        CrawlOptions few = optionsFor(global.url());
        few.perHostConnections = 10;
        few.globalConnections = 2;
        crawl(few);
        QCOMPARE(global.maxOpen(), 2);
    }

    void safeguardPausesAFailingHost()
    {
        TestSite site;
        QVERIFY(site.listen());
        QList<QByteArray> links;
        for (int i = 0; i < 8; ++i) {
            links.append("/err/" + QByteArray::number(i));
            site.status(links.last(), 502);
        }
        site.html("/", pageLinking(links));
        CrawlOptions options = optionsFor(site.url());
        options.perHostConnections = 1;
        options.errorWindow = 4;
        options.errorThreshold = 3;
        options.errorPause = 600ms;
        const Run run = crawl(options);
        QCOMPARE(run.results->count(CrawlVerdict::Broken), 8);
        qint64 longestGap = 0;
        for (qsizetype i = 1; i < site.hits().size(); ++i)
            longestGap = std::max(longestGap, site.hits().at(i).atMs - site.hits().at(i - 1).atMs);
        QVERIFY2(longestGap >= 590, qPrintable(QString::number(longestGap)));
        QVERIFY(run.results->notices.join(' ').contains(QLatin1String("leaves it alone")));
    }

    void cssAndOtherSourcesAreChecked()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/",
                  "<style>\n.a { background: url(/missing-bg.png) }\n</style>\n"
                  "<img srcset=\"/s1.png 1x, /s2.png 2x\">\n<meta http-equiv=refresh content=\"0; url=/next\">");
        site.set("/s1.png", TestSite::Page{200, "", "image/png"});
        site.set("/s2.png", TestSite::Page{200, "", "image/png"});
        site.html("/next", pageLinking({}));
        const Run run = crawl(optionsFor(site.url()));
        const CrawlRecord *bg = run.find(site.url(QStringLiteral("/missing-bg.png")));
        QCOMPARE(bg->verdict, CrawlVerdict::Broken);
        QCOMPARE(bg->source, LinkSource::Css);
        QCOMPARE(bg->referrers.at(0).line, 2u);
        QCOMPARE(run.find(site.url(QStringLiteral("/s2.png")))->verdict, CrawlVerdict::Ok);
        QVERIFY(run.find(site.url(QStringLiteral("/next")))->read);
    }

    void excludePattern()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/keep", "/skip/this"}));
        site.html("/keep", "");
        CrawlOptions options = optionsFor(site.url());
        options.exclude = {QStringLiteral("/skip/")};
        const Run run = crawl(options);
        QCOMPARE(run.find(site.url(QStringLiteral("/skip/this")))->verdict, CrawlVerdict::Excluded);
        QCOMPARE(site.hitsOn("/skip/this"), 0);

        options.include = {QStringLiteral("([")};
        Crawler bad(options);
        QString error;
        QVERIFY(!bad.start(&error));
        QVERIFY(error.contains(QLatin1String("--include")));
    }

    void cancelMidCrawlLeavesNothingBehind()
    {
        TestSite site;
        QVERIFY(site.listen());
        QList<QByteArray> links;
        for (int i = 0; i < 40; ++i) {
            links.append("/page/" + QByteArray::number(i));
            site.set(links.last(), TestSite::Page{200, pageLinking({}), "text/html", {}, 100ms * (i % 5 + 1)});
        }
        site.html("/", pageLinking(links));
        CrawlOptions options = optionsFor(site.url());
        options.perHostConnections = 8;
        Crawler crawler(options);
        QSignalSpy finished(&crawler, &Crawler::finished);
        QVERIFY(crawler.start());
        QTRY_VERIFY_WITH_TIMEOUT(crawler.results()->checked() >= 5, 10000);
        QVERIFY(crawler.progress().inFlight > 0);
        QElapsedTimer clock;
        clock.start();
        crawler.cancel();
        QVERIFY(finished.wait(1000));
        const qint64 cancelMs = clock.elapsed();
        QVERIFY2(cancelMs < 100, qPrintable(QStringLiteral("%1 ms").arg(cancelMs)));
        QCOMPARE(finished.at(0).at(0).value<CrawlStop>(), CrawlStop::Cancelled);
        QCOMPARE(crawler.activeTasks(), 0);
        QCOMPARE(crawler.transfersInFlight(), 0);
        QCOMPARE(crawler.progress().inFlight, 0);
        QCOMPARE(crawler.progress().queued, 0);
        for (const QTimer *timer : crawler.findChildren<QTimer *>())
            QVERIFY2(!timer->isActive(), qPrintable(timer->objectName()));
        const auto results = crawler.results();
        QCOMPARE(results->count(CrawlVerdict::Pending), 0);
        QVERIFY(results->count(CrawlVerdict::Excluded) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(site.connectionsOpen(), 0, 2000); // every transfer closed its connection
        const int requests = int(site.hits().size());
        QTest::qWait(700);
        QCOMPARE(int(site.hits().size()), requests); // and nothing asks any more
        QCOMPARE(finished.size(), 1);
    }

    void timeLimit()
    {
        TestSite site;
        QVERIFY(site.listen());
        QList<QByteArray> links;
        for (int i = 0; i < 30; ++i) {
            links.append("/t/" + QByteArray::number(i));
            site.set(links.last(), TestSite::Page{200, pageLinking({}), "text/html", {}, 300ms});
        }
        site.html("/", pageLinking(links));
        CrawlOptions options = optionsFor(site.url());
        options.perHostConnections = 1;
        options.timeLimit = 1s;
        const Run run = crawl(options);
        QCOMPARE(run.stop, CrawlStop::TimeLimit);
        QVERIFY2(run.elapsedMs >= 1000 && run.elapsedMs < 1800, qPrintable(QString::number(run.elapsedMs)));
        QVERIFY(run.results->count(CrawlVerdict::Excluded) > 20);
        QCOMPARE(run.tasksLeft, 0);
    }

    void destroyedWhileRunning()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/slow"}));
        site.set("/slow", TestSite::Page{200, pageLinking({}), "text/html", {}, 2000ms});
        {
            Crawler crawler(optionsFor(site.url()));
            QVERIFY(crawler.start());
            QTRY_VERIFY_WITH_TIMEOUT(site.hitsOn("/slow") == 1, 5000);
        }
        // Its coroutines end without touching it; the sanitizers would see it if they did.
        QTest::qWait(100);
        QTRY_COMPARE_WITH_TIMEOUT(site.connectionsOpen(), 0, 2000);
    }
};

QTEST_GUILESS_MAIN(TestCrawler)
#include "tst_crawler.moc"
