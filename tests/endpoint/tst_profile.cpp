#include "endpoint/ProfileReader.h"
#include "endpoint/ProfileWriter.h"

#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/resource.h>
#endif

namespace {
QByteArray withEndpoint(const QByteArray &endpointJson)
{
    // A plain literal: moc miscounts the braces of an unbalanced raw string and then skips the test class.
    return "{\"pingscope_profile\": 1, \"endpoints\": [ {\"target\": \"tcp://a:1\"}, " + endpointJson + "]}";
}
} // namespace

class TestProfile : public QObject
{
    Q_OBJECT

private slots:
    void readsTheExample()
    {
        const ProfileReadResult result
            = ProfileReader::fromFile(sourceFile(QStringLiteral("resources/profiles/home-lab.json")));
        QVERIFY2(result.ok(), qPrintable(result.problems.join(QLatin1Char('\n'))));
        const Profile &profile = *result.profile;
        QCOMPARE(profile.name, QStringLiteral("Home lab"));
        QCOMPARE(profile.endpoints.size(), 5);

        const Endpoint &api = profile.endpoints.at(0);
        QCOMPARE(api.name, QStringLiteral("API health"));
        QVERIFY(api.probe.target.isHttps());
        QCOMPARE(api.intervalS, 10.0);
        QCOMPARE(api.probe.timeoutMs, 5000); // from defaults
        QCOMPARE(api.failureThreshold, 2);
        QCOMPARE(api.probe.degradedMs, std::optional<int>(800));
        QCOMPARE(api.tags, QStringList{QStringLiteral("prod")});
        QCOMPARE(api.probe.http.method, QByteArray("GET"));
        QCOMPARE(api.probe.http.headers.size(), 1);
        QCOMPARE(api.probe.http.headers.first().first, QByteArray("Accept"));
        QVERIFY(api.probe.http.expectStatus.contains(204));
        QVERIFY(!api.probe.http.expectStatus.contains(301));
        QCOMPARE(api.probe.http.expectBody, QStringLiteral("ok"));
        QCOMPARE(api.probe.http.maxBodyBytes, 1048576);

        QCOMPARE(profile.endpoints.at(1).intervalS, 30.0); // inherited
        QCOMPARE(profile.endpoints.at(2).probe.target.kind, ProbeKind::Icmp);
        QCOMPARE(profile.endpoints.at(2).probe.icmp.count, 3);
        QCOMPARE(profile.endpoints.at(3).probe.target.dnsType, DnsRecordType::AAAA);
        QCOMPARE(profile.endpoints.at(3).probe.target.dnsServer, QStringLiteral("9.9.9.9"));
        QCOMPARE(profile.endpoints.at(4).probe.certWarningDays, 14);
        QVERIFY(result.unknownKeys.isEmpty());
    }

    void readsTheDemo()
    {
        const ProfileReadResult result
            = ProfileReader::fromFile(sourceFile(QStringLiteral("resources/profiles/demo.json")));
        QVERIFY2(result.ok(), qPrintable(result.problems.join(QLatin1Char('\n'))));
        QVERIFY(result.profile->endpoints.size() >= 5);
    }

    void reportsEachProblemWithItsPath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");

