#include "FakeDnsServer.h"
#include "PingscopeProcess.h"
#include "ScriptedHttpServer.h"
#include "TestCertificates.h"
#include "TestFiles.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <csignal>
#include <memory>

namespace {

QString tcpTarget(quint16 port)
{
    return QStringLiteral("tcp://127.0.0.1:%1").arg(port);
}

// A port nothing listens on: taken from the kernel, then given back.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

QJsonObject parseObject(const QByteArray &text)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

const QStringList resultKeys{"bytes",  "cert_expires", "degraded_reason", "elapsed_ms", "error",     "http_status",
                             "icmp",   "kind",         "latency_ms",      "name",       "phases_ms", "started",
                             "status", "target"};

} // namespace

class TestCheckCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("PINGSCOPE_EXECUTABLE"))); }

    void jsonFieldByField()
    {
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        ScriptedHttpServer http;
        QVERIFY(http.listen());
        http.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(200, "OK", "hello")));
        const quint16 refused = closedPort();
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);

        const PingscopeRun run
            = runPingscope({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
                            tcpTarget(tcp.serverPort()), tcpTarget(refused), http.url(QStringLiteral("/health"))});
        QCOMPARE(run.exitCode, 1); // one down
        const QJsonObject document = parseObject(run.out);
        QVERIFY2(!document.isEmpty(), run.out.constData());
        QCOMPARE(sorted(document.keys()), QStringList({"results", "summary"}));
        const QJsonArray results = document.value("results").toArray();
        QCOMPARE(results.size(), 3);
        for (const QJsonValue &value : results) {
            const QJsonObject result = value.toObject();
            for (const QString &key : resultKeys)
                QVERIFY2(result.contains(key), qPrintable(key));
            const QDateTime started = QDateTime::fromString(result.value("started").toString(), Qt::ISODateWithMs);
            QVERIFY(started.isValid());
            QVERIFY(started >= before && started <= QDateTime::currentDateTimeUtc());
            QVERIFY(result.value("cert_expires").isNull());
            QVERIFY(result.value("icmp").isNull());
            QVERIFY(result.value("degraded_reason").isNull());
        }

        // In the order given, each with its own figures.
        const QJsonObject up = results.at(0).toObject();
        QCOMPARE(up.value("name").toString(), tcpTarget(tcp.serverPort()));
        QCOMPARE(up.value("target").toString(), tcpTarget(tcp.serverPort()));
        QCOMPARE(up.value("kind").toString(), QStringLiteral("tcp"));
        QCOMPARE(up.value("status").toString(), QStringLiteral("up"));
        QVERIFY(up.value("latency_ms").toDouble() > 0 && up.value("latency_ms").toDouble() < 1000);
        QVERIFY(up.value("error").isNull());
        QVERIFY(up.value("http_status").isNull());
        QCOMPARE(up.value("bytes").toInt(), 0);
        const QJsonObject tcpPhases = up.value("phases_ms").toObject();
        QVERIFY(tcpPhases.contains("connect"));
        for (const QString &phase : tcpPhases.keys())
            QVERIFY2(phase == QLatin1String("dns") || phase == QLatin1String("connect"), qPrintable(phase));

        const QJsonObject down = results.at(1).toObject();
        QCOMPARE(down.value("target").toString(), tcpTarget(refused));
        QCOMPARE(down.value("status").toString(), QStringLiteral("down"));
        QVERIFY(down.value("latency_ms").isNull());
        const QJsonObject error = down.value("error").toObject();
        QCOMPARE(error.value("kind").toString(), QStringLiteral("refused"));
        QVERIFY(error.value("message").toString().contains(QString::number(refused)));

        const QJsonObject web = results.at(2).toObject();
        QCOMPARE(web.value("kind").toString(), QStringLiteral("http"));
        QCOMPARE(web.value("target").toString(), http.url(QStringLiteral("/health")));
        QCOMPARE(web.value("status").toString(), QStringLiteral("up"));
        QCOMPARE(web.value("http_status").toInt(), 200);
        QCOMPARE(web.value("bytes").toInt(), 5);
        const QJsonObject httpPhases = web.value("phases_ms").toObject();
        QVERIFY(httpPhases.contains("connect") && httpPhases.contains("ttfb"));
        QVERIFY(!httpPhases.contains("tls")); // plain http has no handshake
        QCOMPARE(http.requests().size(), 1); // probed once

        const QJsonObject summary = document.value("summary").toObject();
        QCOMPARE(summary.value("up").toInt(), 2);
        QCOMPARE(summary.value("degraded").toInt(), 0);
        QCOMPARE(summary.value("down").toInt(), 1);
        QVERIFY(summary.value("elapsed_ms").toDouble() > 0);
        QVERIFY(summary.value("elapsed_ms").toDouble() < double(run.elapsedMs));
    }

    void dnsAndIcmpKinds()
    {
        FakeDnsServer dns;
        QVERIFY(dns.listen());
        dns.addA(QStringLiteral("db.test"), QStringLiteral("127.0.0.9"));
        const QString dnsTarget = QStringLiteral("dns://db.test?type=A&server=%1").arg(dns.serverText());
        const PingscopeRun run = runPingscope({QStringLiteral("check"), QStringLiteral("--format"),
                                               QStringLiteral("json"), dnsTarget, QStringLiteral("icmp://127.0.0.1")});
        const QJsonArray results = parseObject(run.out).value("results").toArray();
        QCOMPARE(results.size(), 2);

        const QJsonObject name = results.at(0).toObject();
        QCOMPARE(name.value("kind").toString(), QStringLiteral("dns"));
        QCOMPARE(name.value("status").toString(), QStringLiteral("up"));
        QCOMPARE(name.value("phases_ms").toObject().keys(), QStringList({"dns"}));
        QVERIFY(name.value("icmp").isNull());
        QVERIFY(name.value("http_status").isNull());
        QCOMPARE(dns.queryCount(), 1);

        const QJsonObject ping = results.at(1).toObject();
        QCOMPARE(ping.value("kind").toString(), QStringLiteral("icmp"));
        if (ping.value("error").toObject().value("kind").toString() == QLatin1String("permission"))
            QSKIP("this machine does not let unprivileged processes ping (net.ipv4.ping_group_range)");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(ping.value("status").toString(), QStringLiteral("up"));
        const QJsonObject icmp = ping.value("icmp").toObject();
        QCOMPARE(icmp.value("sent").toInt(), 3); // the default count
        QCOMPARE(icmp.value("received").toInt(), 3);
        QCOMPARE(icmp.value("rtt_ms").toArray().size(), 3);
        for (const QJsonValue &rtt : icmp.value("rtt_ms").toArray())
            QVERIFY(rtt.toDouble() >= 0 && rtt.toDouble() < 1000);
        for (const QString &phase : ping.value("phases_ms").toObject().keys())
            QCOMPARE(phase, QStringLiteral("dns"));
    }

    void helpNamesTheOptions()
    {
        const PingscopeRun run = runPingscope({QStringLiteral("check"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *option : {"--profile", "--timeout", "--concurrency", "--insecure", "--format"})
            QVERIFY2(run.out.contains(option), option);
    }

    void exitZeroWhenAllUpAndPlainTextWhenPiped()
    {
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        const PingscopeRun run = runPingscope({QStringLiteral("check"), tcpTarget(tcp.serverPort())});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(tcpTarget(tcp.serverPort()).toUtf8()), run.out.constData());
        QVERIFY(run.out.contains("up"));
        QVERIFY2(!run.out.contains('\x1b'), run.out.constData()); // piped: no colour codes
        QVERIFY(run.err.isEmpty());
    }

    void areasLogOnlyWhenAskedTo()
    {
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        const QString target = tcpTarget(tcp.serverPort());
        qunsetenv("QT_LOGGING_RULES");
        const PingscopeRun quiet = runPingscope({QStringLiteral("check"), target});
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY2(!quiet.err.contains("pingscope."), quiet.err.constData());

        qputenv("QT_LOGGING_RULES", "pingscope.probe.debug=true");
        const PingscopeRun told = runPingscope({QStringLiteral("check"), target});
        qunsetenv("QT_LOGGING_RULES");
        QCOMPARE(told.exitCode, 0);
        QVERIFY2(told.err.contains("pingscope.probe: " + target.toUtf8() + " up"), told.err.constData());
        QVERIFY2(!told.err.contains("pingscope.monitor"), told.err.constData()); // only the area asked for
    }

    void colourOnlyOnATerminal()
    {
        // script(1) gives the child a pseudo-terminal for stdout.
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        if (script.isEmpty())
            QSKIP("script (util-linux) is not installed, so no pseudo-terminal to test colour on");
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        const QString command = QStringLiteral("'%1' check %2")
                                    .arg(qEnvironmentVariable("PINGSCOPE_EXECUTABLE"), tcpTarget(tcp.serverPort()));
        const auto runOnTerminal = [&](bool noColor) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.remove(QStringLiteral("NO_COLOR"));
            environment.remove(QStringLiteral("DISPLAY"));
            environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
            environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
            if (noColor)
                environment.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
            process.setProcessEnvironment(environment);
            process.start(script, {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
            process.waitForFinished(20000);
            return std::make_pair(process.exitCode(), process.readAllStandardOutput());
        };
        const auto [code, coloured] = runOnTerminal(false);
        QCOMPARE(code, 0);
        QVERIFY2(coloured.contains("\x1b[32m"), coloured.constData()); // up in green
        const auto [plainCode, plain] = runOnTerminal(true);
        QCOMPARE(plainCode, 0);
        QVERIFY(plain.contains(tcpTarget(tcp.serverPort()).toUtf8()));
        QVERIFY2(!plain.contains('\x1b'), plain.constData());
    }

    void junitIsWellFormed()
    {
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        const quint16 refused = closedPort();
        const PingscopeRun run
            = runPingscope({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("junit"),
                            tcpTarget(tcp.serverPort()), tcpTarget(refused)});
        QCOMPARE(run.exitCode, 1);
        QXmlStreamReader xml(run.out);
        int cases = 0;
        int failures = 0;
        QString suiteTests;
        QString suiteFailures;
        QString failureText;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("testsuite")) {
                suiteTests = xml.attributes().value("tests").toString();
                suiteFailures = xml.attributes().value("failures").toString();
            } else if (xml.name() == QLatin1String("testcase")) {
                ++cases;
                QVERIFY(!xml.attributes().value("name").isEmpty());
            } else if (xml.name() == QLatin1String("failure")) {
                ++failures;
                failureText = xml.attributes().value("message").toString() + xml.readElementText();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(cases, 2);
        QCOMPARE(failures, 1);
        QCOMPARE(suiteTests, QStringLiteral("2"));
        QCOMPARE(suiteFailures, QStringLiteral("1"));
        QVERIFY2(failureText.contains(QStringLiteral("refused")), qPrintable(failureText));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("nothing to check");
        QTest::newRow("bad target") << QStringList{QStringLiteral("tcp://db")} << QStringLiteral("tcp://db");
        QTest::newRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml"),
                                                   QStringLiteral("tcp://127.0.0.1:1")}
                                    << QStringLiteral("--format");
        QTest::newRow("bad timeout") << QStringList{QStringLiteral("--timeout"), QStringLiteral("soon"),
                                                    QStringLiteral("tcp://127.0.0.1:1")}
                                     << QStringLiteral("--timeout");
        QTest::newRow("bad concurrency") << QStringList{QStringLiteral("--concurrency"), QStringLiteral("0"),
                                                        QStringLiteral("tcp://127.0.0.1:1")}
                                         << QStringLiteral("--concurrency");
        QTest::newRow("missing profile") << QStringList{QStringLiteral("--profile"),
                                                        QStringLiteral("/nonexistent.json")}
                                         << QStringLiteral("/nonexistent.json");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << QStringLiteral("bogus");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const PingscopeRun run = runPingscope(QStringList{QStringLiteral("check")} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }

    void profileEndpointsAndTheirTimeout()
    {
        ScriptedHttpServer silent;
        QVERIFY(silent.listen());
        silent.setHandler(ScriptedHttpServer::silent());
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        const QString profile
            = writeTestFile(dir, QStringLiteral("p.json"),
                            QStringLiteral("{\"pingscope_profile\": 1, \"endpoints\": ["
                                           "{\"name\": \"stuck\", \"target\": \"%1\", \"timeout_ms\": 1000},"
                                           "{\"name\": \"off\", \"target\": \"%2\", \"enabled\": false}]}")
                                .arg(silent.url(), tcpTarget(tcp.serverPort()))
                                .toUtf8());
        // The profile's endpoint keeps its own timeout; the target typed here gets the default.
        const PingscopeRun run
            = runPingscope({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
                            QStringLiteral("--profile"), profile, tcpTarget(tcp.serverPort())});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray results = parseObject(run.out).value("results").toArray();
        QCOMPARE(results.size(), 2); // the disabled one is left out
        const QJsonObject stuck = results.at(0).toObject();
        QCOMPARE(stuck.value("name").toString(), QStringLiteral("stuck"));
        QCOMPARE(stuck.value("status").toString(), QStringLiteral("down"));
        QCOMPARE(stuck.value("error").toObject().value("kind").toString(), QStringLiteral("timeout"));
        QVERIFY2(stuck.value("elapsed_ms").toDouble() >= 990 && stuck.value("elapsed_ms").toDouble() < 2000,
                 qPrintable(QString::number(stuck.value("elapsed_ms").toDouble())));
        QCOMPARE(results.at(1).toObject().value("status").toString(), QStringLiteral("up"));

        // --timeout overrides every endpoint's own.
        const PingscopeRun overridden
            = runPingscope({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
                            QStringLiteral("--timeout"), QStringLiteral("150"), QStringLiteral("--profile"), profile});
        const QJsonObject fast = parseObject(overridden.out).value("results").toArray().at(0).toObject();
        QVERIFY2(fast.value("elapsed_ms").toDouble() >= 140 && fast.value("elapsed_ms").toDouble() < 600,
                 qPrintable(QString::number(fast.value("elapsed_ms").toDouble())));
    }

    void concurrencyCapsProbesInFlight()
    {
        ScriptedHttpServer slow;
        QVERIFY(slow.listen());
        slow.setHandler(ScriptedHttpServer::sendingAfter(std::chrono::milliseconds(300),
                                                         ScriptedHttpServer::answer(200, "OK", "ok")));
        const QStringList targets{slow.url(QStringLiteral("/a")), slow.url(QStringLiteral("/b")),
                                  slow.url(QStringLiteral("/c"))};
        const auto elapsed = [](const PingscopeRun &run) {
            return parseObject(run.out).value("summary").toObject().value("elapsed_ms").toDouble();
        };
        const PingscopeRun serial
            = runPingscope(QStringList{QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
                                       QStringLiteral("--concurrency"), QStringLiteral("1")}
                           + targets);
        QCOMPARE(serial.exitCode, 0);
        QVERIFY2(elapsed(serial) >= 900, qPrintable(QString::number(elapsed(serial))));
        const PingscopeRun parallel = runPingscope(
            QStringList{QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json")} + targets);
        QCOMPARE(parallel.exitCode, 0);
        QVERIFY2(elapsed(parallel) < 850, qPrintable(QString::number(elapsed(parallel))));
    }

    void insecureSkipsVerificationOfTargets()
    {
        TestCertificates certificates;
        if (!certificates.isValid())
            QSKIP(qPrintable(QStringLiteral("cannot make test certificates: ") + certificates.error()));
        ScriptedHttpServer https;
        QVERIFY(https.listenTls(certificates.certificateFile(TestCertificates::Leaf::SelfSigned),
                                certificates.keyFile(TestCertificates::Leaf::SelfSigned)));
        https.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(200, "OK", "ok")));

        const PingscopeRun strict
            = runPingscope({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"), https.url()});
        QCOMPARE(strict.exitCode, 1);
        const QJsonObject refused = parseObject(strict.out).value("results").toArray().at(0).toObject();
        QCOMPARE(refused.value("error").toObject().value("kind").toString(), QStringLiteral("tls"));

        const PingscopeRun insecure = runPingscope({QStringLiteral("check"), QStringLiteral("--format"),
                                                    QStringLiteral("json"), QStringLiteral("--insecure"), https.url()});
        QCOMPARE(insecure.exitCode, 0);
        const QJsonObject accepted = parseObject(insecure.out).value("results").toArray().at(0).toObject();
        QCOMPARE(accepted.value("status").toString(), QStringLiteral("up"));
        QVERIFY(accepted.value("phases_ms").toObject().contains("tls"));
        QVERIFY(!accepted.value("cert_expires").isNull());
    }

    void interruptCancelsWhatIsInFlight_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGINT") << SIGINT;
        QTest::newRow("SIGTERM") << SIGTERM;
    }

    void interruptCancelsWhatIsInFlight()
    {
        QFETCH(int, signalNumber);
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        ScriptedHttpServer silent;
        QVERIFY(silent.listen());
        silent.setHandler(ScriptedHttpServer::silent());

        PingscopeProcess process({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
                                  QStringLiteral("--timeout"), QStringLiteral("20000"), tcpTarget(tcp.serverPort()),
                                  silent.url(QStringLiteral("/hang"))});
        // The silent server has the request: that probe now hangs until cancelled. The tcp probe
        // is long done by the time the request is read; a little more for its batch to go out.
        QVERIFY(process.waitUntil([&] { return !silent.requests().isEmpty(); }, 10000));
        QTest::qWait(100);
        QVERIFY(process.isRunning());
        const qint64 exitMs = process.signalAndTimeExit(signalNumber, 5000);
        qInfo("exit %lld ms after the signal", exitMs);
        QVERIFY2(exitMs >= 0 && exitMs < 500 + 500, qPrintable(QString::number(exitMs))); // 500 ms + slack
        QCOMPARE(process.exitCode(), 130);

        const QJsonObject document = parseObject(process.out());
        QVERIFY2(!document.isEmpty(), process.out().constData());
        const QJsonArray results = document.value("results").toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value("status").toString(), QStringLiteral("up")); // finished before
        const QJsonObject cancelled = results.at(1).toObject();
        QCOMPARE(cancelled.value("status").toString(), QStringLiteral("down"));
        QCOMPARE(cancelled.value("error").toObject().value("kind").toString(), QStringLiteral("cancelled"));
        QCOMPARE(document.value("summary").toObject().value("down").toInt(), 1);
    }

    void interruptWithTextListsTheRestAsCancelled()
    {
        ScriptedHttpServer silent;
        QVERIFY(silent.listen());
        silent.setHandler(ScriptedHttpServer::silent());
        PingscopeProcess process(
            {QStringLiteral("check"), silent.url(QStringLiteral("/one")), silent.url(QStringLiteral("/two"))});
        QVERIFY(process.waitUntil([&] { return silent.requests().size() == 2; }, 10000));
        const qint64 exitMs = process.signalAndTimeExit(SIGINT, 5000);
        QVERIFY2(exitMs >= 0 && exitMs < 1000, qPrintable(QString::number(exitMs)));
        QCOMPARE(process.exitCode(), 130);
        const QByteArray out = process.out();
        QCOMPARE(out.count("cancelled"), 2);
        QVERIFY(out.contains("/one") && out.contains("/two"));
    }
};

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
