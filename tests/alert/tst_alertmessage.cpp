#include "alert/AlertMessage.h"
#include "alert/AlertTemplate.h"
#include "alert/CommandChannel.h"
#include "alert/WebhookChannel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using AlertTemplate::Escape;

namespace {
// A name that tries every way out: of a JSON string, of a header line, of a shell word.
const QString hostile
    = QStringLiteral("evil\"}, \"x\": \"injected\\\" \r\nX-Injected: 1\n$(touch /tmp/pwned); `id` ' \x01 {title}");

AlertEvent makeEvent(AlertEventKind kind, const QString &name)
{
    AlertEvent e;
    e.kind = kind;
    e.time = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
    e.endpoint = AlertEndpoint{name + QStringLiteral("-id"),
                               name,
                               QStringLiteral("tcp://") + name + QStringLiteral(":1"),
                               {QStringLiteral("prod")}};
    e.status = kind == AlertEventKind::Recovered ? EndpointStatus::Up : EndpointStatus::Down;
    e.previous = kind == AlertEventKind::Recovered ? EndpointStatus::Down : EndpointStatus::Up;
    e.errorKind = kind == AlertEventKind::Down ? ErrorKind::Refused : ErrorKind::None;
    e.detail = kind == AlertEventKind::Down ? QStringLiteral("connection refused") : QString();
    e.since = e.time.addSecs(-303);
    if (kind == AlertEventKind::Recovered)
        e.durationS = 303;
    return e;
}

AlertMessage storm(int count)
{
    AlertMessage message;
    for (int i = 0; i < count; ++i)
        message.events << makeEvent(AlertEventKind::Down, QStringLiteral("e%1").arg(i));
    return message;
}
} // namespace

class TestAlertMessage : public QObject
{
    Q_OBJECT

private slots:
    void templatesReplaceFieldsAndLeaveOtherBraces()
    {
        const QHash<QString, QString> fields{{QStringLiteral("endpoint"), QStringLiteral("db")},
                                             {QStringLiteral("status"), QStringLiteral("down")}};
        QCOMPARE(AlertTemplate::render(QStringLiteral("{endpoint} is {status}"), fields, Escape::None),
                 QStringLiteral("db is down"));
        // JSON's own braces are text: no escaping needed in a body template.
        QCOMPARE(AlertTemplate::render(QStringLiteral("{\"text\": \"{endpoint}\"}"), fields, Escape::Json),
                 QStringLiteral("{\"text\": \"db\"}"));
        QCOMPARE(AlertTemplate::render(QStringLiteral("{unknown} {Endpoint} {} {endpoint"), fields, Escape::None),
                 QStringLiteral("{unknown} {Endpoint} {} {endpoint"));
        QCOMPARE(AlertTemplate::unknownFields(QStringLiteral("{\"a\": \"{endpoint} {nope} {x y}\"}")),
                 QStringList{QStringLiteral("nope")});
    }

    void aValueIsNeverReadAsATemplate()
    {
        // A name holding "{title}" is the name, not a second round of substitution.
        const QHash<QString, QString> fields{{QStringLiteral("endpoint"), QStringLiteral("{title}")},
                                             {QStringLiteral("title"), QStringLiteral("T")}};
        QCOMPARE(AlertTemplate::render(QStringLiteral("{endpoint}/{title}"), fields, Escape::None),
                 QStringLiteral("{title}/T"));
    }

    void escapesKeepValuesInside()
    {
        const QString json
            = QStringLiteral("{\"who\": \"") + AlertTemplate::escaped(hostile, Escape::Json) + QStringLiteral("\"}");
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(json.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.keys(), QStringList{QStringLiteral("who")});
        QCOMPARE(object.value(QStringLiteral("who")).toString(), hostile);

        const QString header = AlertTemplate::escaped(hostile, Escape::Header);
        QVERIFY(!header.contains(QLatin1Char('\r')));
        QVERIFY(!header.contains(QLatin1Char('\n')));
        QVERIFY(!header.contains(QChar(1)));
        QCOMPARE(AlertTemplate::escaped(hostile, Escape::None), hostile);
    }

    void oneEventIsOneLine()
    {
        AlertMessage message{{makeEvent(AlertEventKind::Down, QStringLiteral("db"))}};
        QCOMPARE(message.title(), QStringLiteral("db is down"));
        QCOMPARE(message.text(), QStringLiteral("db is down: connection refused"));
        QCOMPARE(message.severity(), QStringLiteral("failure"));
        QCOMPARE(message.neutralTitle(), QStringLiteral("Pingscope: 1 down"));
        AlertMessage recovered{{makeEvent(AlertEventKind::Recovered, QStringLiteral("db"))}};
        QCOMPARE(recovered.title(), QStringLiteral("db is up again after 5 min 3 s"));
        QCOMPARE(recovered.severity(), QStringLiteral("success"));
        QCOMPARE(recovered.fields().value(QStringLiteral("duration_s")), QStringLiteral("303"));
    }

