#include "alert/AppriseChannel.h"
#include "alert/CommandChannel.h"
#include "alert/WebhookChannel.h"
#include "net/curl/CurlMulti.h"

#include "CoroTest.h"
#include "ScriptedHttpServer.h"
#include "StartedContext.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace std::chrono_literals;

namespace {
const QString hostile
    = QStringLiteral("evil\"}, \"x\": \"injected\\\" \r\nX-Injected: 1\n$(touch /tmp/pingscope-pwned); `id` ' {title}");

AlertMessage downMessage(const QString &name)
{
    AlertEvent event;
    event.kind = AlertEventKind::Down;
    event.time = QDateTime::currentDateTimeUtc();
    event.endpoint = AlertEndpoint{QStringLiteral("id1"), name, QStringLiteral("tcp://db:5432"), {}};
    event.status = EndpointStatus::Down;
    event.previous = EndpointStatus::Up;
    event.errorKind = ErrorKind::Refused;
    event.detail = QStringLiteral("connection refused");
    return AlertMessage{{event}};
}

AlertChannelSettings webhookTo(const QString &url, double timeoutS = 5, int retries = 0)
{
    AlertChannelSettings settings;
    settings.name = QStringLiteral("hook");
    settings.type = AlertChannelType::Webhook;
    settings.url = url;
    settings.timeoutS = timeoutS;
    settings.retries = retries;
    return settings;
}

AlertChannelSettings commandOf(const QStringList &command, double timeoutS = 5)
{
    AlertChannelSettings settings;
    settings.name = QStringLiteral("cmd");
    settings.type = AlertChannelType::Command;
    settings.command = command;
    settings.timeoutS = timeoutS;
    return settings;
}

AlertDelivery sendAndWait(AlertChannel &channel, const AlertMessage &message, const QString &secret = {},
                          std::shared_ptr<NetContext> context = startedContext(60s))
{
    const auto delivery = CoroTest::await(channel.send(message, secret, std::move(context)), 30s);
    return delivery.value_or(AlertDelivery{false, QStringLiteral("never finished"), {}, 0});
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort(); // nothing listens once it is gone
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestAlertChannels : public QObject
{
    Q_OBJECT

private slots:
    void init() { QFile::remove(QStringLiteral("/tmp/pingscope-pwned")); }
    void cleanup() { QVERIFY(!QFile::exists(QStringLiteral("/tmp/pingscope-pwned"))); }

    void webhookPostsJsonWithItsHeaders()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(204, "No Content")));
        CurlMulti multi;
        AlertChannelSettings settings = webhookTo(server.url(QStringLiteral("/hook/{secret}")));
        settings.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer {secret}")},
                            {QStringLiteral("X-Endpoint"), QStringLiteral("{endpoint}")}};
        WebhookChannel channel(settings, &multi);
        const AlertDelivery delivery = sendAndWait(channel, downMessage(hostile), QStringLiteral("T0KEN"));
        QVERIFY2(delivery.ok, qPrintable(delivery.error));
        QCOMPARE(server.requests().size(), 1);
        const ScriptedHttpServer::Request &request = server.requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/hook/T0KEN"));
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer T0KEN"));
        QVERIFY(request.header("X-Endpoint").startsWith("evil"));
        QVERIFY(request.header("X-Injected").isEmpty());
        for (const auto &[name, value] : request.headers)
            QVERIFY2(!name.contains("Injected"), name.constData());
        QJsonParseError error;
        const QJsonObject body = QJsonDocument::fromJson(request.body, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(body.value(QStringLiteral("count")).toInt(), 1);
        const QJsonObject event = body.value(QStringLiteral("events")).toArray().at(0).toObject();
        QCOMPARE(event.value(QStringLiteral("endpoint")).toString(), hostile);
        QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("down"));
        QCOMPARE(event.value(QStringLiteral("error_kind")).toString(), QStringLiteral("refused"));
        QVERIFY(!body.contains(QStringLiteral("x")));
    }

    void webhookRetriesWithBackoff()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        int answered = 0;
        server.setHandler([&](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
            socket->write(++answered < 3 ? ScriptedHttpServer::answer(503, "Unavailable")
                                         : ScriptedHttpServer::answer(200, "OK"));
            socket->disconnectFromHost();
        });
        CurlMulti multi;
        WebhookChannel channel(webhookTo(server.url(), 5, 2), &multi);
        QElapsedTimer clock;
        clock.start();
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")));
        QVERIFY2(delivery.ok, qPrintable(delivery.error));
        QCOMPARE(delivery.attempts, 3);
        QCOMPARE(server.requests().size(), 3);
        QVERIFY(clock.elapsed() >= 3000); // 1 s, then 2 s
    }

    void webhookGivesUpAfterItsRetries()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(500, "Internal Server Error")));
        CurlMulti multi;
        WebhookChannel channel(webhookTo(server.url(), 5, 1), &multi);
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")));
        QVERIFY(!delivery.ok);
        QCOMPARE(delivery.attempts, 2);
        QCOMPARE(delivery.error, QStringLiteral("the receiver answered HTTP 500 Internal Server Error"));
    }

    void webhookDoesNotRetryWhatWillNotChange()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(404, "Not Found")));
        CurlMulti multi;
        WebhookChannel channel(webhookTo(server.url(), 5, 3), &multi);
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")));
        QVERIFY(!delivery.ok);
        QCOMPARE(delivery.attempts, 1);
        QCOMPARE(server.requests().size(), 1);
    }

    void webhookThatHangsTimesOut()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.setHandler(ScriptedHttpServer::silent());
        CurlMulti multi;
        WebhookChannel channel(webhookTo(server.url(), 0.5, 0), &multi);
        QElapsedTimer clock;
        clock.start();
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")));
        QVERIFY(!delivery.ok);
        QVERIFY2(clock.elapsed() >= 400 && clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(delivery.error.contains(QLatin1String("500 ms")), qPrintable(delivery.error));
    }

    void webhookRefused()
    {
        CurlMulti multi;
        WebhookChannel channel(webhookTo(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()), 5, 0), &multi);
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")));
        QVERIFY(!delivery.ok);
        QVERIFY2(delivery.error.contains(QLatin1String("refused")), qPrintable(delivery.error));
    }

    void aCancelEndsAWebhookAtOnce()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.setHandler(ScriptedHttpServer::silent());
        CurlMulti multi;
        WebhookChannel channel(webhookTo(server.url(), 30, 3), &multi);
        auto context = startedContext(60s);
        QTimer::singleShot(100ms, context.get(), &NetContext::cancel);
        QElapsedTimer clock;
        clock.start();
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")), {}, context);
        QVERIFY(!delivery.ok);
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(delivery.attempts, 1);
    }

    void appriseForRealThroughItsJsonUrl()
    {
        QVERIFY2(!AppriseChannel::program().isEmpty(), "apprise must be installed (packaging/debian/build-deps.txt)");
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(200, "OK")));
        AlertChannelSettings settings;
        settings.name = QStringLiteral("team");
        settings.type = AlertChannelType::Apprise;
        settings.url = QStringLiteral("json://127.0.0.1:%1/{secret}").arg(server.port());
        settings.timeoutS = 20;
        AppriseChannel channel(settings);
        QVERIFY(channel.unavailableReason().isEmpty());
        const AlertDelivery delivery = sendAndWait(channel, downMessage(hostile), QStringLiteral("path"));
        QVERIFY2(delivery.ok, qPrintable(delivery.error));
        QCOMPARE(server.requests().size(), 1);
        const ScriptedHttpServer::Request &request = server.requests().first();
        QCOMPARE(request.path, QByteArray("/path"));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(QStringLiteral("title")).toString(), QStringLiteral("Pingscope: 1 down"));
        QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("failure"));
        QVERIFY2(body.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("evil\"}, \"x\"")),
                 request.body.constData());
        QVERIFY(body.value(QStringLiteral("message")).toString().contains(QStringLiteral("connection refused")));
    }

    void appriseFailuresAreReported()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(500, "Internal Server Error")));
        AlertChannelSettings settings;
        settings.type = AlertChannelType::Apprise;
        settings.url = QStringLiteral("json://127.0.0.1:%1/").arg(server.port());
        settings.timeoutS = 20;
        AppriseChannel channel(settings);
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")));
        QVERIFY(!delivery.ok);
        QVERIFY2(delivery.error.startsWith(QLatin1String("apprise failed (exit code 1)")), qPrintable(delivery.error));
    }

    void aMissingAppriseIsSaid()
    {
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent-dir-for-pingscope");
        AlertChannelSettings settings;
        settings.type = AlertChannelType::Apprise;
        settings.url = QStringLiteral("json://127.0.0.1:1/");
        AppriseChannel channel(settings);
        const QString reason = channel.unavailableReason();
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")));
        qputenv("PATH", path);
        QCOMPARE(reason, AppriseChannel::missingText());
        QVERIFY(!delivery.ok);
        QCOMPARE(delivery.error, AppriseChannel::missingText());
        QVERIFY(reason.contains(QLatin1String("apt install apprise")));
    }

    void aCommandGetsTheEventIntact()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath(QStringLiteral("out"));
        // The test's receiver is a shell script; the channel itself runs it without a shell, each argument whole.
        const QString script = QStringLiteral("cat > \"$0\"; printf '%s\\0' \"$@\" > \"$0.args\"; "
                                              "printf '%s' \"$PINGSCOPE_ENDPOINT\" > \"$0.env\"");
        CommandChannel channel(commandOf({QStringLiteral("/bin/sh"), QStringLiteral("-c"), script, out,
                                          QStringLiteral("{endpoint}"), QStringLiteral("{status}: {message}")}));
        const AlertDelivery delivery = sendAndWait(channel, downMessage(hostile));
        QVERIFY2(delivery.ok, qPrintable(delivery.error));
        const QJsonObject input = QJsonDocument::fromJson(readAll(out)).object();
        QCOMPARE(input.value(QStringLiteral("events"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("endpoint"))
                     .toString(),
                 hostile);
        const QList<QByteArray> arguments = readAll(out + QStringLiteral(".args")).split('\0');
        QCOMPARE(arguments.size(), 3); // two arguments, and what follows the last NUL
        QCOMPARE(QString::fromUtf8(arguments.at(0)), hostile);
        QCOMPARE(QString::fromUtf8(arguments.at(1)),
                 QStringLiteral("down: ") + hostile + QStringLiteral(" is down: connection refused"));
        QCOMPARE(QString::fromUtf8(readAll(out + QStringLiteral(".env"))), hostile);
    }

    void aFailingCommandSaysItsExitCodeAndStderr()
    {
        CommandChannel channel(
            commandOf({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                       QStringLiteral("cat > /dev/null; echo 'first line' >&2; echo 'no such queue' >&2; exit 3")}));
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")));
        QVERIFY(!delivery.ok);
        QCOMPARE(delivery.error, QStringLiteral("/bin/sh exited with code 3: no such queue"));
    }

    void aCommandsStderrIsKeptOnSuccessToo()
    {
        CommandChannel channel(commandOf(
            {QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("echo 'deprecated option' >&2")}));
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")));
        QVERIFY(delivery.ok);
        QCOMPARE(delivery.note, QStringLiteral("/bin/sh said on stderr: deprecated option"));
    }

    void aCommandThatHangsIsKilled()
    {
        CommandChannel channel(commandOf({QStringLiteral("/bin/sleep"), QStringLiteral("30")}, 0.5));
        QElapsedTimer clock;
        clock.start();
        auto context = startedContext(500ms);
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")), {}, context);
        QVERIFY(!delivery.ok);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(delivery.error.contains(QLatin1String("killed")), qPrintable(delivery.error));
    }

    void aMissingProgramIsSaid()
    {
        CommandChannel channel(commandOf({QStringLiteral("/nonexistent/notify-me")}));
        const AlertDelivery delivery = sendAndWait(channel, downMessage(QStringLiteral("db")));
        QVERIFY(!delivery.ok);
        QVERIFY2(delivery.error.startsWith(QLatin1String("/nonexistent/notify-me could not be started")),
                 qPrintable(delivery.error));
    }
};

QTEST_GUILESS_MAIN(TestAlertChannels)
#include "tst_alertchannels.moc"
