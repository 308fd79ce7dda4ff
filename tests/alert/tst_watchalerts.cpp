#include "MetricsPage.h"
#include "PingscopeProcess.h"
#include "ScriptedHttpServer.h"
#include "TestFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

quint16 announcedPort(const QByteArray &err)
{
    static const QRegularExpression announcement(QStringLiteral("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics"));
    const auto match = announcement.match(QString::fromUtf8(err));
    return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
}

QJsonObject channel(const QString &name, const QString &type)
{
    return QJsonObject{
        {QStringLiteral("name"), name}, {QStringLiteral("type"), type}, {QStringLiteral("min_interval_s"), 0}};
}

// One endpoint that is down from its first probe, and three channels: a receiver, a receiver that
// refuses, and a command that writes the secret it was given from the environment.
QByteArray profile(quint16 receiverPort, const QString &commandOut)
{
    QJsonObject ops = channel(QStringLiteral("ops"), QStringLiteral("webhook"));
    ops.insert(QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/hook").arg(receiverPort));
    QJsonObject broken = channel(QStringLiteral("broken"), QStringLiteral("webhook"));
    broken.insert(QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()));
    broken.insert(QStringLiteral("retries"), 0);
    QJsonObject command = channel(QStringLiteral("script"), QStringLiteral("command"));
    command.insert(QStringLiteral("command"),
                   QJsonArray{QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                              QStringLiteral("printf '%s' \"$1\" > \"$0\""), commandOut,
                              QStringLiteral("{secret} {event}")});
    command.insert(QStringLiteral("secret"),
                   QJsonObject{{QStringLiteral("env"), QStringLiteral("PINGSCOPE_TEST_SECRET")}});
    const QJsonObject alerts{
        {QStringLiteral("group_s"), 0},
        {QStringLiteral("channels"), QJsonArray{ops, broken, command}},
        {QStringLiteral("rules"),
         QJsonArray{
             QJsonObject{{QStringLiteral("channels"),
                          QJsonArray{QStringLiteral("ops"), QStringLiteral("broken"), QStringLiteral("script")}}}}},
    };
    const QJsonObject endpoint{{QStringLiteral("name"), QStringLiteral("closed port")},
                               {QStringLiteral("target"), QStringLiteral("tcp://127.0.0.1:%1").arg(closedPort())},
                               {QStringLiteral("interval_s"), 1},
                               {QStringLiteral("failure_threshold"), 1}};
    const QJsonObject root{{QStringLiteral("pingscope_profile"), 1},
                           {QStringLiteral("endpoints"), QJsonArray{endpoint}},
                           {QStringLiteral("alerts"), alerts}};
    return QJsonDocument(root).toJson();
}
} // namespace

class TestWatchAlerts : public QObject
{
    Q_OBJECT

private slots:
    void watchSendsTheProfilesAlerts()
    {
        ScriptedHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(200, "OK")));
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("command-out"));
        const QString path = writeTestFile(dir, QStringLiteral("profile.json"), profile(receiver.port(), out));
        qputenv("PINGSCOPE_TEST_SECRET", "s3cret");
        PingscopeProcess watch({QStringLiteral("watch"), QStringLiteral("--profile"), path, QStringLiteral("--log"),
                                QStringLiteral("none"), QStringLiteral("--metrics-listen"),
                                QStringLiteral("127.0.0.1:0")});
        qunsetenv("PINGSCOPE_TEST_SECRET");
        QVERIFY2(watch.waitUntil([&] { return receiver.requests().size() == 1 && QFile::exists(out); }, 15000),
                 watch.err().constData());
        QVERIFY(watch.waitUntil([&] { return watch.err().contains("alert to broken failed: "); }, 10000));
        const QJsonObject body = QJsonDocument::fromJson(receiver.requests().first().body).object();
        QCOMPARE(body.value(QStringLiteral("title")).toString(), QStringLiteral("closed port is down"));
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), QByteArray("s3cret down"));
        QVERIFY2(watch.err().contains("connection refused"), watch.err().constData());

        const quint16 port = announcedPort(watch.err());
        QVERIFY(port != 0);
        const QByteArray answer = httpGet(port, "/metrics");
        const MetricsPage page = MetricsPage::parse(answer.mid(answer.indexOf("\r\n\r\n") + 4));
        QVERIFY2(page.isValid(), qPrintable(page.problems().join(QLatin1Char('\n'))));
        QCOMPARE(page.value(QStringLiteral("pingscope_alert_messages_total"),
                            {{QStringLiteral("channel"), QStringLiteral("ops")},
                             {QStringLiteral("result"), QStringLiteral("sent")}}),
                 std::optional<double>(1));
        QCOMPARE(page.value(QStringLiteral("pingscope_alert_messages_total"),
                            {{QStringLiteral("channel"), QStringLiteral("broken")},
                             {QStringLiteral("result"), QStringLiteral("failed")}}),
                 std::optional<double>(1));
        QCOMPARE(page.value(QStringLiteral("pingscope_alert_events_pending"),
                            {{QStringLiteral("channel"), QStringLiteral("ops")}}),
                 std::optional<double>(0));
        QCOMPARE(page.types().value(QStringLiteral("pingscope_alert_events_suppressed_total")),
                 QStringLiteral("counter"));
        QVERIFY(watch.signalAndTimeExit(SIGINT, 5000) >= 0);
        QCOMPARE(watch.exitCode(), 130);
    }

    void noAlertsSendsNone()
    {
        ScriptedHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(200, "OK")));
        QTemporaryDir dir;
        const QString path = writeTestFile(dir, QStringLiteral("profile.json"),
                                           profile(receiver.port(), dir.filePath(QStringLiteral("out"))));
        const PingscopeRun run = runPingscope(
            {QStringLiteral("watch"), QStringLiteral("--profile"), path, QStringLiteral("--log"),
             QStringLiteral("none"), QStringLiteral("--no-alerts"), QStringLiteral("--duration"), QStringLiteral("2")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(receiver.requests().size(), 0);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out"))));
    }
};

QTEST_GUILESS_MAIN(TestWatchAlerts)
#include "tst_watchalerts.moc"
