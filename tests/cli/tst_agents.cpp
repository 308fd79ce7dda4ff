#include "BcryptHash.h"
#include "MetricsPage.h"
#include "PingscopeProcess.h"
#include "TestCertificates.h"
#include "TestFiles.h"
#include "cli/Shard.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

// pingscope watch as an agent of a fleet: --shard, --label, --web-config and the reload on SIGHUP,
// run as the real executable.
namespace {

MetricsPage pageOf(quint16 port)
{
    return MetricsPage::parse(httpBodyOf(httpGet(port, "/metrics")));
}

// A profile of tcp endpoints, each named after its id, probed every 0.5 s.
QByteArray profileOf(const QList<std::pair<QString, QString>> &idsAndTargets)
{
    QByteArray endpoints;
    for (const auto &[id, target] : idsAndTargets) {
        if (!endpoints.isEmpty())
            endpoints += ',';
        endpoints += "{\"id\": \"" + id.toUtf8() + "\", \"name\": \"" + id.toUtf8() + "\", \"target\": \""
            + target.toUtf8() + "\"}";
    }
    return "{\"pingscope_profile\": 1, \"defaults\": {\"interval_s\": 0.5}, \"endpoints\": [" + endpoints + "]}";
}

QSet<QString> endpointsOn(const MetricsPage &page)
{
    QSet<QString> names;
    for (const MetricsPage::Sample &sample : page.samples(QStringLiteral("pingscope_probes_total")))
        names.insert(sample.labels.value(QStringLiteral("endpoint")));
    return names;
}

struct Curl
{
    QByteArray code; // the HTTP status, "000" when nothing answered
    QByteArray headers;
};

Curl curl(const QStringList &arguments)
{
    QTemporaryDir dir;
    QProcess process;
    process.start(QStringLiteral("curl"),
                  QStringList{QStringLiteral("-s"), QStringLiteral("--max-time"), QStringLiteral("10"),
                              QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-D"),
                              dir.filePath(QStringLiteral("h")), QStringLiteral("-w"), QStringLiteral("%{http_code}")}
                      + arguments);
    if (!process.waitForFinished(15000))
        return {};
    QFile headers(dir.filePath(QStringLiteral("h")));
    headers.open(QIODevice::ReadOnly);
    return {process.readAllStandardOutput(), headers.readAll()};
}

} // namespace

