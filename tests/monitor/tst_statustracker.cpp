#include "monitor/StatusTracker.h"

#include <QTest>

namespace {

ProbeResult up()
{
    ProbeResult result;
    result.status = ProbeStatus::Up;
    return result;
}

ProbeResult degraded()
{
    ProbeResult result = up();
    result.status = ProbeStatus::Degraded;
    return result;
}

ProbeResult down()
{
    return ProbeResult::failure(ErrorKind::Refused, QStringLiteral("connection refused"));
}

} // namespace

class TestStatusTracker : public QObject
{
    Q_OBJECT

private slots:
    void oneFailureIsFailingNotDown()
    {
        StatusTracker tracker(2);
        tracker.record(up());
        tracker.record(down());
        QCOMPARE(tracker.status(), EndpointStatus::Up);
        QVERIFY(tracker.isFailing());
        QCOMPARE(tracker.failureStreak(), 1);
        QCOMPARE(tracker.successStreak(), 0);
    }

    void thresholdFailuresInARowTurnDown()
    {
        StatusTracker tracker(2);
        tracker.record(up());
        tracker.record(down());
        tracker.record(down());
        QCOMPARE(tracker.status(), EndpointStatus::Down);
        QVERIFY(!tracker.isFailing()); // down, no longer merely failing
        tracker.record(down());
        QCOMPARE(tracker.failureStreak(), 3);
    }

    void aSuccessInBetweenRestartsTheCount()
    {
        StatusTracker tracker(2);
        tracker.record(down());
        tracker.record(up());
        tracker.record(down());
        QCOMPARE(tracker.status(), EndpointStatus::Up);
    }

    void oneSuccessBringsItBack()
    {
        StatusTracker tracker(2);
        tracker.record(down());
        tracker.record(down());
        tracker.record(up());
        QCOMPARE(tracker.status(), EndpointStatus::Up);
        QCOMPARE(tracker.successStreak(), 1);
        tracker.record(down());
        tracker.record(down());
        tracker.record(degraded());
        QCOMPARE(tracker.status(), EndpointStatus::Degraded);
    }

    void firstFailureOfAnUnknownEndpoint()
    {
        StatusTracker tracker(2);
        tracker.record(down());
        QCOMPARE(tracker.status(), EndpointStatus::Unknown);
        QVERIFY(tracker.isFailing());
        StatusTracker strict(1);
        strict.record(down());
        QCOMPARE(strict.status(), EndpointStatus::Down);
    }

    void thresholdChanges()
    {
        StatusTracker tracker(3);
        tracker.record(up());
        tracker.record(down());
        tracker.record(down());
        QCOMPARE(tracker.status(), EndpointStatus::Up);
        tracker.setFailureThreshold(2); // lowered under the streak: down at once
        QCOMPARE(tracker.status(), EndpointStatus::Down);
        tracker.setFailureThreshold(0); // treated as 1
        QCOMPARE(tracker.failureThreshold(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStatusTracker)
#include "tst_statustracker.moc"
