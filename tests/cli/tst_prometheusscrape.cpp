#include "BcryptHash.h"
#include "MetricsPage.h"
#include "PingscopeProcess.h"
#include "TestCertificates.h"
#include "TestFiles.h"
#include "cli/Shard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <memory>

// A real Prometheus (Debian's prometheus) scraping two agents that share one profile by --shard and
// name their site by --label, over TLS with basic auth from --web-config: what docs/fleet.md sets up.
namespace {

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

QJsonObject answer(quint16 port, const QString &promql)
{
    return QJsonDocument::fromJson(
               httpBodyOf(httpGet(port, "/api/v1/query?query=" + QUrl::toPercentEncoding(promql), 5000)))
        .object();
}

// The result vector of an instant query, or empty when Prometheus did not answer.
QJsonArray query(quint16 port, const QString &promql)
{
    return answer(port, promql).value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toArray();
}

// True when Prometheus answered the query, with no series: a query that failed is not "none".
bool none(quint16 port, const QString &promql)
{
    const QJsonObject reply = answer(port, promql);
    return reply.value(QStringLiteral("status")).toString() == QLatin1String("success")
        && reply.value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toArray().isEmpty();
}

double valueOf(const QJsonValue &sample)
{
    return sample.toObject().value(QStringLiteral("value")).toArray().at(1).toString().toDouble();
}

QString label(const QJsonValue &sample, const QString &name)
{
    return sample.toObject().value(QStringLiteral("metric")).toObject().value(name).toString();
}

} // namespace

class TestPrometheusScrape : public QObject
{
    Q_OBJECT

private slots:
    void twoShardedAgentsBehindTlsAndBasicAuth()
    {
        const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        if (prometheus.isEmpty())
            QSKIP("prometheus is not installed (Debian package prometheus)");
        TestCertificates certificates;
        QVERIFY2(certificates.isValid(), qPrintable(certificates.error()));
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        QByteArray endpoints;
        constexpr int endpointCount = 20;
        for (int i = 0; i < endpointCount; ++i) {
            endpoints
                += QStringLiteral("%1{\"id\": \"ep-%2\", \"name\": \"ep-%2\", \"target\": \"tcp://127.0.0.1:%3\"}")
                       .arg(i == 0 ? QString() : QStringLiteral(","))
                       .arg(i)
                       .arg(tcp.serverPort())
                       .toUtf8();
        }
        const QString profile = writeTestFile(
            dir, QStringLiteral("p.json"),
            "{\"pingscope_profile\": 1, \"defaults\": {\"interval_s\": 0.5}, \"endpoints\": [" + endpoints + "]}");
        const QString webConfig = writeTestFile(
            dir, QStringLiteral("web.yml"),
            "tls_server_config:\n  cert_file: " + certificates.certificateFile(TestCertificates::Leaf::Good).toUtf8()
                + "\n  key_file: " + certificates.keyFile(TestCertificates::Leaf::Good).toUtf8()
                + "\nbasic_auth_users:\n  prometheus: " + bcryptHash("right-password") + "\n");

        std::vector<std::unique_ptr<PingscopeProcess>> agents;
        QList<quint16> ports;
        for (const char *site : {"a", "b"}) {
            agents.push_back(std::make_unique<PingscopeProcess>(
                QStringList{QStringLiteral("watch"), QStringLiteral("--profile"), profile, QStringLiteral("--log"),
                            QStringLiteral("none"), QStringLiteral("--metrics-listen"), QStringLiteral(":0"),
                            QStringLiteral("--web-config"), webConfig, QStringLiteral("--shard"),
                            QStringLiteral("%1/2").arg(ports.size() + 1), QStringLiteral("--label"),
                            QStringLiteral("site=%1").arg(QLatin1String(site))}));
            PingscopeProcess &agent = *agents.back();
            QVERIFY2(agent.waitUntil([&] { return announcedMetricsPort(agent.err()) != 0; }, 10000),
                     agent.err().constData());
            ports << announcedMetricsPort(agent.err());
        }

        const QByteArray tls
            = "    scheme: https\n    tls_config:\n      ca_file: " + certificates.caFile().toUtf8() + "\n";
        const QString config = writeTestFile(
            dir, QStringLiteral("prometheus.yml"),
            "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
            "  - job_name: agents\n"
                + tls + "    basic_auth:\n      username: prometheus\n      password: right-password\n"
                + "    static_configs:\n      - targets: ['127.0.0.1:" + QByteArray::number(ports.at(0))
                + "', '127.0.0.1:" + QByteArray::number(ports.at(1)) + "']\n" + "  - job_name: wrong-password\n" + tls
                + "    basic_auth:\n      username: prometheus\n      password: wrong-password\n"
                + "    static_configs:\n      - targets: ['127.0.0.1:" + QByteArray::number(ports.at(0)) + "']\n");
        const quint16 port = freePort();
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(prometheus,
                     {QStringLiteral("--config.file=") + config,
                      QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("data")),
                      QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                      QStringLiteral("--log.level=warn")});
        QVERIFY(server.waitForStarted(10000));
        const auto stopServer = qScopeGuard([&] {
            server.terminate();
            if (!server.waitForFinished(10000))
                server.kill();
        });

