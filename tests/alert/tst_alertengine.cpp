#include "alert/AlertEngine.h"
#include "alert/DesktopNotifier.h"
#include "monitor/EventLog.h"
#include "monitor/Monitor.h"

#include "FakeProbeExecutor.h"
#include "MemorySecretStore.h"
#include "ScriptedHttpServer.h"
#include "SpinEventLoop.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace std::chrono_literals;

namespace {
AlertChannelSettings webhook(const QString &name, const QString &url, double minIntervalS = 0)
{
    AlertChannelSettings channel;
    channel.name = name;
    channel.type = AlertChannelType::Webhook;
    channel.url = url;
    channel.timeoutS = 5;
    channel.retries = 0;
    channel.minIntervalS = minIntervalS;
    return channel;
}

AlertRule rule(const QStringList &channels, const QList<AlertEventKind> &events = AlertRule::defaultEvents())
{
    AlertRule rule;
    rule.channels = channels;
    rule.events = events;
    return rule;
}

QJsonObject bodyOf(const ScriptedHttpServer::Request &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

QStringList eventsOf(const ScriptedHttpServer &server)
{
    QStringList events;
    for (const auto &request : server.requests()) {
        for (const QJsonValue &event : bodyOf(request).value(QStringLiteral("events")).toArray())
            events << event[QStringLiteral("event")].toString() + QLatin1Char(':')
                    + event[QStringLiteral("endpoint")].toString();
    }
    return events;
}

QList<EventLogEntry> alertLog(const Monitor &monitor)
{
    QList<EventLogEntry> entries;
    for (const EventLogEntry &entry : monitor.eventLog()->entries()) {
        if (entry.type == EventLogEntry::Type::Alert)
            entries << entry;
    }
    return entries;
}

class FakeDesktop final : public DesktopNotifier
{
public:
    struct Shown
    {
        QString title;
        QString text;
        QString severity;
        bool sound;
    };
    QList<Shown> shown;
    QString notify(const QString &title, const QString &text, const QString &severity, bool sound,
                   const QString &) override
    {
        shown << Shown{title, text, severity, sound};
        return {};
    }
};

// A monitor over fake probes, a webhook receiver, and the engine between them.
struct Rig
{
    FakeProbeExecutor executor;
    Monitor monitor{&executor};
    ScriptedHttpServer receiver;
    QDateTime now = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
    std::unique_ptr<AlertEngine> engine;

    Rig()
    {
        receiver.listen();
        receiver.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(200, "OK")));
    }

    QList<EndpointId> add(int count, const QStringList &tags = {}, double intervalS = 0.2, int first = 0,
                          int failureThreshold = 1)
    {
        QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(count, first, intervalS);
        for (Endpoint &endpoint : endpoints) {
            endpoint.failureThreshold = failureThreshold;
            endpoint.tags = tags;
        }
        return monitor.addEndpoints(endpoints);
    }
    void start(AlertSettings settings, bool fakeClock = false)
    {
        engine = std::make_unique<AlertEngine>(&monitor, std::move(settings));
        if (fakeClock)
            engine->setClock([this] { return now; });
        engine->start();
        monitor.setBatchInterval(5ms);
        monitor.start();
    }
    void down(const QString &name = {}) { reply(name, FakeProbeExecutor::down()); }
    void up(const QString &name = {}) { reply(name, FakeProbeExecutor::up(12ms)); }
    void reply(const QString &name, ProbeResult result)
    {
        if (name.isEmpty())
            executor.setDefaultReply(FakeProbeExecutor::Reply{result, 0ms});
        else
            executor.setReply(name, FakeProbeExecutor::Reply{result, 0ms});
    }
};

AlertSettings settingsWith(const QList<AlertChannelSettings> &channels, const QList<AlertRule> &rules,
                           double groupS = 0)
{
    AlertSettings settings;
    settings.channels = channels;
    settings.rules = rules;
    settings.groupS = groupS;
    return settings;
}
} // namespace

