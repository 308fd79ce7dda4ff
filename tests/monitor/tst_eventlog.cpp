#include "monitor/EventLog.h"

#include <QSignalSpy>
#include <QTest>

namespace {

EventLogEntry probeError(EndpointId id, ErrorKind kind, const QString &message, const QDateTime &at = {})
{
    EventLogEntry entry;
    entry.type = EventLogEntry::Type::ProbeError;
    entry.endpointId = id;
    entry.endpointName = QStringLiteral("endpoint %1").arg(id);
    entry.severity = EventSeverity::Warning;
    entry.errorKind = kind;
    entry.message = message;
    entry.time = at;
    return entry;
}

EventLogEntry statusChange(EndpointId id)
{
    EventLogEntry entry;
    entry.type = EventLogEntry::Type::StatusChange;
    entry.endpointId = id;
    entry.severity = EventSeverity::Error;
    entry.message = QStringLiteral("down (was up)");
    return entry;
}

} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT

private slots:
    void boundedOldestGoFirst()
    {
        EventLog log(5);
        QSignalSpy added(&log, &EventLog::entryAdded);
        QSignalSpy trimmed(&log, &EventLog::entriesTrimmed);
        for (int i = 1; i <= 8; ++i)
            log.add(probeError(EndpointId(i), ErrorKind::Timeout, QStringLiteral("no answer")));
        QCOMPARE(log.size(), 5);
        QCOMPARE(added.size(), 8);
        int trimmedCount = 0;
        for (const auto &signal : trimmed)
            trimmedCount += signal.first().toInt();
        QCOMPARE(trimmedCount, 3);
        QCOMPARE(log.at(0).sequence, quint64(4));
        QCOMPARE(log.at(4).sequence, quint64(8));
        QVERIFY(!log.find(3));
        QCOMPARE(log.find(6)->endpointId, EndpointId(6));

        log.setCapacity(2);
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).sequence, quint64(7));
    }

    void defaultCapacity()
    {
        EventLog log;
        for (int i = 0; i < 10050; ++i)
            log.add(probeError(EndpointId(i + 1), ErrorKind::Refused, QStringLiteral("refused")));
        QCOMPARE(log.size(), 10000);
    }

    void repeatsFoldIntoOneEntry()
    {
        EventLog log;
        QSignalSpy added(&log, &EventLog::entryAdded);
        QSignalSpy folded(&log, &EventLog::entryFolded);
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        log.add(probeError(1, ErrorKind::Refused, QStringLiteral("refused"), t0));
        log.add(probeError(2, ErrorKind::Timeout, QStringLiteral("no answer"), t0)); // another endpoint between
        log.add(probeError(1, ErrorKind::Refused, QStringLiteral("refused"), t0.addSecs(1)));
        log.add(probeError(1, ErrorKind::Refused, QStringLiteral("refused"), t0.addSecs(2)));
        QCOMPARE(log.size(), 2);
        QCOMPARE(added.size(), 2);
        QCOMPARE(folded.size(), 2);
        const EventLogEntry &first = log.at(0);
        QCOMPARE(first.count, 3);
        QCOMPARE(first.time, t0);
        QCOMPARE(first.lastSeen, t0.addSecs(2));
        QCOMPARE(folded.last().first().value<EventLogEntry>().count, 3);
        QCOMPARE(folded.last().first().value<EventLogEntry>().sequence, first.sequence);
    }

    void onlyIdenticalErrorsInARowFold()
    {
        EventLog log;
        log.add(probeError(1, ErrorKind::Refused, QStringLiteral("refused")));
        log.add(probeError(1, ErrorKind::Refused, QStringLiteral("refused on port 81"))); // other message
        log.add(probeError(1, ErrorKind::Timeout, QStringLiteral("refused on port 81"))); // other kind
        QCOMPARE(log.size(), 3);
        log.add(statusChange(1)); // breaks the run
        log.add(probeError(1, ErrorKind::Timeout, QStringLiteral("refused on port 81")));
        QCOMPARE(log.size(), 5);
        QCOMPARE(log.at(4).count, 1);
        EventLogEntry network;
        network.type = EventLogEntry::Type::Network;
        network.message = QStringLiteral("offline");
        log.add(network);
        log.add(network); // monitor-wide events are never folded
        QCOMPARE(log.size(), 7);
    }

    void aTrimmedEntryIsNotFoldedInto()
    {
        EventLog log(2);
        log.add(probeError(1, ErrorKind::Refused, QStringLiteral("refused")));
        log.add(probeError(2, ErrorKind::Refused, QStringLiteral("refused")));
        log.add(probeError(3, ErrorKind::Refused, QStringLiteral("refused"))); // endpoint 1's entry goes
        log.add(probeError(1, ErrorKind::Refused, QStringLiteral("refused")));
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(1).endpointId, EndpointId(1));
        QCOMPARE(log.at(1).count, 1);
    }

    void clear()
    {
        EventLog log;
        QSignalSpy cleared(&log, &EventLog::cleared);
        log.add(probeError(1, ErrorKind::Refused, QStringLiteral("refused")));
        log.clear();
        QCOMPARE(log.size(), 0);
        QCOMPARE(cleared.size(), 1);
        log.add(probeError(1, ErrorKind::Refused, QStringLiteral("refused")));
        QCOMPARE(log.at(0).count, 1);
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
