#include "alert/AlertEngine.h"
#include "alert/AlertsController.h"
#include "alert/AlertsDialog.h"
#include "alert/AppriseChannel.h"
#include "alert/ChannelEditor.h"
#include "alert/RuleEditor.h"
#include "monitor/Monitor.h"
#include "table/EndpointTableModel.h"
#include "tray/TrayController.h"
#include "workspace/ProfileDocument.h"
#include "workspace/Workspace.h"

#include "FakeProbeExecutor.h"
#include "MemorySecretStore.h"
#include "ScriptedHttpServer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

namespace {
AlertChannelSettings webhookTo(const QString &url)
{
    AlertChannelSettings channel;
    channel.name = QStringLiteral("ops");
    channel.type = AlertChannelType::Webhook;
    channel.url = url;
    channel.minIntervalS = 0;
    channel.timeoutS = 5;
    return channel;
}
} // namespace

class TestAlertsUi : public QObject
{
    Q_OBJECT

private slots:
    void theChannelEditorAcceptsWhatAProfileWould()
    {
        ChannelEditor editor(AlertChannelSettings{}, {QStringLiteral("taken")});
        editor.nameEdit()->setText(QStringLiteral("ops"));
        editor.urlEdit()->setText(QStringLiteral("ftp://nowhere"));
        QCOMPARE(editor.problem(), QStringLiteral("url: must be an http:// or https:// URL (got \"ftp://nowhere\")"));
        QVERIFY(editor.problemLabel()->isVisibleTo(&editor));
        editor.urlEdit()->setText(QStringLiteral("https://hooks.example.com/x"));
        QCOMPARE(editor.problem(), QString());
        editor.nameEdit()->setText(QStringLiteral("taken"));
        QVERIFY(editor.problem().startsWith(QLatin1String("name: another channel")));
        editor.nameEdit()->setText(QStringLiteral("ops"));
        editor.typeBox()->setCurrentIndex(editor.typeBox()->findData(int(AlertChannelType::Command)));
        QVERIFY(editor.problem().startsWith(QLatin1String("command: must name a program")));
        editor.commandEdit()->setPlainText(QStringLiteral("/usr/bin/logger\n-t\npingscope\n{title}"));
        QCOMPARE(editor.problem(), QString());
        const AlertChannelSettings channel = editor.channel();
        QCOMPARE(channel.type, AlertChannelType::Command);
        QCOMPARE(channel.command.size(), 4);
        QVERIFY(channel.url.isEmpty()); // the webhook's URL does not linger
    }

    void aTypedSecretGetsAKeychainEntry()
    {
        AlertChannelSettings start = webhookTo(QStringLiteral("https://hooks.example.com/{secret}"));
        start.secret.env = QStringLiteral("X");
        ChannelEditor editor(start, {});
        QCOMPARE(editor.problem(), QString());
        QVERIFY(!editor.typedSecret());
        editor.secretEdit()->setText(QStringLiteral("t0ken"));
        QCOMPARE(editor.typedSecret(), std::optional(QStringLiteral("t0ken")));
        const AlertChannelSettings channel = editor.channel();
        QVERIFY(channel.secret.keychain.startsWith(QLatin1String("alerts/")));
        QCOMPARE(channel.secret.env, QStringLiteral("X"));
        QCOMPARE(editor.channel().secret.keychain, channel.secret.keychain); // the same entry every time
    }

    void theEditorSaysWhenAppriseIsMissing()
    {
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent-dir-for-pingscope");
        AlertChannelSettings start;
        start.name = QStringLiteral("team");
        start.type = AlertChannelType::Apprise;
        start.url = QStringLiteral("ntfys://ntfy.example.com/x");
        ChannelEditor editor(start, {});
        const QString shown = editor.availabilityLabel()->text();
        qputenv("PATH", path);
        QCOMPARE(shown, AppriseChannel::missingText());
        ChannelEditor found(start, {});
        QCOMPARE(found.availabilityLabel()->text(), QString()); // apprise is installed for the tests
    }

    void theRuleEditorNeedsChannelsAndEvents()
    {
        RuleEditor editor(AlertRule{}, {QStringLiteral("ops"), QStringLiteral("team")});
        QCOMPARE(editor.problem(), QStringLiteral("Choose the channels this rule sends to"));
        editor.channelModel()->item(1)->setCheckState(Qt::Checked);
        QCOMPARE(editor.problem(), QString());
        editor.eventBox(AlertEventKind::Down)->setChecked(false);
        editor.eventBox(AlertEventKind::Recovered)->setChecked(false);
        QCOMPARE(editor.problem(), QStringLiteral("Choose at least one event"));
        editor.eventBox(AlertEventKind::StillDown)->setChecked(true);
        editor.tagsEdit()->setText(QStringLiteral("prod, db"));
        const AlertRule rule = editor.rule();
        QCOMPARE(rule.channels, QStringList{QStringLiteral("team")});
        QCOMPARE(rule.events, QList<AlertEventKind>{AlertEventKind::StillDown});
        QCOMPARE(rule.filter.tags, (QStringList{QStringLiteral("prod"), QStringLiteral("db")}));
    }

