#include "cli/JUnitReport.h"
#include "cli/ResultJson.h"
#include "cli/ResultTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QXmlStreamReader>

using namespace std::chrono_literals;

namespace {
QList<CheckOutcome> sampleOutcomes()
{
    CheckOutcome http;
    http.endpoint.name = QStringLiteral("API");
    http.endpoint.probe.target = *Target::parse(QStringLiteral("https://127.0.0.1:8443/health"));
    http.result.status = ProbeStatus::Up;
    http.result.latency = 12345us;
    http.result.started = QDateTime(QDate(2026, 11, 25), QTime(11, 0, 0, 123), Qt::UTC);
    http.result.phases = PhaseTimings{100us, 200us, 3100us, 8000us, 945us};
    http.result.httpStatus = 200;
    http.result.bytes = 1234;
    http.result.certificate = CertificateInfo{QDateTime(QDate(2027, 1, 31), QTime(0, 0), Qt::UTC),
                                              QStringLiteral("CN=localhost"), QStringLiteral("CN=CA"), true};

    CheckOutcome icmp;
    icmp.endpoint.probe.target = *Target::parse(QStringLiteral("icmp://127.0.0.1"));
    icmp.result.status = ProbeStatus::Degraded;
    icmp.result.latency = 50us;
    icmp.result.icmp = IcmpReport{3, 2, {50us, 40us}};
    icmp.result.degradedReason = QStringLiteral("lost 1 of 3 packets");

    CheckOutcome tcp;
    tcp.endpoint.name = QStringLiteral("DB <primary> & \"friends\"");
    tcp.endpoint.probe.target = *Target::parse(QStringLiteral("tcp://127.0.0.1:9"));
    tcp.result = ProbeResult::failure(ErrorKind::Refused, QStringLiteral("connection refused by 127.0.0.1:9"));
    tcp.result.latency = 150us;
    tcp.result.phases.dns = 0us;
    return {http, icmp, tcp};
}
} // namespace

class TestResultFormats : public QObject
{
    Q_OBJECT

private slots:
    void jsonFollowsTheContract()
    {
        const auto outcomes = sampleOutcomes();
        const QJsonObject document = ResultJson::document(outcomes, CheckSummary::of(outcomes, 13.2));
        // Through text and back, as a script would read it.
        const QJsonObject root = QJsonDocument::fromJson(QJsonDocument(document).toJson()).object();
        const QJsonArray results = root.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 3);

        const QJsonObject http = results.at(0).toObject();
        QCOMPARE(http.value(QStringLiteral("name")).toString(), QStringLiteral("API"));
        QCOMPARE(http.value(QStringLiteral("target")).toString(), QStringLiteral("https://127.0.0.1:8443/health"));
        QCOMPARE(http.value(QStringLiteral("kind")).toString(), QStringLiteral("http"));
        QCOMPARE(http.value(QStringLiteral("status")).toString(), QStringLiteral("up"));
        QCOMPARE(http.value(QStringLiteral("latency_ms")).toDouble(), 12.345);
        const QJsonObject phases = http.value(QStringLiteral("phases_ms")).toObject();
        QCOMPARE(phases.size(), 5);
        QCOMPARE(phases.value(QStringLiteral("dns")).toDouble(), 0.1);
        QCOMPARE(phases.value(QStringLiteral("tls")).toDouble(), 3.1);
        QCOMPARE(phases.value(QStringLiteral("transfer")).toDouble(), 0.945);
        QCOMPARE(http.value(QStringLiteral("http_status")).toInt(), 200);
        QCOMPARE(http.value(QStringLiteral("bytes")).toInt(), 1234);
        QCOMPARE(http.value(QStringLiteral("cert_expires")).toString(), QStringLiteral("2027-01-31T00:00:00Z"));
        QVERIFY(http.value(QStringLiteral("icmp")).isNull());
        QVERIFY(http.value(QStringLiteral("error")).isNull());
        QVERIFY(http.value(QStringLiteral("degraded_reason")).isNull());
        QCOMPARE(http.value(QStringLiteral("started")).toString(), QStringLiteral("2026-11-25T11:00:00.123Z"));