    void aStormIsOneMessageListingThem()
    {
        const AlertMessage message = storm(200);
        QCOMPARE(message.title(), QStringLiteral("200 endpoints down"));
        const QStringList lines = message.text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1 + AlertMessage::listedLines + 1);
        QCOMPARE(lines.last(), QStringLiteral("… and 175 more"));
        const QJsonObject json = QJsonDocument::fromJson(message.json()).object();
        QCOMPARE(json.value(QStringLiteral("count")).toInt(), 200);
        QCOMPARE(json.value(QStringLiteral("events")).toArray().size(), 200);
        QCOMPARE(json.value(QStringLiteral("events"))
                     .toArray()
                     .at(199)
                     .toObject()
                     .value(QStringLiteral("endpoint"))
                     .toString(),
                 QStringLiteral("e199"));
        const QHash<QString, QString> fields = message.fields();
        QCOMPARE(fields.value(QStringLiteral("endpoint")),
                 QStringLiteral("e0, e1, e2, e3, e4, e5, e6, e7, e8, e9 and 190 more"));
        QCOMPARE(fields.value(QStringLiteral("count")), QStringLiteral("200"));
        QCOMPARE(fields.value(QStringLiteral("event")), QStringLiteral("down"));
    }

    void mixedMessagesCountEachKind()
    {
        AlertMessage message = storm(3);
        message.events << makeEvent(AlertEventKind::Recovered, QStringLiteral("r1"))
                       << makeEvent(AlertEventKind::Recovered, QStringLiteral("r2"));
        QCOMPARE(message.title(), QStringLiteral("3 down, 2 up again"));
        QCOMPARE(message.fields().value(QStringLiteral("event")), QStringLiteral("mixed"));
        QCOMPARE(message.severity(), QStringLiteral("failure"));
    }

    void aHostileNameCannotEscapeTheWebhook()
    {
        AlertChannelSettings channel;
        channel.url = QStringLiteral("https://hooks.example.com/{secret}");
        channel.headers = {{QStringLiteral("X-Endpoint"), QStringLiteral("{endpoint}")}};
        channel.body = QStringLiteral("{\"text\": \"{title}\", \"who\": \"{endpoint}\", \"events\": {events}}");
        const AlertMessage message{{makeEvent(AlertEventKind::Down, hostile)}};
        const WebhookChannel::Request request = WebhookChannel::request(channel, message, QStringLiteral("T0KEN"));
        QCOMPARE(request.url, QByteArray("https://hooks.example.com/T0KEN"));
        for (const QByteArray &line : request.headers) {
            QVERIFY(!line.contains('\r') && !line.contains('\n'));
            QVERIFY(!line.startsWith("X-Injected"));
        }
        QJsonParseError error;
        const QJsonObject body = QJsonDocument::fromJson(request.body, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(body.keys(), (QStringList{QStringLiteral("events"), QStringLiteral("text"), QStringLiteral("who")}));
        QCOMPARE(body.value(QStringLiteral("who")).toString(), hostile);
        QCOMPARE(body.value(QStringLiteral("events"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("endpoint"))
                     .toString(),
                 hostile);
        // The standard body is JSON made by Qt's writer, whatever the name.
        channel.body.clear();
        const QJsonObject standard
            = QJsonDocument::fromJson(WebhookChannel::request(channel, message, {}).body).object();
        QCOMPARE(standard.value(QStringLiteral("events"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("endpoint"))
                     .toString(),
                 hostile);
    }

    void aHostileNameIsOneArgument()
    {
        AlertChannelSettings channel;
        channel.type = AlertChannelType::Command;
        channel.command = {QStringLiteral("/usr/bin/logger"), QStringLiteral("-t"), QStringLiteral("pingscope"),
                           QStringLiteral("{endpoint} is {status}")};
        const AlertMessage message{{makeEvent(AlertEventKind::Down, hostile)}};
        const QStringList arguments = CommandChannel::arguments(channel, message, {});
        QCOMPARE(arguments.size(), 3);
        QCOMPARE(arguments.at(2), hostile + QStringLiteral(" is down"));
        const QProcessEnvironment environment = CommandChannel::environment(message);
        QCOMPARE(environment.value(QStringLiteral("PINGSCOPE_ENDPOINT")), hostile);
        QCOMPARE(environment.value(QStringLiteral("PINGSCOPE_EVENT")), QStringLiteral("down"));
        QVERIFY(!environment.contains(QStringLiteral("PINGSCOPE_EVENTS")));
    }

    void durations()
    {
        QCOMPARE(AlertEvent::durationText(45), QStringLiteral("45 s"));
        QCOMPARE(AlertEvent::durationText(300), QStringLiteral("5 min"));
        QCOMPARE(AlertEvent::durationText(7800), QStringLiteral("2 h 10 min"));
        QCOMPARE(AlertEvent::durationText(3 * 86400 + 4 * 3600 + 5), QStringLiteral("3 d 4 h"));
    }
};

QTEST_GUILESS_MAIN(TestAlertMessage)
#include "tst_alertmessage.moc"