    void sendTestReachesTheReceiver()
    {
        ScriptedHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(200, "OK")));
        AlertsDialog dialog(AlertSettings{}, std::make_shared<MemorySecretStore>(), nullptr);
        AlertChannelSettings channel = webhookTo(receiver.url(QStringLiteral("/{secret}")));
        channel.secret.keychain = QStringLiteral("alerts/test");
        dialog.setChannel(-1, channel, QStringLiteral("typed"));
        QCOMPARE(dialog.channelView()->model()->rowCount(), 1);
        QSignalSpy finished(&dialog, &AlertsDialog::testFinished);
        dialog.sendTest(0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(finished.first().at(1).value<AlertDelivery>().ok);
        QCOMPARE(dialog.testResult()->text(), QStringLiteral("The test went out on ops."));
        QCOMPARE(receiver.requests().size(), 1);
        QCOMPARE(receiver.requests().first().path, QByteArray("/typed")); // the secret as typed, not yet saved
        const QJsonObject body = QJsonDocument::fromJson(receiver.requests().first().body).object();
        QCOMPARE(body.value(QStringLiteral("title")).toString(), QStringLiteral("Test message from Pingscope"));
        QCOMPARE(dialog.typedSecrets().value(QStringLiteral("alerts/test")), QStringLiteral("typed"));
    }

    void renamingAChannelKeepsItsRules()
    {
        AlertSettings settings;
        settings.channels = {webhookTo(QStringLiteral("https://h.example/"))};
        AlertRule rule;
        rule.channels = {QStringLiteral("ops")};
        settings.rules = {rule};
        AlertsDialog dialog(settings, std::make_shared<MemorySecretStore>(), nullptr);
        AlertChannelSettings renamed = settings.channels.first();
        renamed.name = QStringLiteral("oncall");
        dialog.setChannel(0, renamed, std::nullopt);
        QCOMPARE(dialog.settings().rules.first().channels, QStringList{QStringLiteral("oncall")});
    }

    void typedSecretsWorkAtOnceAndGoToTheKeychainOnSave()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        Workspace workspace(&executor);
        ScriptedHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.setHandler(ScriptedHttpServer::sending(ScriptedHttpServer::answer(200, "OK")));
        auto keychain = std::make_shared<MemorySecretStore>();
        AlertsController controller(workspace.monitor(), workspace.document(), nullptr, nullptr, keychain);

        AlertSettings settings;
        AlertChannelSettings channel = webhookTo(receiver.url(QStringLiteral("/{secret}")));
        channel.secret.keychain = QStringLiteral("alerts/abc");
        settings.channels = {channel};
        settings.groupS = 0;
        AlertRule rule;
        rule.channels = {QStringLiteral("ops")};
        settings.rules = {rule};
        controller.accept(settings, {{QStringLiteral("alerts/abc"), QStringLiteral("s3cret")}});
        QVERIFY(workspace.document()->isModified());
        QVERIFY(workspace.document()->alerts() == settings);
        QVERIFY(keychain->entries.isEmpty()); // not before the save

        Endpoint endpoint = FakeProbeExecutor::endpoint(QStringLiteral("db"));
        endpoint.failureThreshold = 1;
        workspace.monitor()->addEndpoint(endpoint);
        workspace.monitor()->start();
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 1, 5000);
        QCOMPARE(receiver.requests().first().path, QByteArray("/s3cret"));

        QTemporaryDir dir;
        QSignalSpy saved(&controller, &AlertsController::secretsSaved);
        QVERIFY(workspace.document()->save(dir.filePath(QStringLiteral("p.json"))));
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
        QCOMPARE(saved.first().at(0).toString(), QString());
        QCOMPARE(keychain->entries.value(QStringLiteral("alerts/abc")), QStringLiteral("s3cret"));
        QFile file(dir.filePath(QStringLiteral("p.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(!written.contains("s3cret")); // the profile keeps the reference only
        QVERIFY(written.contains("alerts/abc"));
        workspace.shutdown();
    }

    void aKeychainThatRefusesIsSaid()
    {
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        auto keychain = std::make_shared<MemorySecretStore>();
        keychain->failure = QStringLiteral("no keychain is available (no Secret Service on the session bus)");
        AlertsController controller(workspace.monitor(), workspace.document(), nullptr, nullptr, keychain);
        AlertSettings settings;
        AlertChannelSettings channel = webhookTo(QStringLiteral("https://h.example/{secret}"));
        channel.secret.keychain = QStringLiteral("alerts/abc");
        settings.channels = {channel};
        controller.accept(settings, {{QStringLiteral("alerts/abc"), QStringLiteral("s3cret")}});
        QTemporaryDir dir;
        QSignalSpy saved(&controller, &AlertsController::secretsSaved);
        QVERIFY(workspace.document()->save(dir.filePath(QStringLiteral("p.json"))));
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
        QCOMPARE(saved.first().at(0).toString(), keychain->failure);
        workspace.shutdown();
    }

    void aDesktopChannelSpeaksThroughTheTrayInsteadOfIt()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        Workspace workspace(&executor);
        EndpointTableModel model(workspace.monitor());
        QMenu menu;
        TrayController tray(workspace.monitor(), &model, &menu);
        QSignalSpy notified(&tray, &TrayController::notified);
        AlertsController controller(workspace.monitor(), workspace.document(), &tray, nullptr,
                                    std::make_shared<MemorySecretStore>());
        AlertSettings settings;
        AlertChannelSettings desktop;
        desktop.name = QStringLiteral("desk");
        desktop.type = AlertChannelType::Desktop;
        desktop.minIntervalS = 0;
        settings.channels = {desktop};
        AlertRule rule;
        rule.channels = {QStringLiteral("desk")};
        settings.rules = {rule};
        settings.groupS = 0.5;
        controller.accept(settings, {});
        QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(3, 0, 60);
        for (Endpoint &endpoint : endpoints)
            endpoint.failureThreshold = 1;
        workspace.monitor()->addEndpoints(endpoints);
        workspace.monitor()->runAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 5000);
        QCOMPARE(notified.first().at(0).toString(), QStringLiteral("3 endpoints down"));
        QTest::qWait(2500); // past the tray's own 2 s gathering: it says nothing of its own
        QCOMPARE(notified.size(), 1);
        workspace.shutdown();
    }
};

QTEST_MAIN(TestAlertsUi)
#include "tst_alertsui.moc"
