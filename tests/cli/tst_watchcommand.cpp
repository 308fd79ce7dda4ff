#include "MetricsPage.h"
#include "PingscopeProcess.h"
#include "ScriptedHttpServer.h"
#include "TestCertificates.h"
#include "TestFiles.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

namespace {

QString tcpTarget(const QTcpServer &server)
{
    return QStringLiteral("tcp://127.0.0.1:%1").arg(server.serverPort());
}

// A port nothing listens on: taken from the kernel, then given back.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

QJsonObject parseObject(const QByteArray &line)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

// The keys of a JSON object's text in the order written (QJsonObject sorts them).
QStringList keysInOrder(const QByteArray &json)
{
    QStringList keys;
    int depth = 0;
    static const QRegularExpression key(QStringLiteral("^\"([a-z0-9_]+)\":"));
    const QString text = QString::fromUtf8(json);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('{'))
            ++depth;
        else if (c == QLatin1Char('}'))
            --depth;
        else if (depth == 1 && c == QLatin1Char('"')) {
            const auto match = key.match(text.mid(i));
            if (match.hasMatch()) {
                keys << match.captured(1);
                i += match.capturedLength() - 1;
            }
        }
    }
    return keys;
}

} // namespace

class TestWatchCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("PINGSCOPE_EXECUTABLE"))); }

    void summaryHasTheExactShape()
    {
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        ScriptedHttpServer http;
        QVERIFY(http.listen());
        http.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(200, "OK", "hello")));

        QStringList arguments{QStringLiteral("watch"),      QStringLiteral("--interval"), QStringLiteral("0.5"),
                              QStringLiteral("--duration"), QStringLiteral("2"),          QStringLiteral("--summary"),
                              QStringLiteral("--log"),      QStringLiteral("none")};
        for (int i = 0; i < 20; ++i)
            arguments << tcpTarget(tcp);
        for (int i = 0; i < 5; ++i)
            arguments << http.url(QStringLiteral("/health"));
        const PingscopeRun run = runPingscope(arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.elapsedMs < 6000, qPrintable(QString::number(run.elapsedMs)));

        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1); // --log none: the summary alone
        const QByteArray line = lines.constLast();
        QCOMPARE(keysInOrder(line),
                 QStringList({"duration_s", "endpoints", "probes_due", "probes_done", "probes_failed", "probes_skipped",
                              "probes_cancelled", "lateness_ms", "latency_ms", "cpu_seconds", "peak_rss_mb"}));
        const QJsonObject summary = parseObject(line);
        QVERIFY2(!summary.isEmpty(), line.constData());
        const double duration = summary.value("duration_s").toDouble();
        QVERIFY2(duration >= 1.99 && duration < 3.0, qPrintable(QString::number(duration)));
        QCOMPARE(summary.value("endpoints").toInt(), 25);

        // Every run due ends done, skipped or cancelled: nothing is left in flight at exit. At 0.5 s
        // over 2 s each endpoint comes due about four times (the first run is spread over 0.5 s).
        const int due = summary.value("probes_due").toInt();
        const int done = summary.value("probes_done").toInt();
        const int skipped = summary.value("probes_skipped").toInt();
        const int cancelled = summary.value("probes_cancelled").toInt();
        QCOMPARE(due, done + skipped + cancelled);
        QVERIFY2(done >= 25 * 3 && due <= 25 * 5, line.constData());
        QCOMPARE(summary.value("probes_failed").toInt(), 0);

        const QJsonObject lateness = summary.value("lateness_ms").toObject();
        QCOMPARE(lateness.keys(), QStringList({"p50", "p99"}));
        QVERIFY(lateness.value("p50").toDouble() >= 0);
        QVERIFY(lateness.value("p99").toDouble() >= lateness.value("p50").toDouble());

        const QJsonObject latency = summary.value("latency_ms").toObject();
        QCOMPARE(latency.keys(), QStringList({"http", "tcp"})); // only the kinds present
        int counted = 0;
        for (const QString &kind : latency.keys()) {
            const QJsonObject figures = latency.value(kind).toObject();
            QCOMPARE(figures.keys(), QStringList({"count", "p50", "p99"}));
            QVERIFY(figures.value("p50").toDouble() > 0);
            QVERIFY(figures.value("p99").toDouble() >= figures.value("p50").toDouble());
            QVERIFY2(figures.value("p99").toDouble() < 1000, line.constData()); // loopback
            counted += figures.value("count").toInt();
        }
        QCOMPARE(counted, done); // every probe that answered, each once
        QVERIFY(latency.value("http").toObject().value("count").toInt() >= 5 * 3);

        QVERIFY(summary.value("cpu_seconds").toDouble() > 0);
        const double rss = summary.value("peak_rss_mb").toDouble();
        QVERIFY2(rss > 1 && rss < 4096, qPrintable(QString::number(rss)));
    }

    void summaryCountsFailures()
    {
        const PingscopeRun run = runPingscope(
            {QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("0.5"), QStringLiteral("--duration"),
             QStringLiteral("1.2"), QStringLiteral("--summary"), QStringLiteral("--log"), QStringLiteral("none"),
             QStringLiteral("tcp://127.0.0.1:%1").arg(closedPort())});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject summary = parseObject(run.out.trimmed().split('\n').constLast());
        QVERIFY(summary.value("probes_done").toInt() >= 2);
        QCOMPARE(summary.value("probes_failed").toInt(), summary.value("probes_done").toInt());
        QCOMPARE(summary.value("latency_ms").toObject(), QJsonObject()); // only answers have a latency
    }

    void logLinesPerStatusChange_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("json") << QStringLiteral("json");
        QTest::newRow("text") << QStringLiteral("text");
    }

    void logLinesPerStatusChange()
    {
        QFETCH(QString, format);
        auto tcp = std::make_unique<QTcpServer>();
        QVERIFY(tcp->listen(QHostAddress::LocalHost, 0));
        const quint16 port = tcp->serverPort();
        QTemporaryDir dir;
        const QString profile
            = writeTestFile(dir, QStringLiteral("p.json"),
                            QStringLiteral("{\"pingscope_profile\": 1, \"defaults\": {\"interval_s\": 0.5},"
                                           " \"endpoints\": [{\"name\": \"db\", \"target\": \"%1\","
                                           " \"failure_threshold\": 1}]}")
                                .arg(tcpTarget(*tcp))
                                .toUtf8());
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        PingscopeProcess process(
            {QStringLiteral("watch"), QStringLiteral("--profile"), profile, QStringLiteral("--log"), format});
        QVERIFY(process.waitUntil([&] { return process.outLines().size() >= 1; }, 10000));
        tcp.reset(); // the port closes: the next probe is refused, and the endpoint goes down
        QVERIFY(process.waitUntil([&] { return process.outLines().size() >= 2; }, 10000));
        QTest::qWait(700); // a further refused probe changes nothing, so prints nothing
        QCOMPARE(process.signalAndTimeExit(SIGTERM, 5000) >= 0, true);
        QCOMPARE(process.exitCode(), 130);

        const QList<QByteArray> lines = process.outLines();
        QCOMPARE(lines.size(), 2);
        if (format == QLatin1String("json")) {
            const QJsonObject up = parseObject(lines.at(0));
            QCOMPARE(QStringList(up.keys()),
                     QStringList(
                         {"degraded_reason", "error", "from", "kind", "latency_ms", "name", "target", "time", "to"}));
            QCOMPARE(up.value("name").toString(), QStringLiteral("db"));
            QCOMPARE(up.value("target").toString(), QStringLiteral("tcp://127.0.0.1:%1").arg(port));
            QCOMPARE(up.value("kind").toString(), QStringLiteral("tcp"));
            QCOMPARE(up.value("from").toString(), QStringLiteral("unknown"));
            QCOMPARE(up.value("to").toString(), QStringLiteral("up"));
            QVERIFY(up.value("latency_ms").toDouble() > 0);
            QVERIFY(up.value("error").isNull());
            QVERIFY(up.value("degraded_reason").isNull());
            const QDateTime time = QDateTime::fromString(up.value("time").toString(), Qt::ISODateWithMs);
            QVERIFY(time >= before && time <= QDateTime::currentDateTimeUtc());

            const QJsonObject down = parseObject(lines.at(1));
            QCOMPARE(down.value("from").toString(), QStringLiteral("up"));
            QCOMPARE(down.value("to").toString(), QStringLiteral("down"));
            QVERIFY(down.value("latency_ms").isNull());
            QCOMPARE(down.value("error").toObject().value("kind").toString(), QStringLiteral("refused"));
            QVERIFY(!down.value("error").toObject().value("message").toString().isEmpty());
        } else {
            const QString target = QStringLiteral("tcp://127.0.0.1:%1").arg(port);
            const QRegularExpression up(QStringLiteral("^\\S+Z  db \\(%1\\)  unknown -> up  [0-9.]+ ms$")
                                            .arg(QRegularExpression::escape(target)));
            QVERIFY2(up.match(QString::fromUtf8(lines.at(0))).hasMatch(), lines.at(0).constData());
            const QRegularExpression down(QStringLiteral("^\\S+Z  db \\(%1\\)  up -> down  refused: .+$")
                                              .arg(QRegularExpression::escape(target)));
            QVERIFY2(down.match(QString::fromUtf8(lines.at(1))).hasMatch(), lines.at(1).constData());
        }
    }

    void metricsPage()
    {
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        ScriptedHttpServer http;
        QVERIFY(http.listen());
        http.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(503, "Unavailable", "busy")));
        QTemporaryDir dir;
        // Names and tags with the characters a label value must escape.
        const QString profile = writeTestFile(
            dir, QStringLiteral("p.json"),
            QStringLiteral("{\"pingscope_profile\": 1, \"defaults\": {\"interval_s\": 0.5}, \"endpoints\": ["
                           "{\"name\": \"db \\\"main\\\" \\\\ 1\", \"target\": \"%1\", \"tags\": [\"prod\", \"eu\"]},"
                           "{\"name\": \"web\", \"target\": \"%2\", \"failure_threshold\": 1},"
                           "{\"name\": \"gone\", \"target\": \"tcp://127.0.0.1:%3\", \"failure_threshold\": 1},"
                           "{\"name\": \"new\", \"target\": \"tcp://127.0.0.1:%3\", \"failure_threshold\": 100}]}")
                .arg(tcpTarget(tcp), http.url(QStringLiteral("/health")))
                .arg(closedPort())
                .toUtf8());
        PingscopeProcess process({QStringLiteral("watch"), QStringLiteral("--profile"), profile,
                                  QStringLiteral("--log"), QStringLiteral("none"), QStringLiteral("--metrics-listen"),
                                  QStringLiteral(":0")});
        QVERIFY(process.waitUntil([&] { return announcedMetricsPort(process.err()) != 0; }, 10000));
        const quint16 port = announcedMetricsPort(process.err());
        // Two rounds at 0.5 s: every endpoint has a status by then.
        process.waitUntil([] { return false; }, 1300);

        const QByteArray answer = httpGet(port, "/metrics");
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY2(answer.toLower().contains("content-type: text/plain; version=0.0.4"), answer.constData());
        const QByteArray body = httpBodyOf(answer);
        const MetricsPage page = MetricsPage::parse(body);
        QVERIFY2(page.isValid(),
                 qPrintable(page.problems().join(QLatin1Char('\n')) + QLatin1Char('\n') + QString::fromUtf8(body)));

        const QMap<QString, QString> types = page.types();
        QCOMPARE(types.value("pingscope_up"), QStringLiteral("gauge"));
        QCOMPARE(types.value("pingscope_probe_success"), QStringLiteral("gauge"));
        QCOMPARE(types.value("pingscope_failing"), QStringLiteral("gauge"));
        QCOMPARE(types.value("pingscope_probe_duration_seconds"), QStringLiteral("gauge"));
        QCOMPARE(types.value("pingscope_http_status_code"), QStringLiteral("gauge"));
        QCOMPARE(types.value("pingscope_cert_expiry_timestamp_seconds"), QStringLiteral("gauge"));
        QCOMPARE(types.value("pingscope_icmp_packet_loss_ratio"), QStringLiteral("gauge"));
        QCOMPARE(types.value("pingscope_probes_total"), QStringLiteral("counter"));
        QCOMPARE(types.value("pingscope_scheduler_lateness_seconds"), QStringLiteral("histogram"));
        QCOMPARE(types.value("pingscope_probes_in_flight"), QStringLiteral("gauge"));

        const QMap<QString, QString> db{
            {"endpoint", "db \"main\" \\ 1"}, {"target", tcpTarget(tcp)}, {"kind", "tcp"}, {"tags", "prod,eu"}};
        const QMap<QString, QString> web{{"endpoint", "web"}, {"kind", "http"}, {"tags", ""}};
        const QMap<QString, QString> gone{{"endpoint", "gone"}};
        QCOMPARE(page.value("pingscope_up", db), std::optional<double>(1));
        QCOMPARE(page.value("pingscope_probe_success", db), std::optional<double>(1));
        QCOMPARE(page.value("pingscope_up", web), std::optional<double>(0)); // 503 is down
        QCOMPARE(page.value("pingscope_probe_success", web), std::optional<double>(0));
        QCOMPARE(page.value("pingscope_http_status_code", web), std::optional<double>(503));
        QCOMPARE(page.value("pingscope_up", gone), std::optional<double>(0));
        // Failing below its threshold, never answered: failing, and no verdict to give as pingscope_up.
        const QMap<QString, QString> fresh{{"endpoint", "new"}};
        QCOMPARE(page.value("pingscope_failing", fresh), std::optional<double>(1));
        QVERIFY(!page.value("pingscope_up", fresh));
        QCOMPARE(page.value("pingscope_failing", gone), std::optional<double>(0));
        QCOMPARE(page.value("pingscope_failing", db), std::optional<double>(0));
        QVERIFY(!page.value("pingscope_http_status_code", db)); // tcp has no HTTP status

        auto withPhase = [](QMap<QString, QString> labels, const QString &phase) {
            labels.insert(QStringLiteral("phase"), phase);
            return labels;
        };
        const auto total = page.value("pingscope_probe_duration_seconds", withPhase(db, "total"));
        QVERIFY(total && *total > 0 && *total < 1);
        QVERIFY(page.value("pingscope_probe_duration_seconds", withPhase(db, "connect")));
        QVERIFY(page.value("pingscope_probe_duration_seconds", withPhase(web, "ttfb")));
        QVERIFY(!page.value("pingscope_probe_duration_seconds", withPhase(db, "ttfb"))); // only its phases

        auto withResult = [](QMap<QString, QString> labels, const QString &result) {
            labels.insert(QStringLiteral("result"), result);
            return labels;
        };
        QVERIFY(page.value("pingscope_probes_total", withResult(db, "up")).value_or(0) >= 2);
        QCOMPARE(page.value("pingscope_probes_total", withResult(db, "down")), std::optional<double>(0));
        QVERIFY(page.value("pingscope_probes_total", withResult(web, "down")).value_or(0) >= 2);
        QCOMPARE(page.samples("pingscope_probes_total").size(), 12); // three results for each of four

        const auto lateness = page.value("pingscope_scheduler_lateness_seconds_count");
        QVERIFY(lateness && *lateness >= 6);
        QVERIFY(page.value("pingscope_scheduler_lateness_seconds_sum"));
        QCOMPARE(page.samples("pingscope_scheduler_lateness_seconds_bucket").size(), 14);
        const auto inFlight = page.value("pingscope_probes_in_flight");
        QVERIFY(inFlight && *inFlight >= 0 && *inFlight <= 3);

        const QByteArray other = httpGet(port, "/other");
        QVERIFY2(other.startsWith("HTTP/1.1 404"), other.constData());

        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (!promtool.isEmpty()) {
            QProcess check;
            check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
            check.write(body);
            check.closeWriteChannel();
            QVERIFY(check.waitForFinished(20000));
            QVERIFY2(check.exitCode() == 0, (check.readAllStandardOutput() + check.readAllStandardError()).constData());
        } else {
            qWarning("promtool is not installed: the page was checked by MetricsPage only");
        }

        QVERIFY(process.signalAndTimeExit(SIGTERM, 5000) >= 0);
        QCOMPARE(process.exitCode(), 130);
    }

    void metricsOfCertificatesAndPings()
    {
        TestCertificates certificates;
        if (!certificates.isValid())
            QSKIP(qPrintable(QStringLiteral("cannot make test certificates: ") + certificates.error()));
        ScriptedHttpServer https;
        QVERIFY(https.listenTls(certificates.certificateFile(TestCertificates::Leaf::Good),
                                certificates.keyFile(TestCertificates::Leaf::Good)));
        https.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(200, "OK", "ok")));
        QTemporaryDir dir;
        const QString profile = writeTestFile(
            dir, QStringLiteral("p.json"),
            QStringLiteral("{\"pingscope_profile\": 1, \"defaults\": {\"interval_s\": 0.5}, \"endpoints\": ["
                           "{\"name\": \"site\", \"target\": \"%1\", \"http\": {\"ca_file\": \"%2\"}},"
                           "{\"name\": \"host\", \"target\": \"icmp://127.0.0.1\", \"icmp\": {\"count\": 2, "
                           "\"interval_ms\": 10}}]}")
                .arg(https.url(), certificates.caFile())
                .toUtf8());
        PingscopeProcess process({QStringLiteral("watch"), QStringLiteral("--profile"), profile,
                                  QStringLiteral("--log"), QStringLiteral("none"), QStringLiteral("--metrics-listen"),
                                  QStringLiteral("127.0.0.1:0")});
        QVERIFY(process.waitUntil([&] { return announcedMetricsPort(process.err()) != 0; }, 10000));
        process.waitUntil([] { return false; }, 1300);
        const MetricsPage page
            = MetricsPage::parse(httpBodyOf(httpGet(announcedMetricsPort(process.err()), "/metrics")));
        QVERIFY2(page.isValid(), qPrintable(page.problems().join(QLatin1Char('\n'))));
        QVERIFY(process.signalAndTimeExit(SIGINT, 5000) >= 0);

        const QMap<QString, QString> site{{"endpoint", "site"}};
        QCOMPARE(page.value("pingscope_probe_success", site), std::optional<double>(1));
        QCOMPARE(page.value("pingscope_http_status_code", site), std::optional<double>(200));
        const auto expiry = page.value("pingscope_cert_expiry_timestamp_seconds", site);
        const double now = double(QDateTime::currentSecsSinceEpoch());
        QVERIFY(expiry && *expiry > now + 86400 && *expiry < now + 20 * 365 * 86400.0);
        QVERIFY(page.value("pingscope_probe_duration_seconds", {{"endpoint", "site"}, {"phase", "tls"}}));

        const QMap<QString, QString> host{{"endpoint", "host"}, {"kind", "icmp"}};
        if (page.value("pingscope_probe_success", host) == std::optional<double>(0))
            QSKIP("this machine does not let unprivileged processes ping (net.ipv4.ping_group_range)");
        QCOMPARE(page.value("pingscope_icmp_packet_loss_ratio", host), std::optional<double>(0));
        QVERIFY(!page.value("pingscope_icmp_packet_loss_ratio", site));
    }

    void metricsListenProblemsExitTwo()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        const PingscopeRun busy = runPingscope({QStringLiteral("watch"), QStringLiteral("--metrics-listen"),
                                                QStringLiteral("127.0.0.1:%1").arg(taken.serverPort()),
                                                QStringLiteral("tcp://127.0.0.1:1")});
        QCOMPARE(busy.exitCode, 2);
        QVERIFY2(busy.err.contains("cannot listen on 127.0.0.1:"), busy.err.constData());
    }

    void helpNamesTheOptions()
    {
        const PingscopeRun run = runPingscope({QStringLiteral("watch"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *option : {"--profile", "--interval", "--timeout", "--concurrency", "--insecure", "--log",
                                   "--metrics-listen", "--duration", "--summary", "--shard", "--label", "--web-config"})
            QVERIFY2(run.out.contains(option), option);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("nothing to watch");
        QTest::newRow("bad log") << QStringList{QStringLiteral("--log"), QStringLiteral("xml"),
                                                QStringLiteral("tcp://127.0.0.1:1")}
                                 << QStringLiteral("--log");
        QTest::newRow("bad duration") << QStringList{QStringLiteral("--duration"), QStringLiteral("0"),
                                                     QStringLiteral("tcp://127.0.0.1:1")}
                                      << QStringLiteral("--duration");
        QTest::newRow("bad interval") << QStringList{QStringLiteral("--interval"), QStringLiteral("often"),
                                                     QStringLiteral("tcp://127.0.0.1:1")}
                                      << QStringLiteral("--interval");
        QTest::newRow("bad listen") << QStringList{QStringLiteral("--metrics-listen"), QStringLiteral("here:port"),
                                                   QStringLiteral("tcp://127.0.0.1:1")}
                                    << QStringLiteral("--metrics-listen");
        QTest::newRow("bad target") << QStringList{QStringLiteral("icmp://")} << QStringLiteral("icmp://");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const PingscopeRun run = runPingscope(QStringList{QStringLiteral("watch")} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }

    void signalStopsCleanlyMidProbe_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGINT") << SIGINT;
        QTest::newRow("SIGTERM") << SIGTERM;
    }

    void signalStopsCleanlyMidProbe()
    {
        QFETCH(int, signalNumber);
        ScriptedHttpServer silent;
        QVERIFY(silent.listen());
        silent.setHandler(ScriptedHttpServer::silent());
        PingscopeProcess process({QStringLiteral("watch"), QStringLiteral("--timeout"), QStringLiteral("20000"),
                                  QStringLiteral("--interval"), QStringLiteral("0.5"), QStringLiteral("--summary"),
                                  silent.url(QStringLiteral("/hang"))});
        QVERIFY(process.waitUntil([&] { return !silent.requests().isEmpty(); }, 10000));
        const qint64 exitMs = process.signalAndTimeExit(signalNumber, 5000);
        qInfo("exit %lld ms after the signal", exitMs);
        QVERIFY2(exitMs >= 0 && exitMs < 500 + 500, qPrintable(QString::number(exitMs))); // 500 ms + slack
        QCOMPARE(process.exitCode(), 130);
        const QJsonObject summary = parseObject(process.outLines().value(process.outLines().size() - 1));
        QVERIFY2(!summary.isEmpty(), process.out().constData());
        QCOMPARE(summary.value("probes_done").toInt(), 0);
        QVERIFY(summary.value("probes_cancelled").toInt() >= 1); // the hanging probe
        QCOMPARE(summary.value("probes_due").toInt(),
                 summary.value("probes_cancelled").toInt() + summary.value("probes_skipped").toInt());
    }
};

QTEST_GUILESS_MAIN(TestWatchCommand)
#include "tst_watchcommand.moc"
