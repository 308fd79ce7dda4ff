#include "alert/AlertSettings.h"
#include "endpoint/ProfileReader.h"
#include "endpoint/ProfileWriter.h"

#include "AlertFixtures.h"
#include "TestFiles.h"

#include <QFile>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QByteArray withAlerts(const QByteArray &alerts)
{
    return "{\"pingscope_profile\": 1, \"endpoints\": [], \"alerts\": " + alerts + "}";
}

QStringList problemsOf(const QByteArray &alerts)
{
    return ProfileReader::fromJson(withAlerts(alerts)).problems;
}

bool hasProblem(const QStringList &problems, const QString &start)
{
    for (const QString &problem : problems) {
        if (problem.startsWith(start))
            return true;
    }
    return false;
}

QDateTime utc(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate).toUTC();
}

AlertEndpoint endpointWith(const QString &name, const QStringList &tags)
{
    return AlertEndpoint{name + QStringLiteral("-id"), name, QStringLiteral("tcp://") + name + QStringLiteral(":1"),
                         tags};
}
} // namespace

class TestAlertSettings : public QObject
{
    Q_OBJECT

private slots:
    void readsTheIssueShapeAsWritten()
    {
        const ProfileReadResult result = ProfileReader::fromJson(AlertFixtures::issueShape());
        QVERIFY2(result.ok(), qPrintable(result.problems.join(QLatin1Char('\n'))));
        QVERIFY(result.unknownKeys.isEmpty());
        const AlertSettings &alerts = result.profile->alerts;
        QCOMPARE(alerts.channels.size(), 3);
        QCOMPARE(alerts.channels.at(0).type, AlertChannelType::Webhook);
        QCOMPARE(alerts.channels.at(0).url, QStringLiteral("https://hooks.example.com/pingscope"));
        QCOMPARE(alerts.channels.at(1).type, AlertChannelType::Apprise);
        QCOMPARE(alerts.channels.at(2).type, AlertChannelType::Command);
        QCOMPARE(alerts.channels.at(2).command,
                 (QStringList{QStringLiteral("/usr/bin/logger"), QStringLiteral("-t"), QStringLiteral("pingscope")}));
        QCOMPARE(alerts.rules.size(), 1);
        QCOMPARE(alerts.rules.at(0).channels, (QStringList{QStringLiteral("ops"), QStringLiteral("team")}));
        QCOMPARE(alerts.rules.at(0).events, (QList<AlertEventKind>{AlertEventKind::Down, AlertEventKind::Recovered}));
        QCOMPARE(alerts.rules.at(0).filter.tags, QStringList{QStringLiteral("prod")});
        QCOMPARE(alerts.maintenance.size(), 1);
        QCOMPARE(alerts.maintenance.at(0).weekdays, QList<int>{7});
        QCOMPARE(alerts.maintenance.at(0).timeOfDay, QTime(2, 0));
        QCOMPARE(alerts.maintenance.at(0).durationMin, 60);
    }

    void writesItBackUnchanged()
    {
        const ProfileReadResult first = ProfileReader::fromJson(AlertFixtures::issueShape());
        QVERIFY(first.ok());
        const QByteArray written = ProfileWriter::toJson(*first.profile);
        const QJsonObject before
            = QJsonDocument::fromJson(AlertFixtures::issueShape()).object().value(QStringLiteral("alerts")).toObject();
        const QJsonObject after = QJsonDocument::fromJson(written).object().value(QStringLiteral("alerts")).toObject();
        QCOMPARE(after, before);
        const ProfileReadResult again = ProfileReader::fromJson(written);
        QVERIFY(again.ok());
        QVERIFY(again.profile->alerts == first.profile->alerts);
    }

    void keepsUnknownKeysEverywhereInside()
    {
        const QByteArray json = withAlerts(AlertFixtures::alertsWithUnknownKeys());
        const ProfileReadResult result = ProfileReader::fromJson(json);
        QVERIFY2(result.ok(), qPrintable(result.problems.join(QLatin1Char('\n'))));
        QCOMPARE(result.unknownKeys,
                 (QStringList{QStringLiteral("alerts.channels[0].secret.vault"),
                              QStringLiteral("alerts.channels[0].colour"), QStringLiteral("alerts.rules[0].priority"),
                              QStringLiteral("alerts.maintenance[0].reason"), QStringLiteral("alerts.future")}));
        Profile profile = *result.profile;
        profile.alerts.channels[0].url = QStringLiteral("https://h.example/y"); // an edit must not lose them either
        const QJsonObject alerts = QJsonDocument::fromJson(ProfileWriter::toJson(profile))
                                       .object()
                                       .value(QStringLiteral("alerts"))
                                       .toObject();
        QCOMPARE(alerts.value(QStringLiteral("future")).toInt(), 1);
        const QJsonObject channel = alerts.value(QStringLiteral("channels")).toArray().at(0).toObject();
        QCOMPARE(channel.value(QStringLiteral("colour")).toString(), QStringLiteral("red"));
        QCOMPARE(channel.value(QStringLiteral("url")).toString(), QStringLiteral("https://h.example/y"));
        QCOMPARE(channel.value(QStringLiteral("secret")).toObject().value(QStringLiteral("vault")).toString(),
                 QStringLiteral("x"));
        QCOMPARE(
            alerts.value(QStringLiteral("rules")).toArray().at(0).toObject().value(QStringLiteral("priority")).toInt(),
            3);
        const QJsonObject window = alerts.value(QStringLiteral("maintenance")).toArray().at(0).toObject();
        QCOMPARE(window.value(QStringLiteral("reason")).toString(), QStringLiteral("xmas"));
        QCOMPARE(window.value(QStringLiteral("start")).toString(), QStringLiteral("2026-12-24T22:00:00Z"));
    }

