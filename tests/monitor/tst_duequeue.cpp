#include "monitor/DueQueue.h"

#include <QTest>

using namespace std::chrono_literals;

class TestDueQueue : public QObject
{
    Q_OBJECT

private slots:
    void takesWhatIsDueEarliestFirstUpToTheLimit()
    {
        DueQueue queue;
        const auto t0 = EngineClock::time_point{} + 1h;
        for (EndpointId id = 1; id <= 10; ++id)
            queue.schedule(id, t0 + std::chrono::milliseconds(11 - id)); // id 10 earliest
        queue.schedule(11, t0 + 1s); // not due

        const auto first = queue.takeDue(t0 + 100ms, 4);
        QCOMPARE(first.size(), std::size_t(4));
        QCOMPARE(first[0].first, EndpointId(10));
        QCOMPARE(first[3].first, EndpointId(7));
        QCOMPARE(first[0].second, t0 + 1ms);
        QCOMPARE(queue.size(), 7);
        QCOMPARE(*queue.earliest(), t0 + 5ms);

        const auto rest = queue.takeDue(t0 + 100ms, 100);
        QCOMPARE(rest.size(), std::size_t(6));
        QCOMPARE(rest.back().first, EndpointId(1));
        QCOMPARE(queue.size(), 1);
        QVERIFY(queue.takeDue(t0 + 100ms, 100).empty());
        QVERIFY(!queue.dueTime(3));
        QCOMPARE(*queue.dueTime(11), t0 + 1s);
    }

    void nthEarliestCountsFromOne()
    {
        DueQueue queue;
        const auto t0 = EngineClock::time_point{} + 1h;
        QVERIFY(!queue.nthEarliest(1));
        queue.schedule(7, t0 + 30ms);
        queue.schedule(8, t0 + 10ms);
        queue.schedule(9, t0 + 20ms);
        QCOMPARE(*queue.nthEarliest(1), t0 + 10ms);
        QCOMPARE(*queue.nthEarliest(2), t0 + 20ms);
        QCOMPARE(*queue.nthEarliest(3), t0 + 30ms);
        QVERIFY(!queue.nthEarliest(4));
        QVERIFY(!queue.nthEarliest(0));
    }

    void schedulingAgainMovesAnEntry()
    {
        DueQueue queue;
        const auto t0 = EngineClock::time_point{} + 1h;
        queue.schedule(1, t0 + 5ms);
        queue.schedule(2, t0 + 3ms);
        queue.schedule(1, t0 + 1ms);
        QCOMPARE(queue.size(), 2);
        QCOMPARE(*queue.earliest(), t0 + 1ms);
        queue.remove(1);
        QCOMPARE(*queue.earliest(), t0 + 3ms);
        queue.clear();
        QVERIFY(queue.isEmpty());
        QVERIFY(!queue.earliest());
    }
};

QTEST_GUILESS_MAIN(TestDueQueue)
#include "tst_duequeue.moc"
