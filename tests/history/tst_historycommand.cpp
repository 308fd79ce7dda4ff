#include "HistoryTestSupport.h"
#include "PingscopeProcess.h"
#include "history/SqliteHistoryStore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace HistoryTest;

// pingscope history …, the real executable on a history made here: the shapes issue #12 gives.
class TestHistoryCommand final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_start = 0;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("h.sqlite"));
        auto store = open(m_path, {});
        QVERIFY(store);
        m_start = QDateTime::currentMSecsSinceEpoch() - 3'600'000;
        store->describe({HistoryEndpoint{QStringLiteral("id-db"), QStringLiteral("db"),
                                         QStringLiteral("tcp://db.test:5432"), ProbeKind::Tcp}});
        store->beginRun(m_start);
        QList<HistoryEntry> all;
        for (int i = 0; i < 60; ++i) {
            const bool down = i >= 20 && i < 30; // down for ten minutes
            all << HistoryEntry{QStringLiteral("id-db"),
                                down ? result(m_start + i * 60'000, ProbeStatus::Down, 1000, ErrorKind::Refused,
                                              QStringLiteral("connection refused, \"port\" closed"))
                                     : result(m_start + i * 60'000, ProbeStatus::Up, 1500),
                                down ? EndpointStatus::Down : EndpointStatus::Up};
        }
        store->append(all);
        store->endRun(m_start + 60 * 60'000);
        flush(*store);
    }

    void outagesJson()
    {
        const PingscopeRun run = runPingscope({QStringLiteral("history"), QStringLiteral("outages"), m_path,
                                               QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        const QJsonArray outages = root.value(QStringLiteral("outages")).toArray();
        QCOMPARE(outages.size(), 1);
        const QJsonObject outage = outages.first().toObject();
        QCOMPARE(outage.keys(),
                 (QStringList{"duration_s", "end", "endpoint", "error_kind", "message", "start", "target"}));
        QCOMPARE(outage.value(QStringLiteral("endpoint")).toString(), QStringLiteral("db"));
        QCOMPARE(outage.value(QStringLiteral("target")).toString(), QStringLiteral("tcp://db.test:5432"));
        QCOMPARE(outage.value(QStringLiteral("duration_s")).toDouble(), 600.0);
        QCOMPARE(outage.value(QStringLiteral("error_kind")).toString(), QStringLiteral("refused"));
        QCOMPARE(QDateTime::fromString(outage.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
                 m_start + 20 * 60'000);
    }

    void uptimeJson()
    {
        const PingscopeRun run
            = runPingscope({QStringLiteral("history"), QStringLiteral("uptime"), m_path, QStringLiteral("--since"),
                            QStringLiteral("7d"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        QVERIFY(root.contains(QStringLiteral("since")) && root.contains(QStringLiteral("until")));
        const QJsonArray endpoints = root.value(QStringLiteral("endpoints")).toArray();
        QCOMPARE(endpoints.size(), 1);
        const QJsonObject db = endpoints.first().toObject();
        QCOMPARE(db.keys(), (QStringList{"down_s", "endpoint", "observed_s", "target", "uptime_ratio"}));
        QCOMPARE(db.value(QStringLiteral("observed_s")).toDouble(), 3600.0);
        QCOMPARE(db.value(QStringLiteral("down_s")).toDouble(), 600.0);
        QCOMPARE(db.value(QStringLiteral("uptime_ratio")).toDouble(), 3000.0 / 3600.0);
    }

    void exportCsvAndJson()
    {
        const PingscopeRun csv = runPingscope({QStringLiteral("history"), QStringLiteral("export"), m_path,
                                               QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 61);
        QCOMPARE(lines.first(), QByteArray("time,endpoint,target,kind,status,latency_ms,error_kind,message"));
        QVERIFY2(lines.at(21).endsWith(
                     ",db,tcp://db.test:5432,tcp,down,,refused,\"connection refused, \"\"port\"\" closed\""),
                 lines.at(21).constData());
        QVERIFY2(lines.at(1).endsWith(",db,tcp://db.test:5432,tcp,up,1.500,,"), lines.at(1).constData());

        const PingscopeRun json = runPingscope(
            {QStringLiteral("history"), QStringLiteral("export"), m_path, QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("--endpoint"), QStringLiteral("db"), QStringLiteral("--from"),
             historyTimeOf(m_start + 30 * 60'000).toString(Qt::ISODateWithMs)});
        QCOMPARE(json.exitCode, 0);
        const QList<QByteArray> rows = json.out.trimmed().split('\n');
        QCOMPARE(rows.size(), 30);
        const QJsonObject row = QJsonDocument::fromJson(rows.first()).object();
        QCOMPARE(row.keys(),
                 (QStringList{"endpoint", "error_kind", "kind", "latency_ms", "message", "status", "target", "time"}));

        const PingscopeRun unknown
            = runPingscope({QStringLiteral("history"), QStringLiteral("export"), m_path, QStringLiteral("--format"),
                            QStringLiteral("csv"), QStringLiteral("--endpoint"), QStringLiteral("nope")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("no endpoint \"nope\""));
    }

    void backupAndRefusals()
    {
        const QString copy = m_dir.filePath(QStringLiteral("copy.sqlite"));
        QCOMPARE(runPingscope({QStringLiteral("history"), QStringLiteral("backup"), m_path, copy}).exitCode, 0);
        const PingscopeRun fromCopy = runPingscope({QStringLiteral("history"), QStringLiteral("export"), copy,
                                                    QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(fromCopy.out.trimmed().split('\n').size(), 61);

        const QString notes = m_dir.filePath(QStringLiteral("notes.txt"));
        {
            QFile file(notes);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a history\n");
        }
        const PingscopeRun refused = runPingscope({QStringLiteral("history"), QStringLiteral("uptime"), notes,
                                                   QStringLiteral("--since"), QStringLiteral("24h")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("not a Pingscope history"), refused.err.constData());
        QCOMPARE(fileBytes(notes), QByteArray("not a history\n"));
        QCOMPARE(runPingscope({QStringLiteral("history"), QStringLiteral("uptime"), m_path}).exitCode, 2); // no --since
    }
};

QTEST_GUILESS_MAIN(TestHistoryCommand)
#include "tst_historycommand.moc"
