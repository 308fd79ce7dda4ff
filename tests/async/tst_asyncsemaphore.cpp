#include "CoroTest.h"
#include "async/AsyncSemaphore.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

namespace {

struct Log
{
    std::vector<int> granted; // waiter numbers, in the order they got a slot
    std::vector<int> refused; // waiters resumed without a slot
    int finished = 0;
};

// Takes a slot, records that it did, and holds it until the test releases it.
QCoro::Task<> waiter(AsyncSemaphore *semaphore, int number, std::shared_ptr<Log> log, quint64 *ticket)
{
    auto slot = semaphore->acquire();
    if (ticket)
        *ticket = slot.ticket();
    const bool granted = co_await slot;
    (granted ? log->granted : log->refused).push_back(number);
    ++log->finished;
}

void spin()
{
    // Waiters resume from the event loop, one queued call per batch.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

} // namespace

class TestAsyncSemaphore : public QObject
{
    Q_OBJECT

private slots:
    void grantsUpToCapacityThenFifo()
    {
        AsyncSemaphore semaphore(2);
        auto log = std::make_shared<Log>();
        for (int i = 1; i <= 5; ++i)
            waiter(&semaphore, i, log, nullptr);
        spin();
        QCOMPARE(log->granted, (std::vector<int>{1, 2}));
        QCOMPARE(semaphore.inUse(), 2);
        QCOMPARE(semaphore.waiting(), 3);

        semaphore.release();
        QCOMPARE(log->granted.size(), std::size_t(2)); // resumed from the event loop, not inside release()
        spin();
        QCOMPARE(log->granted, (std::vector<int>{1, 2, 3}));
        semaphore.release();
        semaphore.release();
        spin();
        QCOMPARE(log->granted, (std::vector<int>{1, 2, 3, 4, 5}));
        QCOMPARE(semaphore.waiting(), 0);
        QCOMPARE(semaphore.inUse(), 2);
    }

    void newcomerDoesNotOvertakeTheQueue()
    {
        AsyncSemaphore semaphore(1);
        auto log = std::make_shared<Log>();
        waiter(&semaphore, 1, log, nullptr);
        waiter(&semaphore, 2, log, nullptr);
        semaphore.release(); // the slot passes to 2 even before 2 resumes
        waiter(&semaphore, 3, log, nullptr);
        spin();
        QCOMPARE(log->granted, (std::vector<int>{1, 2}));
        QCOMPARE(semaphore.waiting(), 1);
    }

    void cancelledWaiterLeavesTheQueue()
    {
        AsyncSemaphore semaphore(1);
        auto log = std::make_shared<Log>();
        quint64 second = 0;
        waiter(&semaphore, 1, log, nullptr);
        waiter(&semaphore, 2, log, &second);
        waiter(&semaphore, 3, log, nullptr);
        QCOMPARE(semaphore.waiting(), 2);
        QVERIFY(semaphore.cancel(second));
        QVERIFY(!semaphore.cancel(second));
        QCOMPARE(semaphore.waiting(), 1);
        spin();
        QCOMPARE(log->refused, (std::vector<int>{2}));
        semaphore.release();
        spin();
        QCOMPARE(log->granted, (std::vector<int>{1, 3}));
        QCOMPARE(semaphore.inUse(), 1);
    }

    void growingTheCapacityGrantsAtOnce()
    {
        AsyncSemaphore semaphore(1);
        auto log = std::make_shared<Log>();
        for (int i = 1; i <= 4; ++i)
            waiter(&semaphore, i, log, nullptr);
        semaphore.setCapacity(3);
        spin();
        QCOMPARE(log->granted, (std::vector<int>{1, 2, 3}));
        semaphore.setCapacity(1); // shrinking waits for slots to come back
        semaphore.release();
        semaphore.release();
        spin();
        QCOMPARE(log->granted.size(), std::size_t(3));
        semaphore.release();
        spin();
        QCOMPARE(log->granted, (std::vector<int>{1, 2, 3, 4}));
    }

    void destructionResumesEveryWaiter()
    {
        auto log = std::make_shared<Log>();
        {
            AsyncSemaphore semaphore(1);
            for (int i = 1; i <= 3; ++i)
                waiter(&semaphore, i, log, nullptr);
            semaphore.release(); // 2 is granted but not yet resumed
        }
        QCOMPARE(log->finished, 3);
        QCOMPARE(log->granted, (std::vector<int>{1}));
        QCOMPARE(log->refused, (std::vector<int>{2, 3}));
    }
};

QTEST_GUILESS_MAIN(TestAsyncSemaphore)
#include "tst_asyncsemaphore.moc"
