#include "log/EventLogFilterModel.h"
#include "log/EventLogModel.h"
#include "monitor/EventLog.h"
#include "text/TableExport.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {
EventLogEntry entry(EndpointId id, EventSeverity severity, QString message, ErrorKind kind = ErrorKind::Refused)
{
    EventLogEntry e;
    e.type = EventLogEntry::Type::ProbeError;
    e.time = QDateTime::currentDateTimeUtc();
    e.lastSeen = e.time;
    e.endpointId = id;
    e.endpointName = QStringLiteral("endpoint %1").arg(id);
    e.severity = severity;
    e.errorKind = kind;
    e.message = std::move(message);
    return e;
}

QStringList messages(const QAbstractItemModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, EventLogModel::MessageColumn).data().toString();
    return list;
}
} // namespace

class TestEventLogModel : public QObject
{
    Q_OBJECT

private slots:
    void mirrorsAddsFoldsTrimsAndClears()
    {
        EventLog log(3);
        log.add(entry(1, EventSeverity::Error, QStringLiteral("before the model")));
        EventLogModel model(&log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);

        log.add(entry(2, EventSeverity::Error, QStringLiteral("refused")));
        log.add(entry(2, EventSeverity::Error, QStringLiteral("refused"))); // folds
        log.add(entry(2, EventSeverity::Error, QStringLiteral("refused")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, EventLogModel::CountColumn).data().toInt(), 3);
        QCOMPARE(model.index(1, EventLogModel::KindColumn).data().toString(), QStringLiteral("refused"));
        QCOMPARE(model.index(1, EventLogModel::EndpointColumn).data().toString(), QStringLiteral("endpoint 2"));

        log.add(entry(3, EventSeverity::Info, QStringLiteral("third")));
        log.add(entry(4, EventSeverity::Warning, QStringLiteral("fourth"))); // the oldest goes
        QCOMPARE(messages(model),
                 (QStringList{QStringLiteral("refused"), QStringLiteral("third"), QStringLiteral("fourth")}));
        log.add(entry(4, EventSeverity::Warning, QStringLiteral("fourth"))); // folds after a trim
        QCOMPARE(model.index(2, EventLogModel::CountColumn).data().toInt(), 2);

        log.clear();
        QCOMPARE(model.rowCount(), 0);
        log.add(entry(5, EventSeverity::Error, QStringLiteral("after clear")));
        QCOMPARE(messages(model), QStringList{QStringLiteral("after clear")});
    }

    void filtersBySeverityEndpointAndText()
    {
        EventLog log;
        log.add(entry(1, EventSeverity::Info, QStringLiteral("api is up")));
        log.add(entry(1, EventSeverity::Error, QStringLiteral("api refused")));
        log.add(entry(2, EventSeverity::Warning, QStringLiteral("db slow")));
        log.add(entry(2, EventSeverity::Error, QStringLiteral("db timed out"), ErrorKind::Timeout));
        EventLogModel model(&log);
        EventLogFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(filter.rowCount(), 4);

        filter.setMinimumSeverity(EventSeverity::Warning);
        QCOMPARE(
            messages(filter),
            (QStringList{QStringLiteral("api refused"), QStringLiteral("db slow"), QStringLiteral("db timed out")}));
        filter.setEndpoint(2);
        QCOMPARE(messages(filter), (QStringList{QStringLiteral("db slow"), QStringLiteral("db timed out")}));
        filter.setText(QStringLiteral("TIMEOUT")); // the kind column matches too
        QCOMPARE(messages(filter), QStringList{QStringLiteral("db timed out")});
        filter.setEndpoint(0);
        filter.setMinimumSeverity(EventSeverity::Info);
        filter.setText(QStringLiteral("api"));
        QCOMPARE(filter.rowCount(), 2);
        log.add(entry(3, EventSeverity::Info, QStringLiteral("new api entry"))); // live rows are filtered too
        QCOMPARE(filter.rowCount(), 3);
    }

    void exportsCsvAndTabSeparatedText()
    {
        EventLog log;
        log.add(entry(1, EventSeverity::Error, QStringLiteral("said \"no\", twice")));
        log.add(entry(2, EventSeverity::Error, QStringLiteral("plain")));
        EventLogModel model(&log);

        const QString csv = TableExport::csv(&model, TableExport::allRows(&model));
        const QStringList lines = csv.split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 4); // header, two rows, and the empty rest after the last line end
        QCOMPARE(lines[0], QStringLiteral("Time,Severity,Endpoint,Kind,Message,Repeats"));
        QVERIFY2(lines[1].endsWith(QStringLiteral(",Error,endpoint 1,refused,\"said \"\"no\"\", twice\",1")),
                 qPrintable(lines[1]));
        QVERIFY(lines[2].endsWith(QStringLiteral(",plain,1")));
        // The file has the whole UTC timestamp, where the screen shows only today's time.
        QVERIFY2(QDateTime::fromString(lines[1].section(QLatin1Char(','), 0, 0), Qt::ISODate).isValid(),
                 qPrintable(lines[1]));

        const QString tsv = TableExport::tabSeparated(&model, {1});
        QCOMPARE(tsv.count(QLatin1Char('\n')), 2);
        QVERIFY(tsv.contains(QStringLiteral("\tendpoint 2\trefused\tplain\t1\n")));
    }
};

QTEST_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
