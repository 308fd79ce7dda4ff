#include "HttpProbeRunner.h"
#include "ScriptedHttpServer.h"

#include "Version.h"
#include "endpoint/StatusCodeSet.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace std::chrono_literals;
using Server = ScriptedHttpServer;

// The HTTP probe against servers scripted on 127.0.0.1 (and ::1): one test per way an answer can go.
class TestHttpProbe : public QObject
{
    Q_OBJECT

private:
    HttpProbeRunner m_runner;

    static std::chrono::milliseconds elapsedOf(const QElapsedTimer &clock)
    {
        return std::chrono::milliseconds(clock.elapsed());
    }

private slots:
    void init()
    {
        // A stray notifier ("multiple socket notifiers for the same socket") or timer warning fails.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
    }

    void fastAnswerIsUpWithPhasesThatAddUp()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sending(Server::answer(200, "OK", "hello")));
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url()));
        QVERIFY2(result && result->status == ProbeStatus::Up, qPrintable(HttpProbeRunner::describe(result)));
        QCOMPARE(result->httpStatus, std::optional<int>(200));
        QCOMPARE(result->bytes, qint64(5));
        QVERIFY(result->errorMessage.isEmpty());
        QVERIFY(result->started.isValid());
        QVERIFY(result->latency > 0us && result->latency < 1s);
        const PhaseTimings &phases = result->phases;
        QVERIFY(phases.dns && phases.connect && phases.ttfb && phases.transfer);
        QVERIFY(!phases.tls); // plain http
        const auto difference = HttpProbeRunner::phaseSum(phases) - result->latency;
        QVERIFY2(difference < 1ms && difference > -1ms, qPrintable(QString::number(difference.count())));
        QVERIFY(!result->certificate);
    }

    void slowAnswerIsMostlyTimeToFirstByte()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sendingAfter(300ms, Server::answer(200, "OK", "late")));
        auto context = HttpProbeRunner::startedContext(HttpProbeRunner::spec(server.url()));
        QList<NetPhase> phases;
        connect(context.get(), &NetContext::phaseChanged, this, [&phases](NetPhase phase) { phases.append(phase); });
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url()), context);
        QVERIFY2(result && result->isUp(), qPrintable(HttpProbeRunner::describe(result)));
        QVERIFY(result->latency >= 300ms);
        QVERIFY(result->phases.ttfb >= 295ms);
        QVERIFY(*result->phases.ttfb > result->latency - *result->phases.ttfb);
        // The live phases a user sees while it runs, in order (tls only for https).
        QVERIFY2(phases.contains(NetPhase::Resolving) && phases.contains(NetPhase::WaitingForFirstByte)
                     && phases.last() == NetPhase::Receiving,
                 qPrintable(QString::number(phases.size())));
        QVERIFY(phases.indexOf(NetPhase::Resolving) < phases.indexOf(NetPhase::WaitingForFirstByte));
        QVERIFY(!phases.contains(NetPhase::TlsHandshake));
    }

    void refusedIsReportedAtOnce()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        QElapsedTimer clock;
        clock.start();
        const auto result
            = m_runner.probe(HttpProbeRunner::spec(QStringLiteral("http://127.0.0.1:%1/").arg(port), 10000));
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("refused"));
        QVERIFY2(clock.elapsed() < 1000, "refused must not wait for the timeout");
        QVERIFY(result->errorMessage.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
        QVERIFY(result->phases.dns && !result->phases.ttfb);
    }

    void silentServerTimesOutOnTime()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::silent());
        constexpr auto timeout = 500ms;
        QElapsedTimer clock;
        clock.start();
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url(), int(timeout.count())));
        const auto wall = elapsedOf(clock);
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("timeout"));
        QVERIFY2(result->latency >= timeout && result->latency <= timeout * 105 / 100 + 20ms,
                 qPrintable(QString::number(result->latency.count())));
        QVERIFY2(wall >= timeout && wall <= timeout * 105 / 100 + 20ms + 30ms,
                 qPrintable(QString::number(wall.count())));
        QVERIFY(result->errorMessage.contains(QLatin1String("waiting for the first byte")));
        QVERIFY(result->phases.connect); // measured so far
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionsOpen(), 0, 1000); // and the connection is gone
    }

    void closedAfterTheRequestIsReset()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::closing());
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url()));
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("reset"));
        QVERIFY(result->errorMessage.contains(QLatin1String("closed the connection without answering")));
    }

    void resetAfterTheRequestIsReset()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::resetting());
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url()));
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("reset"));
    }

    void garbageIsProtocol()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sending("SSH-2.0-OpenSSH_9.2 hello there\r\n\r\n"));
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url()));
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("protocol"));
        QVERIFY2(result->errorMessage.contains(QLatin1String("did not answer in HTTP")),
                 qPrintable(result->errorMessage));
    }

    void unexpectedStatusIsHttpStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QString>("message");
        QTest::newRow("503") << 503 << QByteArray("Service Unavailable")
                             << QStringLiteral("HTTP 503 Service Unavailable (expected 200-399)");
        QTest::newRow("500") << 500 << QByteArray("Internal Server Error")
                             << QStringLiteral("HTTP 500 Internal Server Error (expected 200-399)");
        QTest::newRow("404") << 404 << QByteArray("Not Found")
                             << QStringLiteral("HTTP 404 Not Found (expected 200-399)");
    }

    void unexpectedStatusIsHttpStatus()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(QString, message);
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sending(Server::answer(status, reason, "sorry")));
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url()));
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("http_status"));
        QCOMPARE(result->httpStatus, std::optional<int>(status));
        QCOMPARE(result->errorMessage, message);
        QVERIFY(result->phases.transfer); // the answer came whole
    }

    void expectedStatusSetIsHonoured()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sending(Server::answer(404, "Not Found")));
        ProbeSpec spec = HttpProbeRunner::spec(server.url());
        spec.http.expectStatus = *StatusCodeSet::parse(QStringLiteral("404"));
        const auto result = m_runner.probe(spec);
        QVERIFY2(result && result->isUp(), qPrintable(HttpProbeRunner::describe(result)));
    }

    void redirectLoopIsRedirects()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sending(Server::answer(302, "Found", {}, {"Location: /loop"})));
        ProbeSpec spec = HttpProbeRunner::spec(server.url(QStringLiteral("/loop")));
        spec.http.maxRedirects = 3;
        const auto result = m_runner.probe(spec);
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("redirects"));
        QCOMPARE(result->errorMessage, QStringLiteral("more than 3 redirects (a redirect loop?)"));
        QCOMPARE(server.requests().size(), 4); // the first request and three redirects followed
    }

    void redirectToAGoodPageIsUp()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler([](const Server::Request &request, QTcpSocket *socket) {
            const QByteArray answer = request.path == "/old"
                ? Server::answer(301, "Moved Permanently", "moved", {"Location: /new"})
                : Server::answer(200, "OK", "the new page");
            Server::sending(answer)(request, socket);
        });
        ProbeSpec spec = HttpProbeRunner::spec(server.url(QStringLiteral("/old")));
        spec.http.expectBody = QStringLiteral("new page");
        const auto result = m_runner.probe(spec);
        QVERIFY2(result && result->isUp(), qPrintable(HttpProbeRunner::describe(result)));
        QCOMPARE(result->httpStatus, std::optional<int>(200));
        QCOMPARE(result->bytes, qint64(12)); // the last answer's body only
        QCOMPARE(server.requests().size(), 2);
        // With redirects each phase sums the hops, and they still add up to the latency.
        const auto difference = HttpProbeRunner::phaseSum(result->phases) - result->latency;
        QVERIFY2(difference < 1ms && difference > -1ms, qPrintable(QString::number(difference.count())));
    }

    void redirectNotFollowedIsJudgedByStatus()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sending(Server::answer(301, "Moved Permanently", {}, {"Location: /elsewhere"})));
        ProbeSpec spec = HttpProbeRunner::spec(server.url());
        spec.http.maxRedirects = 0;
        const auto up = m_runner.probe(spec);
        QVERIFY2(up && up->isUp(), qPrintable(HttpProbeRunner::describe(up)));
        QCOMPARE(up->httpStatus, std::optional<int>(301));
        QCOMPARE(server.requests().size(), 1);

        spec.http.expectStatus = *StatusCodeSet::parse(QStringLiteral("200-299"));
        const auto down = m_runner.probe(spec);
        QCOMPARE(HttpProbeRunner::kindOf(down), QStringLiteral("http_status"));
        QCOMPARE(down->errorMessage, QStringLiteral("HTTP 301 Moved Permanently (expected 200-299)"));
    }

    void endlessBodyIsTooLarge()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::endlessBody());
        ProbeSpec spec = HttpProbeRunner::spec(server.url());
        spec.http.maxBodyBytes = 200000;
        QElapsedTimer clock;
        clock.start();
        const auto result = m_runner.probe(spec);
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("too_large"));
        QCOMPARE(result->errorMessage, QStringLiteral("the body is larger than 200000 bytes (max_body_bytes)"));
        QVERIFY(result->bytes <= 200000);
        QVERIFY(clock.elapsed() < 3000);
    }

    void bodyUpToTheLimitIsUp()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sending(Server::answer(200, "OK", QByteArray(1000, 'y'))));
        ProbeSpec spec = HttpProbeRunner::spec(server.url());
        spec.http.maxBodyBytes = 1000;
        const auto result = m_runner.probe(spec);
        QVERIFY2(result && result->isUp(), qPrintable(HttpProbeRunner::describe(result)));
        QCOMPARE(result->bytes, qint64(1000));
    }

    void truncatedBodyIsReset()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sending("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nabc"));
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url()));
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("reset"));
        QCOMPARE(result->errorMessage, QStringLiteral("the connection closed after 3 of 1000 bytes"));
    }

    void hugeHeaderIsProtocol()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sending(Server::answer(200, "OK", "x", {"X-Huge: " + QByteArray(300 * 1024, 'h')})));
        QElapsedTimer clock;
        clock.start();
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url(), 10000));
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("protocol"));
        QVERIFY2(result->errorMessage.contains(QLatin1String("header larger than")), qPrintable(result->errorMessage));
        QVERIFY(clock.elapsed() < 2000);
    }

    void bodyChecks_data()
    {
        QTest::addColumn<QString>("expect");
        QTest::addColumn<QString>("regex");
        QTest::addColumn<QString>("reject");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("contains") << "status: ok" << QString() << QString() << "none" << QString();
        QTest::newRow("does not contain") << "status: fine" << QString() << QString() << "body_mismatch"
                                          << "the body does not contain \"status: fine\"";
        QTest::newRow("matches") << QString() << "version \\d+\\.\\d+" << QString() << "none" << QString();
        QTest::newRow("does not match") << QString() << "^version" << QString() << "body_mismatch"
                                        << "the body does not match \"^version\"";
        QTest::newRow("bad pattern") << QString() << "(" << QString() << "body_mismatch" << QString();
        QTest::newRow("rejected absent") << QString() << QString() << "error"
                                         << "none" << QString();
        QTest::newRow("rejected present") << QString() << QString() << "ok"
                                          << "body_mismatch"
                                          << "the body contains \"ok\", which it must not";
    }

    void bodyChecks()
    {
        QFETCH(QString, expect);
        QFETCH(QString, regex);
        QFETCH(QString, reject);
        QFETCH(QString, kind);
        QFETCH(QString, message);
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sending(Server::answer(200, "OK", "service status: ok, version 2.14")));
        ProbeSpec spec = HttpProbeRunner::spec(server.url());
        spec.http.expectBody = expect;
        spec.http.expectBodyRegex = regex;
        spec.http.rejectBody = reject;
        const auto result = m_runner.probe(spec);
        QCOMPARE(HttpProbeRunner::kindOf(result), kind);
        if (!message.isEmpty())
            QCOMPARE(result->errorMessage, message);
        QCOMPARE(result->status, kind == QLatin1String("none") ? ProbeStatus::Up : ProbeStatus::Down);
    }

    void tricklingBodyEndsAtTheTimeout()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::trickling(100ms));
        constexpr auto timeout = 1000ms;
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url(), int(timeout.count())));
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("timeout"));
        QVERIFY(result->errorMessage.contains(QLatin1String("while receiving")));
        QVERIFY2(result->latency >= timeout && result->latency <= timeout * 105 / 100 + 20ms,
                 qPrintable(QString::number(result->latency.count())));
        QVERIFY(result->phases.ttfb); // the first byte came
    }

    void cancelEndsAtOnceAndClosesTheConnection()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::trickling(50ms));
        const ProbeSpec spec = HttpProbeRunner::spec(server.url(), 10000);
        auto context = HttpProbeRunner::startedContext(spec);
        QElapsedTimer sinceCancel;
        QTimer::singleShot(300ms, context.get(), [&context, &sinceCancel] {
            sinceCancel.start();
            context->cancel();
        });
        const auto result = m_runner.probe(spec, context);
        const qint64 cancelToEnd = sinceCancel.elapsed();
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("cancelled"));
        QVERIFY2(cancelToEnd < 50 + 50, qPrintable(QString::number(cancelToEnd)));
        QCOMPARE(result->errorMessage, QStringLiteral("cancelled while receiving"));
        QCOMPARE(m_runner.multi().activeTransfers(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionsOpen(), 0, 1000);
    }

    void cancelFromAPhaseChangeIsSafe()
    {
        // A cancel reached from inside a curl callback (phaseChanged is emitted there) must not
        // call back into curl; it ends the probe from the event loop instead.
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::silent());
        const ProbeSpec spec = HttpProbeRunner::spec(server.url(), 10000);
        auto context = HttpProbeRunner::startedContext(spec);
        connect(context.get(), &NetContext::phaseChanged, context.get(), [&context](NetPhase phase) {
            if (phase == NetPhase::WaitingForFirstByte)
                context->cancel();
        });
        const auto result = m_runner.probe(spec, context);
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("cancelled"));
        QVERIFY(result->latency < 1s);
    }

    void abortedBeforeItRunsReturnsAtOnce()
    {
        const ProbeSpec spec = HttpProbeRunner::spec(QStringLiteral("http://127.0.0.1:9/"));
        auto context = HttpProbeRunner::startedContext(spec);
        context->cancel();
        const auto result = m_runner.probe(spec, context);
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("cancelled"));
    }

    void engineShutdownEndsRunningProbes()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::silent());
        const ProbeSpec spec = HttpProbeRunner::spec(server.url(), 10000);
        auto multi = std::make_unique<CurlMulti>();
        HttpProbe probe(multi.get());
        auto task = probe.run(spec, HttpProbeRunner::startedContext(spec));
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, 2000);
        multi.reset();
        const auto result = CoroTest::await(std::move(task), 2s);
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("cancelled"));
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionsOpen(), 0, 1000);
    }

    void probeWithoutAnEngineEndsCancelled()
    {
        auto multi = std::make_unique<CurlMulti>();
        HttpProbe probe(multi.get());
        multi.reset();
        const ProbeSpec spec = HttpProbeRunner::spec(QStringLiteral("http://127.0.0.1:9/"));
        const auto result = CoroTest::await(probe.run(spec, HttpProbeRunner::startedContext(spec)), 2s);
        QCOMPARE(HttpProbeRunner::kindOf(result), QStringLiteral("cancelled"));
        QCOMPARE(result->errorMessage, QStringLiteral("the HTTP engine could not start a transfer"));
    }

    void concurrentProbesOfOneHostDoNotQueue()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler(Server::sendingAfter(100ms, Server::answer(200, "OK", "hello")));
        const ProbeSpec spec = HttpProbeRunner::spec(server.url());
        constexpr int count = 200;
        QElapsedTimer clock;
        clock.start();
        std::vector<QCoro::Task<ProbeResult>> tasks;
        tasks.reserve(count);
        for (int i = 0; i < count; ++i)
            tasks.push_back(m_runner.start(spec));
        std::vector<ProbeResult> results;
        for (auto &task : tasks) {
            const auto result = CoroTest::await(std::move(task));
            QVERIFY2(result && result->isUp(), qPrintable(HttpProbeRunner::describe(result)));
            results.push_back(*result);
        }
        const qint64 wall = clock.elapsed();
        std::chrono::microseconds slowest{0};
        for (const ProbeResult &result : results) {
            QVERIFY(result.latency >= 100ms);
            slowest = std::max(slowest, result.latency);
        }
        qInfo("%d probes in %lld ms, slowest latency %lld ms", count, wall,
              qlonglong(std::chrono::duration_cast<std::chrono::milliseconds>(slowest).count()));
        QVERIFY2(slowest < 600ms, "a probe waited for another: its latency includes queueing");
        QVERIFY(wall < 2000);
        QCOMPARE(server.connectionsAccepted(), count); // each on its own fresh connection
    }

    void methodHeadersAndBodyReachTheServer()
    {
        Server server;
        QVERIFY(server.listen());
        ProbeSpec spec = HttpProbeRunner::spec(server.url(QStringLiteral("/api/check?x=1")));
        spec.http.method = "PUT";
        spec.http.headers = {{"X-Probe", "pingscope"},
                             {"Authorization", "Bearer t0ken"},
                             {"X-Empty", ""},
                             {"X-Sneaky", "a\r\nX-Injected: yes"}};
        spec.http.body = "{\"ping\": true}";
        const auto result = m_runner.probe(spec);
        QVERIFY2(result && result->isUp(), qPrintable(HttpProbeRunner::describe(result)));
        QCOMPARE(server.requests().size(), 1);
        const Server::Request &request = server.requests().first();
        QCOMPARE(request.method, QByteArray("PUT"));
        QCOMPARE(request.path, QByteArray("/api/check?x=1"));
        QCOMPARE(request.header("X-Probe"), QByteArray("pingscope"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer t0ken"));
        QVERIFY(std::any_of(request.headers.cbegin(), request.headers.cend(),
                            [](const auto &header) { return header.first == "X-Empty" && header.second.isEmpty(); }));
        QVERIFY(request.header("X-Injected").isEmpty());
        QCOMPARE(request.header("X-Sneaky"), QByteArray("a  X-Injected: yes"));
        QCOMPARE(request.body, QByteArray("{\"ping\": true}"));
        QCOMPARE(request.header("User-Agent"), QByteArray("Pingscope/") + Pingscope::versionString);
        QVERIFY(request.header("Expect").isEmpty());
    }

    void headAndPost()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler([](const Server::Request &request, QTcpSocket *socket) {
            // HEAD: headers only, though Content-Length announces a body.
            Server::sending(request.method == "HEAD" ? Server::answer(200, "OK", "abc").chopped(3)
                                                     : Server::answer(200, "OK", request.method))(request, socket);
        });
        ProbeSpec spec = HttpProbeRunner::spec(server.url());
        spec.http.method = "HEAD";
        const auto head = m_runner.probe(spec);
        QVERIFY2(head && head->isUp(), qPrintable(HttpProbeRunner::describe(head)));
        QCOMPARE(head->bytes, qint64(0));
        spec.http.method = "POST";
        spec.http.body = "a=1";
        spec.http.expectBody = QStringLiteral("POST");
        const auto post = m_runner.probe(spec);
        QVERIFY2(post && post->isUp(), qPrintable(HttpProbeRunner::describe(post)));
        QCOMPARE(server.requests().last().method, QByteArray("POST"));
        QCOMPARE(server.requests().last().body, QByteArray("a=1"));
    }

    void freshConnectionEveryProbeUnlessReuse()
    {
        Server server;
        QVERIFY(server.listen());
        server.setHandler([](const Server::Request &, QTcpSocket *socket) {
            socket->write(Server::answer(200, "OK", "kept").replace("Connection: close", "Connection: keep-alive"));
        });
        ProbeSpec spec = HttpProbeRunner::spec(server.url());
        for (int i = 0; i < 2; ++i)
            QVERIFY(m_runner.probe(spec)->isUp());
        QCOMPARE(server.connectionsAccepted(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionsOpen(), 0, 1000); // not kept either

        Server keeping;
        QVERIFY(keeping.listen());
        keeping.setHandler([](const Server::Request &, QTcpSocket *socket) {
            socket->write(Server::answer(200, "OK", "kept").replace("Connection: close", "Connection: keep-alive"));
        });
        spec = HttpProbeRunner::spec(keeping.url());
        spec.http.reuseConnection = true;
        for (int i = 0; i < 2; ++i)
            QVERIFY(m_runner.probe(spec)->isUp());
        QCOMPARE(keeping.requests().size(), 2);
        QCOMPARE(keeping.connectionsAccepted(), 1);
    }

    void ipv6Loopback()
    {
        Server server;
        if (!server.listen(QHostAddress::LocalHostIPv6))
            QSKIP("no IPv6 loopback on this machine");
        const auto result = m_runner.probe(HttpProbeRunner::spec(server.url()));
        QVERIFY2(result && result->isUp(), qPrintable(HttpProbeRunner::describe(result)));

        // By name, restricted to IPv6: curl resolves localhost itself, without asking any DNS server.
        ProbeSpec byName = HttpProbeRunner::spec(QStringLiteral("http://localhost:%1/").arg(server.port()));
        byName.ipFamily = IpFamily::V6;
        const auto viaName = m_runner.probe(byName);
        QVERIFY2(viaName && viaName->isUp(), qPrintable(HttpProbeRunner::describe(viaName)));
    }
};

QTEST_GUILESS_MAIN(TestHttpProbe)
#include "tst_httpprobe.moc"