    void aProfileWithoutAlertsGetsNone()
    {
        const ProfileReadResult result = ProfileReader::fromJson(AlertFixtures::profileWithoutAlerts());
        QVERIFY(result.ok());
        QVERIFY(result.profile->alerts.isEmpty());
        QVERIFY(!QJsonDocument::fromJson(ProfileWriter::toJson(*result.profile))
                     .object()
                     .contains(QStringLiteral("alerts")));
    }

    void problemsHaveTheirJsonPaths_data()
    {
        QTest::addColumn<QByteArray>("alerts");
        QTest::addColumn<QString>("problem");
        for (const auto &[name, alerts, problem] : AlertFixtures::badAlerts())
            QTest::newRow(name) << alerts << problem;
    }

    void problemsHaveTheirJsonPaths()
    {
        QFETCH(QByteArray, alerts);
        QFETCH(QString, problem);
        const QStringList problems = problemsOf(alerts);
        QVERIFY2(hasProblem(problems, problem), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void aChannelThatChangesTypeDropsTheKeysOfTheOldOne()
    {
        const ProfileReadResult result = ProfileReader::fromJson(withAlerts(AlertFixtures::webhookChannelToRetype()));
        QVERIFY(result.ok());
        Profile profile = *result.profile;
        AlertChannelSettings &channel = profile.alerts.channels[0];
        channel.type = AlertChannelType::Command;
        channel.url.clear();
        channel.command = {QStringLiteral("/bin/true")};
        const ProfileReadResult again = ProfileReader::fromJson(ProfileWriter::toJson(profile));
        QVERIFY2(again.ok(), qPrintable(again.problems.join(QLatin1Char('\n'))));
        QCOMPARE(again.profile->alerts.channels.at(0).command, QStringList{QStringLiteral("/bin/true")});
    }

    void weeklyWindowsOpenAndClose()
    {
        MaintenanceWindow window;
        QString error;
        QVERIFY(
            MaintenanceWindow::parseWeekly(QStringLiteral("Sun 02:00"), &window.weekdays, &window.timeOfDay, &error));
        window.durationMin = 60;
        window.timeZone = QStringLiteral("UTC");
        // 2026-12-06 is a Sunday.
        QVERIFY(!window.isOpenAt(utc(QStringLiteral("2026-12-06T01:59:59Z"))));
        QVERIFY(window.isOpenAt(utc(QStringLiteral("2026-12-06T02:00:00Z"))));
        QVERIFY(window.isOpenAt(utc(QStringLiteral("2026-12-06T02:59:59Z"))));
        QVERIFY(!window.isOpenAt(utc(QStringLiteral("2026-12-06T03:00:00Z"))));
        QVERIFY(!window.isOpenAt(utc(QStringLiteral("2026-12-07T02:30:00Z")))); // Monday
        QVERIFY(window.isOpenAt(utc(QStringLiteral("2026-12-13T02:30:00Z")))); // the next Sunday
        QCOMPARE(window.nextChangeAfter(utc(QStringLiteral("2026-12-07T00:00:00Z"))),
                 std::optional(utc(QStringLiteral("2026-12-13T02:00:00Z"))));
        QCOMPARE(window.nextChangeAfter(utc(QStringLiteral("2026-12-06T02:10:00Z"))),
                 std::optional(utc(QStringLiteral("2026-12-06T03:00:00Z"))));

        // In a zone of its own: 02:00 in Berlin is 01:00 UTC in winter.
        window.timeZone = QStringLiteral("Europe/Berlin");
        QVERIFY(window.isOpenAt(utc(QStringLiteral("2026-12-06T01:30:00Z"))));
        QVERIFY(!window.isOpenAt(utc(QStringLiteral("2026-12-06T02:30:00Z"))));

        // A window that runs past midnight into the next day.
        QVERIFY(
            MaintenanceWindow::parseWeekly(QStringLiteral("Sat 23:30"), &window.weekdays, &window.timeOfDay, &error));
        window.timeZone = QStringLiteral("UTC");
        QVERIFY(window.isOpenAt(utc(QStringLiteral("2026-12-06T00:15:00Z"))));
        QVERIFY(!window.isOpenAt(utc(QStringLiteral("2026-12-06T00:31:00Z"))));
    }

    void weeklyTextForms()
    {
        QList<int> days;
        QTime time;
        QString error;
        QVERIFY(MaintenanceWindow::parseWeekly(QStringLiteral("mon, THU 22:30"), &days, &time, &error));
        QCOMPARE(days, (QList<int>{1, 4}));
        QCOMPARE(time, QTime(22, 30));
        QVERIFY(MaintenanceWindow::parseWeekly(QStringLiteral("daily 03:00"), &days, &time, &error));
        QCOMPARE(days.size(), 7);
        QVERIFY(!MaintenanceWindow::parseWeekly(QStringLiteral("Sun 24:00"), &days, &time, &error));
        MaintenanceWindow window;
        window.weekdays = {1, 4};
        window.timeOfDay = QTime(22, 30);
        QCOMPARE(window.weeklyText(), QStringLiteral("Mon,Thu 22:30"));
    }

    void oneOffWindowsAndWhoTheyCover()
    {
        const ProfileReadResult result = ProfileReader::fromJson(withAlerts(AlertFixtures::twoMaintenanceWindows()));
        QVERIFY2(result.ok(), qPrintable(result.problems.join(QLatin1Char('\n'))));
        const AlertSettings &alerts = result.profile->alerts;
        const QDateTime christmasEve = utc(QStringLiteral("2026-12-25T01:00:00Z"));
        QVERIFY(alerts.inMaintenance(endpointWith(QStringLiteral("db"), {}), christmasEve));
        QVERIFY(!alerts.inMaintenance(endpointWith(QStringLiteral("web"), {}), christmasEve));
        QVERIFY(
            !alerts.inMaintenance(endpointWith(QStringLiteral("db"), {}), utc(QStringLiteral("2026-12-25T02:00:00Z"))));
        const QDateTime sunday = utc(QStringLiteral("2026-12-06T02:30:00Z"));
        QVERIFY(alerts.inMaintenance(endpointWith(QStringLiteral("web"), {QStringLiteral("prod")}), sunday));
        QVERIFY(!alerts.inMaintenance(endpointWith(QStringLiteral("web"), {QStringLiteral("dev")}), sunday));
        // By id and by target text as well as by name.
        AlertEndpoint byId{QStringLiteral("db"), QStringLiteral("Database"), QStringLiteral("tcp://x:1"), {}};
        QVERIFY(alerts.inMaintenance(byId, christmasEve));
        QCOMPARE(alerts.nextMaintenanceChange(utc(QStringLiteral("2026-12-24T00:00:00Z"))),
                 std::optional(utc(QStringLiteral("2026-12-24T22:00:00Z"))));

        // The same question about an Endpoint, as the history asks it.
        Endpoint endpoint;
        endpoint.id = QStringLiteral("e1");
        endpoint.name = QStringLiteral("db");
        QVERIFY(alerts.inMaintenance(endpoint, christmasEve));
    }

    void theDocumentedExamplesAreValid()
    {
        QFile file(sourceFile(QStringLiteral("docs/profile-format.md")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        const qsizetype examples = text.indexOf("Examples for three common services");
        QVERIFY(examples > 0);
        const qsizetype start = text.indexOf("```json\n", examples) + 8;
        const qsizetype end = text.indexOf("```", start);
        const QByteArray alerts = text.mid(start, end - start);
        const ProfileReadResult result = ProfileReader::fromJson(withAlerts(alerts));
        QVERIFY2(result.ok(), qPrintable(result.problems.join(QLatin1Char('\n'))));
        QVERIFY(result.unknownKeys.isEmpty());
        QCOMPARE(result.profile->alerts.channels.size(), 5);
        QCOMPARE(result.profile->alerts.rules.size(), 2);
    }

    void aRuleWithoutTagsOrEndpointsCoversEveryEndpoint()
    {
        EndpointFilter filter;
        QVERIFY(filter.matches(endpointWith(QStringLiteral("anything"), {QStringLiteral("x")})));
        filter.tags = {QStringLiteral("prod")};
        QVERIFY(!filter.matches(endpointWith(QStringLiteral("anything"), {QStringLiteral("x")})));
        QVERIFY(
            filter.matches(endpointWith(QStringLiteral("anything"), {QStringLiteral("x"), QStringLiteral("prod")})));
    }
};

QTEST_GUILESS_MAIN(TestAlertSettings)
#include "tst_alertsettings.moc"
