#include "PingscopeProcess.h"
#include "TestSite.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

#include <csignal>

using namespace std::chrono_literals;

namespace {

// A small site with one broken internal link, one broken external one and one redirect.
struct BrokenSite
{
    TestSite site;
    TestSite other;

    bool start()
    {
        if (!site.listen() || !other.listen(QHostAddress(QStringLiteral("127.0.0.2"))))
            return false;
        site.html("/", pageLinking({"/about", "/missing", "/moved", other.url(QStringLiteral("/gone")).toUtf8()}));
        site.html("/about", pageLinking({"/"}));
        site.redirect("/moved", 301, "/about");
        return true;
    }
};

QStringList crawlArguments(const QString &url, const QStringList &more = {})
{
    return QStringList{QStringLiteral("crawl"), url, QStringLiteral("--interval"), QStringLiteral("0")} + more;
}

QJsonObject objectOf(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

// `pingscope crawl` as a user runs it: the real executable against loopback sites.
class TestCrawlCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("PINGSCOPE_EXECUTABLE"))); }

    void nothingBrokenExitsZero()
    {
        TestSite site;
        QVERIFY(site.listen());
        site.html("/", pageLinking({"/a"}));
        site.html("/a", pageLinking({}));
        const PingscopeRun run = runPingscope(crawlArguments(site.url()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("2 URLs checked, 2 pages read; 0 broken"), run.out.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData()); // no progress line when stderr is no terminal
    }

    void brokenLinksAreReportedWithTheirPages()
    {
        BrokenSite broken;
        QVERIFY(broken.start());
        const PingscopeRun run = runPingscope(crawlArguments(broken.site.url()));
        QCOMPARE(run.exitCode, 1);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QRegularExpression(
                     QStringLiteral("BROKEN +404 +%1\n").arg(QRegularExpression::escape(broken.site.url("/missing"))))),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("linked from %1 (line 3)").arg(broken.site.url())), qPrintable(out));
        QVERIFY2(out.contains(broken.other.url(QStringLiteral("/gone"))), qPrintable(out));
        QVERIFY2(!out.contains(broken.site.url(QStringLiteral("/about"))), qPrintable(out)); // only problems
        QVERIFY2(out.contains(QLatin1String("2 broken, 0 errors")), qPrintable(out));

        const PingscopeRun all
            = runPingscope(crawlArguments(broken.site.url(), {QStringLiteral("--show"), QStringLiteral("all")}));
        QVERIFY(QString::fromUtf8(all.out).contains(QRegularExpression(
            QStringLiteral("REDIRECTED +301 +%1").arg(QRegularExpression::escape(broken.site.url("/moved"))))));
    }

    void json()
    {
        BrokenSite broken;
        QVERIFY(broken.start());
        const PingscopeRun run
            = runPingscope(crawlArguments(broken.site.url(), {QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(run.exitCode, 1);
        const QJsonObject document = objectOf(run.out);
        QCOMPARE(document.value(QStringLiteral("stop")).toString(), QStringLiteral("completed"));
        const QJsonObject summary = document.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("broken")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("redirected")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("pages_read")).toInt(), 2);
        QJsonObject missing;
        for (const QJsonValue &url : document.value(QStringLiteral("urls")).toArray()) {
            if (url.toObject().value(QStringLiteral("url")).toString() == broken.site.url(QStringLiteral("/missing")))
                missing = url.toObject();
        }
        QStringList keys = missing.keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{"depth", "elapsed_ms", "error", "final_url", "fragment_of", "internal", "media_type",
                              "message", "read", "redirects", "referrer_count", "referrers", "source", "status",
                              "title", "url", "verdict"}));
        QCOMPARE(missing.value(QStringLiteral("verdict")).toString(), QStringLiteral("broken"));
        QCOMPARE(missing.value(QStringLiteral("status")).toInt(), 404);
        QCOMPARE(missing.value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("http_status"));
        const QJsonObject referrer = missing.value(QStringLiteral("referrers")).toArray().at(0).toObject();
        QCOMPARE(referrer.value(QStringLiteral("url")).toString(), broken.site.url());
        QCOMPARE(referrer.value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(referrer.value(QStringLiteral("source")).toString(), QStringLiteral("a"));
    }

    void junitAndMarkdown()
    {
        BrokenSite broken;
        QVERIFY(broken.start());
        const PingscopeRun junit
            = runPingscope(crawlArguments(broken.site.url(), {QStringLiteral("--format"), QStringLiteral("junit")}));
        QCOMPARE(junit.exitCode, 1);
        QXmlStreamReader xml(junit.out);
        int cases = 0;
        int failures = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"testcase")
                ++cases;
            if (xml.isStartElement() && xml.name() == u"failure")
                ++failures;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(cases, 5);
        QCOMPARE(failures, 2);

        const PingscopeRun markdown
            = runPingscope(crawlArguments(broken.site.url(), {QStringLiteral("--format"), QStringLiteral("markdown")}));
        QCOMPARE(markdown.exitCode, 1);
        const QString text = QString::fromUtf8(markdown.out);
        QVERIFY2(text.startsWith(QLatin1String("| Verdict | Status | URL | Detail | Linked from |\n| --- |")),
                 qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("| broken | 404 | %1 |").arg(broken.site.url(QStringLiteral("/missing")))),
            qPrintable(text));
    }

    void profileOutIsAProfileOfWhatAnswered()
    {
        BrokenSite broken;
        QVERIFY(broken.start());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("found.json"));
        const PingscopeRun run
            = runPingscope(crawlArguments(broken.site.url(), {QStringLiteral("--profile-out"), path}));
        QCOMPARE(run.exitCode, 1);
        const PingscopeRun validate = runPingscope({QStringLiteral("validate"), path});
        QCOMPARE(validate.exitCode, 0);
        QVERIFY2(validate.out.contains("ok: 3 endpoints"), validate.out.constData()); // /, /about, /moved
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray endpoints = objectOf(file.readAll()).value(QStringLiteral("endpoints")).toArray();
        QStringList targets;
        for (const QJsonValue &endpoint : endpoints) {
            targets.append(endpoint.toObject().value(QStringLiteral("target")).toString());
            QVERIFY(endpoint.toObject().value(QStringLiteral("tags")).toArray().contains(QStringLiteral("crawl")));
        }
        QVERIFY2(targets.contains(broken.site.url(QStringLiteral("/about"))), qPrintable(targets.join(' ')));
        QVERIFY(!targets.contains(broken.site.url(QStringLiteral("/missing"))));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no url") << QStringList{"crawl"} << "nothing to crawl";
        QTest::newRow("bad depth") << QStringList{"crawl", "http://127.0.0.1:9/", "--depth", "many"} << "--depth wants";
        QTest::newRow("bad format") << QStringList{"crawl", "http://127.0.0.1:9/", "--format", "xml"}
                                    << "--format wants";
        QTest::newRow("bad regex") << QStringList{"crawl", "http://127.0.0.1:9/", "--exclude", "(["}
                                   << "--exclude pattern";
        QTest::newRow("not http") << QStringList{"crawl", "ftp://127.0.0.1/"} << "not an http";
        QTest::newRow("unknown option") << QStringList{"crawl", "http://127.0.0.1:9/", "--fast"} << "Unknown option";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const PingscopeRun run = runPingscope(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }

    void helpAndUsage()
    {
        const PingscopeRun help = runPingscope({QStringLiteral("crawl"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith("Usage: pingscope crawl [options] URL..."));
        QVERIFY(help.out.contains("--profile-out"));
        const PingscopeRun usage = runPingscope({QStringLiteral("--help")});
        QVERIFY(usage.out.contains("  crawl URL..."));
    }

    void interruptReportsWhatWasFound()
    {
        TestSite site;
        QVERIFY(site.listen());
        QList<QByteArray> links;
        for (int i = 0; i < 20; ++i) {
            links.append("/slow/" + QByteArray::number(i));
            site.set(links.last(), TestSite::Page{200, pageLinking({}), "text/html", {}, 1000ms});
        }
        site.html("/", pageLinking(links));
        PingscopeProcess process(crawlArguments(site.url(), {QStringLiteral("--no-robots")}));
        QVERIFY(process.waitUntil([&site] { return site.hits().size() >= 3; }, 10000));
        const qint64 exitedAfter = process.signalAndTimeExit(SIGINT, 5000);
        QVERIFY2(exitedAfter >= 0 && exitedAfter < 1000, qPrintable(QString::number(exitedAfter)));
        QCOMPARE(process.exitCode(), 130);
        QVERIFY2(process.out().contains("(cancelled)."), process.out().constData());
    }

    void progressLineOnATerminal()
    {
        TestSite site;
        QVERIFY(site.listen());
        QList<QByteArray> links;
        for (int i = 0; i < 5; ++i) {
            links.append("/p/" + QByteArray::number(i));
            site.set(links.last(), TestSite::Page{200, pageLinking({}), "text/html", {}, 300ms});
        }
        site.html("/", pageLinking(links));
        // script(1) runs the command on a pseudo-terminal, so that stderr is one.
        QProcess script;
        const QString command = QStringLiteral("'%1' crawl '%2' --interval 0 --per-host 1 --format json >/dev/null")
                                    .arg(qEnvironmentVariable("PINGSCOPE_EXECUTABLE"), site.url());
        script.start(QStringLiteral("script"), {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
        QVERIFY(script.waitForStarted(5000));
        QEventLoop loop;
        connect(&script, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(script.exitCode(), 0);
        const QByteArray terminal = script.readAllStandardOutput();
        QVERIFY2(terminal.contains("checked · "), terminal.constData());
        QVERIFY2(terminal.contains("pages "), terminal.constData());
        QVERIFY(terminal.endsWith("\r\x1b[K")); // and the line is cleared at the end
    }
};

QTEST_GUILESS_MAIN(TestCrawlCommand)
#include "tst_crawlcommand.moc"