class TestAgents : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("PINGSCOPE_EXECUTABLE"))); }

    // Three agents given one profile and the shards 1/3, 2/3, 3/3 probe every endpoint exactly once,
    // each the ones Shard assigns it.
    void shardsShareAProfile()
    {
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        QList<std::pair<QString, QString>> endpoints;
        for (int i = 0; i < 30; ++i)
            endpoints.append(
                {QStringLiteral("ep-%1").arg(i), QStringLiteral("tcp://127.0.0.1:%1").arg(tcp.serverPort())});
        QTemporaryDir dir;
        const QString profile = writeTestFile(dir, QStringLiteral("p.json"), profileOf(endpoints));

        std::vector<std::unique_ptr<PingscopeProcess>> agents;
        for (int k = 1; k <= 3; ++k) {
            agents.push_back(std::make_unique<PingscopeProcess>(
                QStringList{QStringLiteral("watch"), QStringLiteral("--profile"), profile, QStringLiteral("--log"),
                            QStringLiteral("none"), QStringLiteral("--metrics-listen"), QStringLiteral(":0"),
                            QStringLiteral("--shard"), QStringLiteral("%1/3").arg(k)}));
        }
        QSet<QString> all;
        for (int k = 1; k <= 3; ++k) {
            PingscopeProcess &agent = *agents.at(std::size_t(k - 1));
            QVERIFY2(agent.waitUntil([&] { return announcedMetricsPort(agent.err()) != 0; }, 10000),
                     agent.err().constData());
            const MetricsPage page = pageOf(announcedMetricsPort(agent.err()));
            QVERIFY2(page.isValid(), qPrintable(page.problems().join(QLatin1Char('\n'))));
            const QSet<QString> mine = endpointsOn(page);
            QSet<QString> expected;
            for (const auto &endpoint : endpoints) {
                if (Shard::shardOf(endpoint.first, 3) == k)
                    expected.insert(endpoint.first);
            }
            QCOMPARE(mine, expected);
            QVERIFY(!mine.isEmpty());
            QVERIFY(!all.intersects(mine));
            all.unite(mine);
        }
        QCOMPARE(all.size(), 30);
        for (const auto &agent : agents) {
            QVERIFY(agent->signalAndTimeExit(SIGTERM, 5000) >= 0);
            QCOMPARE(agent->exitCode(), 130);
        }
    }

    // Targets typed on the command line are split alike by every agent: their ids are derived, not random.
    void shardsSplitTargetsAlike()
    {
        QStringList targets;
        for (int i = 1; i <= 12; ++i)
            targets << QStringLiteral("tcp://127.0.0.1:%1").arg(i);
        QSet<QString> all;
        for (int k = 1; k <= 2; ++k) {
            for (int run = 0; run < 2; ++run) {
                const PingscopeRun watch = runPingscope(
                    QStringList{QStringLiteral("watch"), QStringLiteral("--shard"), QStringLiteral("%1/2").arg(k),
                                QStringLiteral("--duration"), QStringLiteral("0.5"), QStringLiteral("--summary"),
                                QStringLiteral("--log"), QStringLiteral("none")}
                    + targets);
                QCOMPARE(watch.exitCode, 0);
                static const QRegularExpression count(QStringLiteral("\"endpoints\":\\s*(\\d+)"));
                const auto match = count.match(QString::fromUtf8(watch.out));
                QVERIFY2(match.hasMatch(), watch.out.constData());
                all.insert(QStringLiteral("%1:%2").arg(k).arg(match.captured(1)));
            }
        }
        // Two runs of one shard agree, and the two shards together hold all twelve.
        QCOMPARE(all.size(), 2);
        int total = 0;
        for (const QString &entry : std::as_const(all))
            total += entry.section(QLatin1Char(':'), 1).toInt();
        QCOMPARE(total, 12);
    }

    void labelsOnEverySeries()
    {
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        PingscopeProcess process(
            {QStringLiteral("watch"), QStringLiteral("--log"), QStringLiteral("none"), QStringLiteral("--interval"),
             QStringLiteral("0.5"), QStringLiteral("--metrics-listen"), QStringLiteral("0"), QStringLiteral("--label"),
             QStringLiteral("site=office"), QStringLiteral("--label"), QStringLiteral("note=a \"quoted\" \\ value"),
             QStringLiteral("tcp://127.0.0.1:%1").arg(tcp.serverPort())});
        QVERIFY(process.waitUntil([&] { return announcedMetricsPort(process.err()) != 0; }, 10000));
        process.waitUntil([] { return false; }, 800);
        const QByteArray answer = httpGet(announcedMetricsPort(process.err()), "/metrics");
        const QByteArray body = httpBodyOf(answer);
        const MetricsPage page = MetricsPage::parse(body);
        QVERIFY2(page.isValid(), qPrintable(page.problems().join(QLatin1Char('\n'))));
        int samples = 0;
        const auto types = page.types();
        for (auto type = types.cbegin(); type != types.cend(); ++type) {
            QStringList names{type.key()};
            if (type.value() == QLatin1String("histogram"))
                names = {type.key() + QStringLiteral("_bucket"), type.key() + QStringLiteral("_sum"),
                         type.key() + QStringLiteral("_count")};
            for (const QString &name : names) {
                for (const MetricsPage::Sample &sample : page.samples(name)) {
                    ++samples;
                    QCOMPARE(sample.labels.value(QStringLiteral("site")), QStringLiteral("office"));
                    QCOMPARE(sample.labels.value(QStringLiteral("note")), QStringLiteral("a \"quoted\" \\ value"));
                }
            }
        }
        QVERIFY(samples >= 20); // the endpoint's series and the process's
        QVERIFY(page.value(QStringLiteral("pingscope_probes_in_flight"), {{"site", "office"}}));

        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus): the page was checked by MetricsPage only");
        QProcess check;
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        check.write(body);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(20000));
        QVERIFY2(check.exitCode() == 0, (check.readAllStandardOutput() + check.readAllStandardError()).constData());
        QVERIFY(process.signalAndTimeExit(SIGTERM, 5000) >= 0);
    }

    // TLS with the web configuration's certificate, and its users only: the right password gets the
    // page, a wrong one or none gets 401 with a challenge, plain HTTP gets nothing.
    void webConfigTlsAndBasicAuth()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        TestCertificates certificates;
        QVERIFY2(certificates.isValid(), qPrintable(certificates.error()));
        QTemporaryDir dir;
        const QString config = writeTestFile(
            dir, QStringLiteral("web.yml"),
            "tls_server_config:\n  cert_file: " + certificates.certificateFile(TestCertificates::Leaf::Good).toUtf8()
                + "\n  key_file: " + certificates.keyFile(TestCertificates::Leaf::Good).toUtf8()
                + "\nbasic_auth_users:\n  prometheus: " + bcryptHash("scrape-me") + "\n");
        PingscopeProcess process({QStringLiteral("watch"), QStringLiteral("--log"), QStringLiteral("none"),
                                  QStringLiteral("--metrics-listen"), QStringLiteral(":0"),
                                  QStringLiteral("--web-config"), config, QStringLiteral("tcp://127.0.0.1:1")});
        QVERIFY2(process.waitUntil([&] { return announcedMetricsPort(process.err()) != 0; }, 10000),
                 process.err().constData());
        QVERIFY2(process.err().contains("metrics at https://127.0.0.1:"), process.err().constData());
        const QString url = QStringLiteral("https://127.0.0.1:%1/metrics").arg(announcedMetricsPort(process.err()));
        const QStringList tls{QStringLiteral("--cacert"), certificates.caFile(), url};

        const Curl right = curl(QStringList{QStringLiteral("-u"), QStringLiteral("prometheus:scrape-me")} + tls);
        QCOMPARE(right.code, QByteArray("200"));
        QVERIFY2(right.headers.toLower().contains("content-type: text/plain; version=0.0.4"),
                 right.headers.constData());
        const Curl again = curl(QStringList{QStringLiteral("-u"), QStringLiteral("prometheus:scrape-me")} + tls);
        QCOMPARE(again.code, QByteArray("200"));

        for (const QString &credentials : {QStringLiteral("prometheus:wrong"), QStringLiteral("other:scrape-me")}) {
            const Curl wrong = curl(QStringList{QStringLiteral("-u"), credentials} + tls);
            QCOMPARE(wrong.code, QByteArray("401"));
            QVERIFY2(wrong.headers.contains("WWW-Authenticate: Basic realm=\"pingscope\""), wrong.headers.constData());
        }
        QCOMPARE(curl(tls).code, QByteArray("401"));
        // Plain HTTP to the TLS port: no page.
        const Curl plain
            = curl({QStringLiteral("http://127.0.0.1:%1/metrics").arg(announcedMetricsPort(process.err()))});
        QVERIFY2(plain.code != "200", plain.code.constData());

        // SIGHUP reads the file again: another password from then on.
        writeTestFile(dir, QStringLiteral("web.yml"),
                      "tls_server_config:\n  cert_file: "
                          + certificates.certificateFile(TestCertificates::Leaf::Good).toUtf8()
                          + "\n  key_file: " + certificates.keyFile(TestCertificates::Leaf::Good).toUtf8()
                          + "\nbasic_auth_users:\n  prometheus: " + bcryptHash("renewed") + "\n");
        QVERIFY(process.sendSignal(SIGHUP));
        QVERIFY2(process.waitUntil([&] { return process.err().contains("reloaded " + config.toUtf8()); }, 5000),
                 process.err().constData());
        QCOMPARE(curl(QStringList{QStringLiteral("-u"), QStringLiteral("prometheus:scrape-me")} + tls).code,
                 QByteArray("401"));
        QCOMPARE(curl(QStringList{QStringLiteral("-u"), QStringLiteral("prometheus:renewed")} + tls).code,
                 QByteArray("200"));
        // One that would drop TLS is refused: a restart does that, not a reload.
        writeTestFile(dir, QStringLiteral("web.yml"), "basic_auth_users:\n  prometheus: " + bcryptHash("x") + "\n");
        QVERIFY(process.sendSignal(SIGHUP));
        QVERIFY(
            process.waitUntil([&] { return process.err().contains("reload of the web configuration failed"); }, 5000));
        QVERIFY2(process.err().contains("no longer has TLS: restart to serve plain HTTP"), process.err().constData());
        QCOMPARE(curl(QStringList{QStringLiteral("-u"), QStringLiteral("prometheus:renewed")} + tls).code,
                 QByteArray("200"));
        QVERIFY(process.signalAndTimeExit(SIGTERM, 5000) >= 0);
        QCOMPARE(process.exitCode(), 130);
    }

    // systemctl reload: a changed profile is applied, the unchanged endpoint keeps its counters; a
    // broken profile leaves the running one as it was.
    void sighupReloadsTheProfile()
    {
        QTcpServer first;
        QVERIFY(first.listen(QHostAddress::LocalHost, 0));
        QTcpServer second;
        QVERIFY(second.listen(QHostAddress::LocalHost, 0));
        const QString firstTarget = QStringLiteral("tcp://127.0.0.1:%1").arg(first.serverPort());
        const QString secondTarget = QStringLiteral("tcp://127.0.0.1:%1").arg(second.serverPort());
        QTemporaryDir dir;
        const QString profile
            = writeTestFile(dir, QStringLiteral("p.json"), profileOf({{"keep", firstTarget}, {"change", firstTarget}}));
        PingscopeProcess process({QStringLiteral("watch"), QStringLiteral("--profile"), profile,
                                  QStringLiteral("--log"), QStringLiteral("none"), QStringLiteral("--metrics-listen"),
                                  QStringLiteral(":0")});
        QVERIFY(process.waitUntil([&] { return announcedMetricsPort(process.err()) != 0; }, 10000));
        const quint16 port = announcedMetricsPort(process.err());
        const QMap<QString, QString> keepUp{{"endpoint", "keep"}, {"result", "up"}};
        // Several probes of keep first, so a reset counter would show.
        QVERIFY(process.waitUntil([&] { return pageOf(port).value("pingscope_probes_total", keepUp).value_or(0) >= 4; },
                                  10000));
        const double before = pageOf(port).value("pingscope_probes_total", keepUp).value_or(0);

        writeTestFile(dir, QStringLiteral("p.json"),
                      profileOf({{"keep", firstTarget}, {"change", secondTarget}, {"new", secondTarget}}));
        QVERIFY(process.sendSignal(SIGHUP));
        QVERIFY2(process.waitUntil([&] { return process.err().contains("reloaded"); }, 5000),
                 process.err().constData());
        QVERIFY2(process.err().contains(": 1 added, 1 changed, 0 removed, 1 unchanged"), process.err().constData());
        const MetricsPage page = pageOf(port);
        QCOMPARE(endpointsOn(page), QSet<QString>({"keep", "change", "new"}));
        QVERIFY(page.value("pingscope_probes_total", keepUp).value_or(0) >= before);
        QVERIFY(page.value("pingscope_up", {{"endpoint", "keep"}}));
        QVERIFY(process.waitUntil(
            [&] {
                return pageOf(port)
                    .value("pingscope_up", {{"endpoint", "change"}, {"target", secondTarget}})
                    .has_value();
            },
            5000));

        // A profile that does not read: the three go on.
        writeTestFile(dir, QStringLiteral("p.json"), "{\"pingscope_profile\": 1, \"endpoints\": [");
        QVERIFY(process.sendSignal(SIGHUP));
        QVERIFY(process.waitUntil([&] { return process.err().contains("reload failed"); }, 5000));
        QVERIFY2(process.err().contains("reload failed, still watching the profile as it was: " + profile.toUtf8()),
                 process.err().constData());
        QVERIFY(process.isRunning());
        QCOMPARE(endpointsOn(pageOf(port)), QSet<QString>({"keep", "change", "new"}));

        // And a removal.
        writeTestFile(dir, QStringLiteral("p.json"), profileOf({{"keep", firstTarget}}));
        QVERIFY(process.sendSignal(SIGHUP));
        QVERIFY(process.waitUntil(
            [&] { return process.err().contains(": 0 added, 0 changed, 2 removed, 1 unchanged"); }, 5000));
        QCOMPARE(endpointsOn(pageOf(port)), QSet<QString>({"keep"}));
        QVERIFY(process.signalAndTimeExit(SIGTERM, 5000) >= 0);
        QCOMPARE(process.exitCode(), 130);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString target = QStringLiteral("tcp://127.0.0.1:1");
        for (const char *shard : {"0/0", "3/2", "x", "1/0", "2"})
            QTest::newRow(shard) << QStringList{QStringLiteral("--shard"), QLatin1String(shard), target}
                                 << QStringLiteral("--shard wants K/N");
        QTest::newRow("label taken") << QStringList{QStringLiteral("--metrics-listen"), QStringLiteral("0"),
                                                    QStringLiteral("--label"), QStringLiteral("endpoint=x"), target}
                                     << QStringLiteral("--label endpoint: pingscope writes that label itself");
        QTest::newRow("label name") << QStringList{QStringLiteral("--metrics-listen"), QStringLiteral("0"),
                                                   QStringLiteral("--label"), QStringLiteral("my-site=x"), target}
                                    << QStringLiteral("--label wants NAME=VALUE");
        QTest::newRow("label no page") << QStringList{QStringLiteral("--label"), QStringLiteral("site=x"), target}
                                       << QStringLiteral("give --metrics-listen too");
        QTest::newRow("web config missing")
            << QStringList{QStringLiteral("--metrics-listen"), QStringLiteral("0"), QStringLiteral("--web-config"),
                           QStringLiteral("/nonexistent/web.yml"), target}
            << QStringLiteral("--web-config /nonexistent/web.yml: ");
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const PingscopeRun run = runPingscope(QStringList{QStringLiteral("watch")} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QCOMPARE(run.err.trimmed().count('\n'), 0); // one line
    }

    void badWebConfigExitsTwo()
    {
        QTemporaryDir dir;
        const QString config = writeTestFile(dir, QStringLiteral("web.yml"), "basic_auth_users: [\n");
        const PingscopeRun run
            = runPingscope({QStringLiteral("watch"), QStringLiteral("--metrics-listen"), QStringLiteral("0"),
                            QStringLiteral("--web-config"), config, QStringLiteral("tcp://127.0.0.1:1")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("pingscope watch: --web-config " + config.toUtf8() + ": yaml-cpp: error at line"),
                 run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestAgents)
#include "tst_agents.moc"