class TestAlertEngine : public QObject
{
    Q_OBJECT

private slots:
    void aStormOf200IsOneMessage()
    {
        Rig rig;
        rig.add(200);
        rig.down();
        rig.start(
            settingsWith({webhook(QStringLiteral("ops"), rig.receiver.url())}, {rule({QStringLiteral("ops")})}, 1.0));
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 1, 5000);
        spinEventLoop(1500ms);
        QCOMPARE(rig.receiver.requests().size(), 1);
        const QJsonObject body = bodyOf(rig.receiver.requests().first());
        QCOMPARE(body.value(QStringLiteral("count")).toInt(), 200);
        QCOMPARE(body.value(QStringLiteral("title")).toString(), QStringLiteral("200 endpoints down"));
        QCOMPARE(body.value(QStringLiteral("events")).toArray().size(), 200);
    }

    void rulesChooseEndpointsAndRecoveryCarriesTheDuration()
    {
        Rig rig;
        rig.add(1, {QStringLiteral("prod")});
        rig.add(1, {}, 0.2, 1);
        rig.down();
        AlertRule prodOnly = rule({QStringLiteral("ops")});
        prodOnly.filter.tags = {QStringLiteral("prod")};
        rig.start(settingsWith({webhook(QStringLiteral("ops"), rig.receiver.url())}, {prodOnly}));
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 1, 5000);
        spinEventLoop(1100ms);
        rig.up();
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 2, 5000);
        spinEventLoop(300ms);
        QCOMPARE(eventsOf(rig.receiver), (QStringList{QStringLiteral("down:e0"), QStringLiteral("recovered:e0")}));
        const QJsonObject recovered
            = bodyOf(rig.receiver.requests().at(1)).value(QStringLiteral("events")).toArray().at(0).toObject();
        QVERIFY(recovered.value(QStringLiteral("duration_s")).toDouble() >= 1);
        QCOMPARE(recovered.value(QStringLiteral("status")).toString(), QStringLiteral("up"));
        QCOMPARE(recovered.value(QStringLiteral("previous")).toString(), QStringLiteral("down"));
    }

    void failingBelowTheThresholdIsNeverToldAndDownNamesWhatCameBefore()
    {
        Rig rig;
        const EndpointId id = rig.add(1, {}, 0.3, 0, 5).first();
        rig.up();
        rig.start(settingsWith({webhook(QStringLiteral("ops"), rig.receiver.url())}, {rule({QStringLiteral("ops")})}));
        QTRY_COMPARE_WITH_TIMEOUT(rig.monitor.state(id)->status, EndpointStatus::Up, 3000);
        rig.down();
        QTRY_COMPARE_WITH_TIMEOUT(rig.monitor.state(id)->status, EndpointStatus::Failing, 3000);
        rig.up(); // answered again after fewer than 5 failures
        QTRY_COMPARE_WITH_TIMEOUT(rig.monitor.state(id)->status, EndpointStatus::Up, 3000);
        spinEventLoop(400ms);
        QCOMPARE(rig.receiver.requests().size(), 0);

        rig.down();
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 1, 8000);
        QCOMPARE(eventsOf(rig.receiver), (QStringList{QStringLiteral("down:e0")}));
        const QJsonObject down
            = bodyOf(rig.receiver.requests().at(0)).value(QStringLiteral("events")).toArray().at(0).toObject();
        QCOMPARE(down.value(QStringLiteral("status")).toString(), QStringLiteral("down"));
        QCOMPARE(down.value(QStringLiteral("previous")).toString(), QStringLiteral("up"));
    }

    void eachChannelHasItsRateLimit()
    {
        Rig rig;
        rig.add(2);
        QList<QDateTime> arrivals;
        rig.receiver.setHandler([&](const ScriptedHttpServer::Request &, QTcpSocket *socket) {
            arrivals << QDateTime::currentDateTimeUtc();
            socket->write(ScriptedHttpServer::answer(200, "OK"));
            socket->disconnectFromHost();
        });
        rig.down(QStringLiteral("e0"));
        rig.up(QStringLiteral("e1"));
        rig.start(
            settingsWith({webhook(QStringLiteral("ops"), rig.receiver.url(), 1.5)}, {rule({QStringLiteral("ops")})}));
        QTRY_COMPARE_WITH_TIMEOUT(arrivals.size(), 1, 5000);
        rig.down(QStringLiteral("e1"));
        spinEventLoop(500ms);
        QCOMPARE(arrivals.size(), 1); // held back, not dropped
        QTRY_COMPARE_WITH_TIMEOUT(arrivals.size(), 2, 5000);
        QVERIFY2(arrivals.at(0).msecsTo(arrivals.at(1)) >= 1400,
                 qPrintable(QString::number(arrivals.at(0).msecsTo(arrivals.at(1)))));
        QCOMPARE(eventsOf(rig.receiver), (QStringList{QStringLiteral("down:e0"), QStringLiteral("down:e1")}));
    }

    void remindersWhileStillDown()
    {
        Rig rig;
        rig.add(1);
        rig.down();
        AlertRule reminding = rule({QStringLiteral("ops")}, {AlertEventKind::Down, AlertEventKind::StillDown});
        reminding.remindEveryMin = 30;
        rig.start(settingsWith({webhook(QStringLiteral("ops"), rig.receiver.url())}, {reminding}), true);
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 1, 5000);
        rig.now = rig.now.addSecs(29 * 60);
        rig.engine->checkNow();
        spinEventLoop(300ms);
        QCOMPARE(rig.receiver.requests().size(), 1);
        rig.now = rig.now.addSecs(61);
        rig.engine->checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 2, 5000);
        const QJsonObject reminder
            = bodyOf(rig.receiver.requests().at(1)).value(QStringLiteral("events")).toArray().at(0).toObject();
        QCOMPARE(reminder.value(QStringLiteral("event")).toString(), QStringLiteral("still_down"));
        QCOMPARE(reminder.value(QStringLiteral("duration_s")).toDouble(), 30.0 * 60 + 1);
        // Hours missed at once (a suspended laptop) are one reminder, not a burst.
        rig.now = rig.now.addSecs(5 * 3600);
        rig.engine->checkNow();
        rig.engine->checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 3, 5000);
        spinEventLoop(300ms);
        QCOMPARE(rig.receiver.requests().size(), 3);
    }

    void nothingFiresInMaintenanceAndWhatStillMattersIsToldAfter()
    {
        Rig rig;
        rig.add(1, {QStringLiteral("prod")});
        rig.add(1, {QStringLiteral("prod")}, 0.2, 1);
        rig.down(QStringLiteral("e0"));
        rig.down(QStringLiteral("e1"));
        AlertSettings settings
            = settingsWith({webhook(QStringLiteral("ops"), rig.receiver.url())}, {rule({QStringLiteral("ops")})});
        MaintenanceWindow window;
        window.filter.tags = {QStringLiteral("prod")};
        window.start = rig.now.addSecs(-60);
        window.end = rig.now.addSecs(600);
        settings.maintenance = {window};
        rig.start(settings, true);
        QTRY_VERIFY_WITH_TIMEOUT(rig.engine->eventsSuppressed() >= 2, 5000);
        rig.up(QStringLiteral("e1")); // e1 recovers inside the window: nobody need ever hear of it
        QTRY_VERIFY_WITH_TIMEOUT(rig.monitor.state(rig.monitor.endpointIds().at(1))->status == EndpointStatus::Up,
                                 5000);
        spinEventLoop(300ms);
        QCOMPARE(rig.receiver.requests().size(), 0);
        rig.now = window.end.addSecs(1);
        rig.engine->checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 1, 5000);
        spinEventLoop(300ms);
        QCOMPARE(eventsOf(rig.receiver), QStringList{QStringLiteral("down:e0")});
        QVERIFY(bodyOf(rig.receiver.requests().first())
                    .value(QStringLiteral("text"))
                    .toString()
                    .contains(QLatin1String("maintenance")));
    }

    void aRecoveryDuringMaintenanceIsToldWhenItCloses()
    {
        Rig rig;
        rig.add(1);
        rig.down();
        AlertSettings settings
            = settingsWith({webhook(QStringLiteral("ops"), rig.receiver.url())}, {rule({QStringLiteral("ops")})});
        MaintenanceWindow window;
        window.start = rig.now.addSecs(300);
        window.end = rig.now.addSecs(900);
        settings.maintenance = {window};
        rig.start(settings, true);
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 1, 5000);
        rig.now = rig.now.addSecs(400);
        rig.engine->checkNow();
        rig.up();
        QTRY_VERIFY_WITH_TIMEOUT(rig.engine->eventsSuppressed() >= 1, 5000);
        spinEventLoop(300ms);
        QCOMPARE(rig.receiver.requests().size(), 1);
        rig.now = window.end.addSecs(5);
        rig.engine->checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 2, 5000);
        QCOMPARE(eventsOf(rig.receiver), (QStringList{QStringLiteral("down:e0"), QStringLiteral("recovered:e0")}));
        const QJsonObject recovered
            = bodyOf(rig.receiver.requests().at(1)).value(QStringLiteral("events")).toArray().at(0).toObject();
        QCOMPARE(recovered.value(QStringLiteral("duration_s")).toDouble(), 400.0);
    }

    void degradedAndCertificates()
    {
        Rig rig;
        rig.add(1);
        ProbeResult slow = FakeProbeExecutor::degraded(QStringLiteral("answered in 900 ms, slower than 800 ms"));
        CertificateInfo certificate;
        certificate.notAfter = rig.now.addDays(5);
        certificate.subject = QStringLiteral("CN=e0");
        slow.certificate = certificate;
        rig.reply({}, slow);
        AlertRule all = rule({QStringLiteral("ops")}, {AlertEventKind::Degraded, AlertEventKind::Certificate});
        all.certificateDays = 7;
        rig.start(settingsWith({webhook(QStringLiteral("ops"), rig.receiver.url())}, {all}, 0.3), true);
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 1, 5000);
        spinEventLoop(1000ms); // many more probes, each with the certificate: told once
        QCOMPARE(rig.receiver.requests().size(), 1);
        QStringList events = eventsOf(rig.receiver);
        events.sort();
        QCOMPARE(events, (QStringList{QStringLiteral("certificate:e0"), QStringLiteral("degraded:e0")}));
        const QJsonArray sent = bodyOf(rig.receiver.requests().first()).value(QStringLiteral("events")).toArray();
        const QJsonValue certificateEvent
            = sent.at(0)[QStringLiteral("event")] == QStringLiteral("certificate") ? sent.at(0) : sent.at(1);
        QCOMPARE(certificateEvent[QStringLiteral("message")].toString(),
                 QStringLiteral("The certificate of e0 expires in 5 days (on 2026-12-06T12:00:00Z): subject CN=e0"));
    }

    void aHangingChannelDelaysNeitherProbesNorOtherChannels()
    {
        Rig rig;
        ScriptedHttpServer hanging;
        QVERIFY(hanging.listen());
        hanging.setHandler(ScriptedHttpServer::silent());
        rig.add(1, {}, 0.5);
        rig.down(QStringLiteral("e0"));
        rig.up(QStringLiteral("e1"));
        rig.add(1, {}, 0.5, 1); // probed every 0.5 s, the shortest interval there is
        AlertChannelSettings slow = webhook(QStringLiteral("slow"), hanging.url());
        slow.timeoutS = 3;
        rig.start(settingsWith({slow, webhook(QStringLiteral("fast"), rig.receiver.url())},
                               {rule({QStringLiteral("slow"), QStringLiteral("fast")})}));
        QTRY_COMPARE_WITH_TIMEOUT(hanging.requests().size(), 1, 5000);
        const auto hangStarted = EngineClock::now();
        // The event loop keeps turning: a 10 ms timer's widest gap while the slow channel hangs.
        QTimer ticker;
        std::optional<EngineClock::time_point> lastTick;
        std::chrono::microseconds widestTick{0};
        QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
            const auto now = EngineClock::now();
            if (lastTick)
                widestTick
                    = std::max(widestTick, std::chrono::duration_cast<std::chrono::microseconds>(now - *lastTick));
            lastTick = now;
        });
        ticker.start(10ms);
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 1, 1000); // the fast one, while the slow one hangs
        spinEventLoop(2000ms);
        ticker.stop();
        QCOMPARE(hanging.connectionsOpen(), 1); // still hanging all that while
        QVERIFY2(widestTick < 100ms, qPrintable(QString::number(widestTick.count())));
        // The healthy endpoint was probed on its 0.5 s grid throughout.
        const QList<EngineClock::time_point> starts = rig.executor.startsOf(QStringLiteral("e1"));
        int during = 0;
        std::chrono::microseconds widest{0};
        for (qsizetype i = 1; i < starts.size(); ++i) {
            if (starts.at(i) < hangStarted)
                continue;
            ++during;
            widest = std::max(widest,
                              std::chrono::duration_cast<std::chrono::microseconds>(starts.at(i) - starts.at(i - 1)));
        }
        QVERIFY2(during >= 4, qPrintable(QStringLiteral("%1 of %2").arg(during).arg(starts.size())));
        QVERIFY2(widest < 560ms, qPrintable(QString::number(widest.count())));
        // Then the slow one times out, and says so in the log.
        QTRY_VERIFY_WITH_TIMEOUT(
            !alertLog(rig.monitor).isEmpty() && alertLog(rig.monitor).last().severity == EventSeverity::Error, 5000);
        const EventLogEntry failure = alertLog(rig.monitor).last();
        QVERIFY2(failure.message.startsWith(QLatin1String("alert to slow failed: ")), qPrintable(failure.message));
        QVERIFY2(failure.message.contains(QLatin1String("3000 ms")), qPrintable(failure.message));
        const auto counters = rig.engine->channelCounters();
        QCOMPARE(counters.size(), 2);
        QCOMPARE(counters.at(0).name, QStringLiteral("fast"));
        QCOMPARE(counters.at(0).messagesSent, 1u);
        QCOMPARE(counters.at(1).messagesFailed, 1u);
    }

    void shutdownStopsWhatIsInFlightAtOnce()
    {
        Rig rig;
        ScriptedHttpServer hanging;
        QVERIFY(hanging.listen());
        hanging.setHandler(ScriptedHttpServer::silent());
        rig.add(1);
        rig.down();
        AlertChannelSettings slow = webhook(QStringLiteral("slow"), hanging.url());
        slow.timeoutS = 60;
        rig.start(settingsWith({slow}, {rule({QStringLiteral("slow")})}));
        QTRY_COMPARE_WITH_TIMEOUT(hanging.connectionsOpen(), 1, 5000);
        rig.engine->shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(hanging.connectionsOpen(), 0, 500);
        rig.engine.reset();
        spinEventLoop(50ms);
    }

    void secretsFromTheEnvironmentAndTheKeychain()
    {
        Rig rig;
        rig.add(1);
        rig.down();
        AlertChannelSettings fromEnv = webhook(QStringLiteral("env"), rig.receiver.url(QStringLiteral("/env")));
        fromEnv.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer {secret}")}};
        fromEnv.secret.env = QStringLiteral("PINGSCOPE_TEST_TOKEN");
        fromEnv.secret.keychain = QStringLiteral("not-this-one");
        AlertChannelSettings fromKeychain
            = webhook(QStringLiteral("keychain"), rig.receiver.url(QStringLiteral("/{secret}")));
        fromKeychain.secret.keychain = QStringLiteral("ops-url");
        AlertChannelSettings missing
            = webhook(QStringLiteral("missing"), rig.receiver.url(QStringLiteral("/{secret}")));
        missing.secret.env = QStringLiteral("PINGSCOPE_TEST_UNSET");
        AlertChannelSettings leaky;
        leaky.name = QStringLiteral("leaky");
        leaky.type = AlertChannelType::Command;
        leaky.command = {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                         QStringLiteral("echo \"token $0 rejected\" >&2; exit 1"), QStringLiteral("{secret}")};
        leaky.secret.keychain = QStringLiteral("leaky");
        auto store = std::make_shared<MemorySecretStore>();
        store->entries.insert(QStringLiteral("ops-url"), QStringLiteral("k3y"));
        store->entries.insert(QStringLiteral("leaky"), QStringLiteral("s3cr3t-value"));
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PINGSCOPE_TEST_TOKEN"), QStringLiteral("fr0m-env"));
        AlertSettings settings = settingsWith({fromEnv, fromKeychain, missing, leaky},
                                              {rule({QStringLiteral("env"), QStringLiteral("keychain"),
                                                     QStringLiteral("missing"), QStringLiteral("leaky")})});
        rig.engine = std::make_unique<AlertEngine>(&rig.monitor, settings);
        rig.engine->setSecretStore(store);
        rig.engine->setEnvironment(environment);
        rig.engine->start();
        rig.monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(rig.receiver.requests().size(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(alertLog(rig.monitor).size(), 4, 5000);
        QCOMPARE(store->reads, 2); // the environment came first for "env"
        QStringList paths;
        for (const auto &request : rig.receiver.requests()) {
            paths << QString::fromLatin1(request.path);
            if (request.path == "/env")
                QCOMPARE(request.header("Authorization"), QByteArray("Bearer fr0m-env"));
        }
        paths.sort();
        QCOMPARE(paths, (QStringList{QStringLiteral("/env"), QStringLiteral("/k3y")}));
        QStringList messages;
        for (const EventLogEntry &entry : alertLog(rig.monitor))
            messages << entry.message;
        messages.sort();
        QVERIFY2(messages.at(0).startsWith(QLatin1String("alert sent to env")), qPrintable(messages.join('\n')));
        QVERIFY(messages.at(1).startsWith(QLatin1String("alert sent to keychain")));
        QCOMPARE(
            messages.at(2),
            QStringLiteral("alert to leaky failed: /bin/sh exited with code 1: token ••• rejected (was: e0 is down)"));
        QCOMPARE(messages.at(3),
                 QStringLiteral("alert to missing failed: its secret is not available: the environment variable "
                                "PINGSCOPE_TEST_UNSET is not set (was: e0 is down)"));
    }

    void theDesktopIsAChannel()
    {
        Rig rig;
        rig.add(3);
        rig.down();
        FakeDesktop desktop;
        AlertChannelSettings channel;
        channel.name = QStringLiteral("desk");
        channel.type = AlertChannelType::Desktop;
        channel.sound = true;
        channel.minIntervalS = 0;
        rig.engine = std::make_unique<AlertEngine>(&rig.monitor,
                                                   settingsWith({channel}, {rule({QStringLiteral("desk")})}, 0.5));
        rig.engine->setDesktopNotifier(&desktop);
        rig.engine->start();
        rig.monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(desktop.shown.size(), 1, 5000);
        QCOMPARE(desktop.shown.first().title, QStringLiteral("3 endpoints down"));
        QCOMPARE(desktop.shown.first().severity, QStringLiteral("failure"));
        QVERIFY(desktop.shown.first().sound);
    }

    void aDesktopChannelInWatchSaysThereIsNone()
    {
        Rig rig;
        AlertChannelSettings channel;
        channel.name = QStringLiteral("desk");
        channel.type = AlertChannelType::Desktop;
        rig.start(settingsWith({channel}, {}));
        QCOMPARE(alertLog(rig.monitor).size(), 1);
        QVERIFY(alertLog(rig.monitor)
                    .first()
                    .message.startsWith(QLatin1String("alert channel desk cannot send: there is no desktop")));
    }

    void aDisabledChannelSendsNothing()
    {
        Rig rig;
        rig.add(1);
        rig.down();
        AlertChannelSettings off = webhook(QStringLiteral("ops"), rig.receiver.url());
        off.enabled = false;
        rig.start(settingsWith({off}, {rule({QStringLiteral("ops")})}));
        QTRY_VERIFY_WITH_TIMEOUT(rig.monitor.state(rig.monitor.endpointIds().first())->status == EndpointStatus::Down,
                                 5000);
        spinEventLoop(300ms);
        QCOMPARE(rig.receiver.requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAlertEngine)
#include "tst_alertengine.moc"