        // Every endpoint's status scraped, from one site or the other; the wrong password's scrape refused.
        PingscopeProcess &first = *agents.front();
        const bool scraped = first.waitUntil(
            [&] {
                return query(port, QStringLiteral("count(pingscope_up{job=\"agents\"})")).size() == 1
                    && valueOf(query(port, QStringLiteral("count(pingscope_up{job=\"agents\"})")).at(0))
                    == endpointCount
                    && query(port, QStringLiteral("up{job=\"wrong-password\"}")).size() == 1;
            },
            30000);
        QVERIFY2(scraped, (server.readAll() + first.err()).constData());

        const QJsonArray up = query(port, QStringLiteral("up"));
        QCOMPARE(up.size(), 3);
        for (const QJsonValue &sample : up)
            QCOMPARE(valueOf(sample), label(sample, QStringLiteral("job")) == QLatin1String("agents") ? 1.0 : 0.0);

        // Each endpoint from exactly one agent, and each agent's series carry its site.
        QVERIFY(none(port, QStringLiteral("count by (endpoint) (pingscope_up{job=\"agents\"}) > 1")));
        const QJsonArray bySite
            = query(port, QStringLiteral("count by (site, instance) (pingscope_probes_in_flight{job=\"agents\"})"));
        QCOMPARE(bySite.size(), 2);
        QSet<QString> sites;
        for (const QJsonValue &sample : bySite)
            sites << label(sample, QStringLiteral("site"));
        QCOMPARE(sites, QSet<QString>({"a", "b"}));
        QVERIFY(none(port, QStringLiteral("pingscope_up{job=\"agents\", site=\"\"}")));

        // The refused scrape says why.
        const QJsonObject targets
            = QJsonDocument::fromJson(httpBodyOf(httpGet(port, "/api/v1/targets"))).object().value("data").toObject();
        bool refusedWith401 = false;
        for (const QJsonValue &target : targets.value(QStringLiteral("activeTargets")).toArray()) {
            const QJsonObject object = target.toObject();
            if (object.value("labels").toObject().value("job").toString() == QLatin1String("wrong-password"))
                refusedWith401 = object.value("lastError").toString().contains(QLatin1String("401"));
        }
        QVERIFY2(refusedWith401, QJsonDocument(targets).toJson().constData());

        // An agent stopped mid-run: Prometheus shows it unreachable (up 0) and its endpoints' series go
        // stale instead of turning down; the other agent's stay.
        const QString second = QStringLiteral("127.0.0.1:%1").arg(ports.at(1));
        QVERIFY(agents.back()->signalAndTimeExit(SIGKILL, 5000) >= 0);
        const bool unreachable = first.waitUntil(
            [&] {
                const QJsonArray gone = query(port, QStringLiteral("up{instance=\"%1\"}").arg(second));
                return gone.size() == 1 && valueOf(gone.at(0)) == 0;
            },
            15000);
        QVERIFY(unreachable);
        QVERIFY(first.waitUntil([&] { return none(port, QStringLiteral("pingscope_up{instance=\"%1\"}").arg(second)); },
                                15000));
        QVERIFY(none(port, QStringLiteral("pingscope_up{instance=\"%1\"} == 0").arg(second)));
        const QJsonArray still
            = query(port, QStringLiteral("pingscope_up{instance=\"127.0.0.1:%1\"}").arg(ports.at(0)));
        int firstShare = 0;
        for (int i = 0; i < endpointCount; ++i)
            firstShare += Shard::shardOf(QStringLiteral("ep-%1").arg(i), 2) == 1 ? 1 : 0;
        QCOMPARE(still.size(), firstShare);
        QVERIFY(first.signalAndTimeExit(SIGTERM, 5000) >= 0);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusScrape)
#include "tst_prometheusscrape.moc"