        const QJsonObject icmp = results.at(1).toObject();
        QCOMPARE(icmp.value(QStringLiteral("name")).toString(), QStringLiteral("icmp://127.0.0.1"));
        QCOMPARE(icmp.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QCOMPARE(icmp.value(QStringLiteral("phases_ms")).toObject().size(), 0);
        QVERIFY(icmp.value(QStringLiteral("http_status")).isNull());
        QVERIFY(icmp.value(QStringLiteral("cert_expires")).isNull());
        const QJsonObject report = icmp.value(QStringLiteral("icmp")).toObject();
        QCOMPARE(report.value(QStringLiteral("sent")).toInt(), 3);
        QCOMPARE(report.value(QStringLiteral("received")).toInt(), 2);
        QCOMPARE(report.value(QStringLiteral("rtt_ms")).toArray(), (QJsonArray{0.05, 0.04}));
        QCOMPARE(icmp.value(QStringLiteral("degraded_reason")).toString(), QStringLiteral("lost 1 of 3 packets"));
        QVERIFY(icmp.value(QStringLiteral("started")).isNull());

        const QJsonObject tcp = results.at(2).toObject();
        QCOMPARE(tcp.value(QStringLiteral("status")).toString(), QStringLiteral("down"));
        QVERIFY(tcp.value(QStringLiteral("latency_ms")).isNull());
        QCOMPARE(tcp.value(QStringLiteral("elapsed_ms")).toDouble(), 0.15);
        const QJsonObject error = tcp.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("refused"));
        QCOMPARE(error.value(QStringLiteral("message")).toString(),
                 QStringLiteral("connection refused by 127.0.0.1:9"));

        const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("up")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("degraded")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("down")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("elapsed_ms")).toDouble(), 13.2);
    }

    void tableIsAlignedAndPlainWhenPiped()
    {
        const auto outcomes = sampleOutcomes();
        const QString text = ResultTable::render(outcomes, CheckSummary::of(outcomes, 13.2), false);
        QVERIFY(!text.contains(QLatin1Char('\x1b')));
        const QStringList lines = text.split(QLatin1Char('\n'));
        QVERIFY(lines.at(0).startsWith(QStringLiteral("STATUS  ")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("UP        API (https://127.0.0.1:8443/health)")));
        QVERIFY(lines.at(2).startsWith(QStringLiteral("DEGRADED")));
        QVERIFY(lines.at(3).contains(QStringLiteral("refused: connection refused by 127.0.0.1:9")));
        // The name column starts at the same place on every row.
        const qsizetype column = lines.at(0).indexOf(QStringLiteral("NAME"));
        QCOMPARE(lines.at(1).indexOf(QStringLiteral("API")), column);
        QCOMPARE(lines.at(3).indexOf(QStringLiteral("DB <primary>")), column);
        QVERIFY(lines.at(1).contains(QStringLiteral("12.3 ms")));
        QVERIFY(lines.at(1).contains(QStringLiteral("dns 0.10 connect 0.20 tls 3.10 ttfb 8.00 transfer 0.94")));
        QVERIFY(text.contains(QStringLiteral("1 up, 1 degraded, 1 down in 13.2 ms")));
    }

    void tableColoursStatusOnATerminal()
    {
        const auto outcomes = sampleOutcomes();
        const QString text = ResultTable::render(outcomes, CheckSummary::of(outcomes, 1), true);
        QVERIFY(text.contains(QStringLiteral("\x1b[32mUP")));
        QVERIFY(text.contains(QStringLiteral("\x1b[33mDEGRADED")));
        QVERIFY(text.contains(QStringLiteral("\x1b[31mDOWN")));
    }

    void junitIsWellFormed()
    {
        const auto outcomes = sampleOutcomes();
        const QByteArray xml = JUnitReport::render(outcomes, CheckSummary::of(outcomes, 13.2));
        QXmlStreamReader reader(xml);
        int testcases = 0;
        int failures = 0;
        QString failureType;
        QString failedName;
        QString currentName;
        while (!reader.atEnd()) {
            if (reader.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (reader.name() == QLatin1String("testsuite")) {
                QCOMPARE(reader.attributes().value(QStringLiteral("tests")).toString(), QStringLiteral("3"));
                QCOMPARE(reader.attributes().value(QStringLiteral("failures")).toString(), QStringLiteral("1"));
            } else if (reader.name() == QLatin1String("testcase")) {
                ++testcases;
                currentName = reader.attributes().value(QStringLiteral("name")).toString();
            } else if (reader.name() == QLatin1String("failure")) {
                ++failures;
                failureType = reader.attributes().value(QStringLiteral("type")).toString();
                failedName = currentName;
            }
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(testcases, 3);
        QCOMPARE(failures, 1);
        QCOMPARE(failureType, QStringLiteral("refused"));
        QCOMPARE(failedName, QStringLiteral("DB <primary> & \"friends\""));
    }
};

QTEST_GUILESS_MAIN(TestResultFormats)
#include "tst_resultformats.moc"