        QTest::newRow("not json")
            << QByteArray("{\n  \"pingscope_profile\": 1,\n  oops\n}")
            << "line 3, column 4: not valid JSON"; // Qt reports the offset just past the first bad character
        QTest::newRow("not an object") << QByteArray("[1, 2]") << "must hold a JSON object";
        QTest::newRow("missing marker") << QByteArray("{\"endpoints\": []}") << "pingscope_profile: is missing";
        QTest::newRow("newer format") << QByteArray("{\"pingscope_profile\": 2, \"endpoints\": []}")
                                      << "pingscope_profile: this profile needs a newer Pingscope";
        QTest::newRow("missing endpoints") << QByteArray("{\"pingscope_profile\": 1}") << "endpoints: is missing";
        QTest::newRow("endpoints not a list") << QByteArray("{\"pingscope_profile\": 1, \"endpoints\": {}}")
                                              << "endpoints: must be a list of endpoints (got an object)";
        QTest::newRow("endpoint not an object")
            << withEndpoint("42") << "endpoints[1]: must be an object with a \"target\" (got 42)";
        QTest::newRow("missing target") << withEndpoint("{\"name\": \"x\"}") << "endpoints[1].target: is missing";
        QTest::newRow("bad target") << withEndpoint("{\"target\": \"ftp://x\"}")
                                    << "endpoints[1].target: unknown scheme \"ftp\"";
        QTest::newRow("target not string")
            << withEndpoint("{\"target\": 5}") << "endpoints[1].target: must be a string (got 5)";
        QTest::newRow("interval text") << withEndpoint("{\"target\": \"tcp://a:1\", \"interval_s\": \"fast\"}")
                                       << "endpoints[1].interval_s: must be a number ≥ 0.5 (got \"fast\")";
        QTest::newRow("interval small") << withEndpoint("{\"target\": \"tcp://a:1\", \"interval_s\": 0.1}")
                                        << "endpoints[1].interval_s: must be a number ≥ 0.5 (got 0.1)";
        QTest::newRow("timeout fraction") << withEndpoint("{\"target\": \"tcp://a:1\", \"timeout_ms\": 1.5}")
                                          << "endpoints[1].timeout_ms: must be a whole number from 1 to 600000";
        QTest::newRow("threshold zero") << withEndpoint("{\"target\": \"tcp://a:1\", \"failure_threshold\": 0}")
                                        << "endpoints[1].failure_threshold: must be a whole number from 1";
        QTest::newRow("enabled text") << withEndpoint("{\"target\": \"tcp://a:1\", \"enabled\": \"yes\"}")
                                      << "endpoints[1].enabled: must be true or false (got \"yes\")";
        QTest::newRow("tags") << withEndpoint("{\"target\": \"tcp://a:1\", \"tags\": [\"a\", 1]}")
                              << "endpoints[1].tags: must be a list of strings";
        QTest::newRow("ip family") << withEndpoint("{\"target\": \"tcp://a:1\", \"ip_family\": 5}")
                                   << "endpoints[1].ip_family: must be \"any\", 4 or 6 (got 5)";
        QTest::newRow("http on tcp") << withEndpoint("{\"target\": \"tcp://a:1\", \"http\": {}}")
                                     << "endpoints[1].http: only http targets take http options";
        QTest::newRow("http not object") << withEndpoint("{\"target\": \"http://a/\", \"http\": []}")
                                         << "endpoints[1].http: must be an object (got a list)";
        QTest::newRow("status set") << withEndpoint(
            "{\"target\": \"http://a/\", \"http\": {\"expect_status\": \"2xx\"}}")
                                    << "endpoints[1].http.expect_status: \"2xx\" is not a status code";
        QTest::newRow("regex") << withEndpoint("{\"target\": \"http://a/\", \"http\": {\"expect_body_regex\": \"((\"}}")
                               << "endpoints[1].http.expect_body_regex: is not a valid regular expression";
        QTest::newRow("method") << withEndpoint("{\"target\": \"http://a/\", \"http\": {\"method\": \"GET /\"}}")
                                << "endpoints[1].http.method: must be an HTTP method";
        QTest::newRow("header value") << withEndpoint(
            "{\"target\": \"http://a/\", \"http\": {\"headers\": {\"X\": \"a\\r\\nB: c\"}}}")
                                      << "endpoints[1].http.headers.X: must be a one-line string";
        QTest::newRow("redirects") << withEndpoint("{\"target\": \"http://a/\", \"http\": {\"max_redirects\": -1}}")
                                   << "endpoints[1].http.max_redirects: must be a whole number from 0 to 50";
        QTest::newRow("icmp count") << withEndpoint("{\"target\": \"icmp://a\", \"icmp\": {\"count\": 0}}")
                                    << "endpoints[1].icmp.count: must be a whole number from 1 to 100";
        QTest::newRow("id not a string") << withEndpoint("{\"target\": \"tcp://a:2\", \"id\": 7}")
                                         << "endpoints[1].id: must be a string (got 7)";
        QTest::newRow("id with a space") << withEndpoint("{\"target\": \"tcp://a:2\", \"id\": \"a b\"}")
                                         << "endpoints[1].id: must be 1 to 64 letters, digits";
        QTest::newRow("id twice") << QByteArray(
            "{\"pingscope_profile\": 1, \"endpoints\": [{\"target\": \"tcp://a:1\", "
            "\"id\": \"db\"}, {\"target\": \"tcp://a:2\", \"id\": \"db\"}]}")
                                  << "endpoints[1].id: \"db\" is already the id of endpoints[0]";
        QTest::newRow("defaults") << QByteArray(
            "{\"pingscope_profile\": 1, \"defaults\": {\"timeout_ms\": -5}, \"endpoints\": []}")
                                  << "defaults.timeout_ms: must be a whole number from 1";
    }

    void reportsEachProblemWithItsPath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        const ProfileReadResult result = ProfileReader::fromJson(json);
        QVERIFY(!result.ok());
        QVERIFY2(!result.problems.isEmpty(), "a failed read must say why");
        const bool found = std::any_of(result.problems.cbegin(), result.problems.cend(),
                                       [&](const QString &line) { return line.contains(problem); });
        QVERIFY2(
            found,
            qPrintable(QStringLiteral("wanted \"%1\" in:\n%2").arg(problem, result.problems.join(QLatin1Char('\n')))));
    }

    void reportsEveryProblemAtOnce()
    {
        const ProfileReadResult result
            = ProfileReader::fromJson("{\"pingscope_profile\": 1, \"endpoints\": [ {\"target\": \"tcp://a\"}, "
                                      "{\"target\": \"icmp://b\", \"interval_s\": 0} ]}");
        QVERIFY(!result.ok());
        QCOMPARE(result.problems.size(), 2);
        QVERIFY(result.problems.at(0).startsWith(QStringLiteral("endpoints[0].target:")));
        QVERIFY(result.problems.at(1).startsWith(QStringLiteral("endpoints[1].interval_s:")));
    }

    void keepsUnknownKeysThroughASave()
    {
        const QByteArray json
            = "{\n            \"pingscope_profile\": 1, \"name\": \"future\", \"theme\": {\"accent\": \"teal\"},\n     "
              "       \"defaults\": {\"interval_s\": 5, \"jitter_s\": 1},\n            \"endpoints\": [ {\"target\": "
              "\"https://x.test/\", \"escalation\": [\"ops\"],\n                            \"http\": "
              "{\"expect_body\": \"ok\", \"http3\": true}} ]\n        }";
        const ProfileReadResult result = ProfileReader::fromJson(json);
        QVERIFY2(result.ok(), qPrintable(result.problems.join(QLatin1Char('\n'))));
        QCOMPARE(result.unknownKeys.size(), 4);
        QVERIFY(result.unknownKeys.contains(QStringLiteral("endpoints[0].http.http3")));

        const QJsonObject written = QJsonDocument::fromJson(ProfileWriter::toJson(*result.profile)).object();
        QCOMPARE(written.value(QStringLiteral("theme")).toObject().value(QStringLiteral("accent")).toString(),
                 QStringLiteral("teal"));
        QCOMPARE(written.value(QStringLiteral("defaults")).toObject().value(QStringLiteral("jitter_s")).toInt(), 1);
        const QJsonObject endpoint = written.value(QStringLiteral("endpoints")).toArray().at(0).toObject();
        QCOMPARE(endpoint.value(QStringLiteral("escalation")).toArray().at(0).toString(), QStringLiteral("ops"));
        QCOMPARE(endpoint.value(QStringLiteral("http")).toObject().value(QStringLiteral("http3")).toBool(), true);
        QCOMPARE(endpoint.value(QStringLiteral("http")).toObject().value(QStringLiteral("expect_body")).toString(),
                 QStringLiteral("ok"));
        // An inherited setting is not pinned into the endpoint, so a later change of the default reaches it.
        QVERIFY(!endpoint.contains(QStringLiteral("interval_s")));
    }

    void roundTripsEverySetting()
    {
        const ProfileReadResult first
            = ProfileReader::fromFile(sourceFile(QStringLiteral("resources/profiles/home-lab.json")));
        QVERIFY(first.ok());
        Profile profile = *first.profile;
        Endpoint added = profile.makeEndpoint();
        added.name = QStringLiteral("Added");
        added.probe.target = *Target::parse(QStringLiteral("dns://x.test?type=MX&server=127.0.0.1:5353"));
        added.intervalS = 2.5;
        added.downIntervalS = 1;
        added.enabled = false;
        added.probe.ipFamily = IpFamily::V6;
        added.probe.dns.expect = QStringLiteral("mail.x.test");
        profile.endpoints << added;
        profile.endpoints[0].probe.http.reuseConnection = true;
        profile.endpoints[0].probe.http.expectStatus = *StatusCodeSet::parse(QStringLiteral("200,204"));

        const ProfileReadResult second = ProfileReader::fromJson(ProfileWriter::toJson(profile));
        QVERIFY2(second.ok(), qPrintable(second.problems.join(QLatin1Char('\n'))));
        QCOMPARE(second.profile->endpoints.size(), 6);
        const Endpoint &back = second.profile->endpoints.last();
        QCOMPARE(back.name, added.name);
        QCOMPARE(back.probe.target, added.probe.target);
        QCOMPARE(back.intervalS, 2.5);
        QCOMPARE(back.downIntervalS, std::optional<double>(1));
        QCOMPARE(back.enabled, false);
        QCOMPARE(back.probe.ipFamily, IpFamily::V6);
        QCOMPARE(back.probe.dns, added.probe.dns);
        QCOMPARE(second.profile->endpoints.at(0).probe.http, profile.endpoints.at(0).probe.http);
        QCOMPARE(second.profile->endpoints.at(0).probe.degradedMs, std::optional<int>(800));
    }

    void everyEndpointHasAStableId()
    {
        // Two endpoints of the same target, one with an id of its own.
        const QByteArray json("{\"pingscope_profile\": 1, \"endpoints\": [{\"target\": \"tcp://a:1\"}, "
                              "{\"target\": \"tcp://a:1\"}, {\"target\": \"tcp://b:1\", \"id\": \"db-main\"}]}");
        const ProfileReadResult first = ProfileReader::fromJson(json);
        QVERIFY2(first.ok(), qPrintable(first.problems.join(QLatin1Char('\n'))));
        const QList<Endpoint> &endpoints = first.profile->endpoints;
        QCOMPARE(endpoints.at(2).id, QStringLiteral("db-main"));
        QVERIFY(Endpoint::isValidId(endpoints.at(0).id));
        QVERIFY(endpoints.at(0).id != endpoints.at(1).id); // the same target, two histories
        // Derived from the file, not made up: read again, the ids are the same.
        const ProfileReadResult again = ProfileReader::fromJson(json);
        QCOMPARE(again.profile->endpoints.at(0).id, endpoints.at(0).id);
        QCOMPARE(again.profile->endpoints.at(1).id, endpoints.at(1).id);

        // The writer keeps them, so the next read needs no deriving, even after the target changes.
        Profile profile = *first.profile;
        profile.endpoints[0].probe.target = *Target::parse(QStringLiteral("tcp://renamed:1"));
        profile.endpoints[0].name = QStringLiteral("Renamed");
        const QByteArray saved = ProfileWriter::toJson(profile);
        const QJsonArray written = QJsonDocument::fromJson(saved).object().value(QStringLiteral("endpoints")).toArray();
        QCOMPARE(written.at(0).toObject().value(QStringLiteral("id")).toString(), endpoints.at(0).id);
        const ProfileReadResult back = ProfileReader::fromJson(saved);
        QVERIFY(back.ok());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(back.profile->endpoints.at(i).id, endpoints.at(i).id);

        // New endpoints get fresh ids of their own.
        const Endpoint one = profile.makeEndpoint();
        const Endpoint two = profile.makeEndpoint();
        QVERIFY(Endpoint::isValidId(one.id));
        QVERIFY(one.id != two.id);
    }

    // PCRE's $ also matches before a final newline: these passed with the newline kept, and a header
    // name ending in one would have reached curl as a line of its own.
    void validatorsRefuseATrailingNewline()
    {
        QVERIFY(Endpoint::isValidId(QStringLiteral("db")));
        QVERIFY(!Endpoint::isValidId(QStringLiteral("db\n")));
        QVERIFY(HttpOptions::isHeaderName(QStringLiteral("X-Token")));
        QVERIFY(!HttpOptions::isHeaderName(QStringLiteral("X-Token\n")));
        QVERIFY(HttpOptions::isMethod(QStringLiteral("GET")));
        QVERIFY(!HttpOptions::isMethod(QStringLiteral("GET\n")));
    }

    void savesAtomically()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("profile.json"));
        const ProfileReadResult read
            = ProfileReader::fromFile(sourceFile(QStringLiteral("resources/profiles/home-lab.json")));
        QVERIFY(read.ok());
        QString error;
        QVERIFY2(ProfileWriter::toFile(*read.profile, path, &error), qPrintable(error));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray before = saved.readAll();
        saved.close();

        // A save that cannot be written whole must leave the old file as it was.
        Profile bigger = *read.profile;
        for (int i = 0; i < 200; ++i) {
            Endpoint endpoint = bigger.makeEndpoint();
            endpoint.name = QStringLiteral("endpoint %1").arg(i);
            endpoint.probe.target = *Target::parse(QStringLiteral("tcp://host%1.test:80").arg(i));
            bigger.endpoints << endpoint;
        }
#ifdef Q_OS_LINUX
        // Limit the size a file may grow to, so the write fails mid-way (EFBIG), even for root.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        rlimit small = old;
        small.rlim_cur = rlim_t(before.size() + 100);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const bool savedBigger = ProfileWriter::toFile(bigger, path, &error);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);
        QVERIFY(!savedBigger);
        QVERIFY2(error.contains(path), qPrintable(error));
#else
        QSKIP("needs RLIMIT_FSIZE to make a write fail");
#endif
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("profile.json")});

        // And a save into a folder that does not exist fails with a message, not a crash.
        QVERIFY(!ProfileWriter::toFile(bigger, dir.filePath(QStringLiteral("missing/p.json")), &error));
        QVERIFY(!error.isEmpty());
    }

    void refusesUnreadableFiles()
    {
        const ProfileReadResult result = ProfileReader::fromFile(QStringLiteral("/nonexistent/profile.json"));
        QVERIFY(!result.ok());
        QVERIFY(result.problems.first().contains(QStringLiteral("cannot be read")));
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
