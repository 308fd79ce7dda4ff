#include "SpinEventLoop.h"
#include "async/DeadlineTimer.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace std::chrono_literals;
using std::chrono::microseconds;

class TestDeadlineTimer : public QObject
{
    Q_OBJECT

private slots:
    void firesAtItsDeadlineAndNeverBefore()
    {
        DeadlineTimer timer;
        EngineClock::time_point firedAt;
        QEventLoop loop; // not QTest::qWait, which sleeps 10 ms between its passes
        connect(&timer, &DeadlineTimer::timeout, this, [&] {
            firedAt = EngineClock::now();
            loop.quit();
        });
        microseconds earliest = 1h;
        for (int i = 0; i < 20; ++i) {
            const auto deadline = EngineClock::now() + 300us;
            firedAt = {};
            timer.start(deadline);
            QTimer::singleShot(2s, &loop, &QEventLoop::quit);
            loop.exec();
            QVERIFY2(firedAt != EngineClock::time_point{}, "never fired");
            QVERIFY2(firedAt >= deadline, "fired before its deadline");
            earliest = std::min(earliest, std::chrono::duration_cast<microseconds>(firedAt - deadline));
            QVERIFY(!timer.isActive());
        }
#ifdef Q_OS_LINUX
        // A millisecond timer rounds 300 µs up to a whole millisecond and is always 700 µs late or more;
        // the timerfd is late by the wake-up alone. The quickest of 20 shows it even on a busy machine.
        QVERIFY(timer.isMicrosecondPrecise());
        QVERIFY2(earliest < 500us, qPrintable(QStringLiteral("%1 µs").arg(earliest.count())));
#endif
    }

    void stopCancelsTheTimeout()
    {
        DeadlineTimer timer;
        QSignalSpy spy(&timer, &DeadlineTimer::timeout);
        timer.start(EngineClock::now() + 20ms);
        timer.stop();
        QVERIFY(!timer.isActive());
        spinEventLoop(80ms);
        QCOMPARE(spy.count(), 0);
    }

    void startReplacesTheDeadline()
    {
        DeadlineTimer timer;
        QSignalSpy spy(&timer, &DeadlineTimer::timeout);
        const auto t0 = EngineClock::now();
        timer.start(t0 + 10s);
        timer.start(t0 + 20ms); // earlier
        QVERIFY(spy.wait(2000));
        QVERIFY(EngineClock::now() - t0 < 5s);

        const auto t1 = EngineClock::now();
        timer.start(t1 + 20ms);
        timer.start(t1 + 150ms); // later
        spinEventLoop(100ms);
        QCOMPARE(spy.count(), 1);
        QVERIFY(spy.wait(2000));
        QVERIFY(EngineClock::now() - t1 >= 150ms);
        spinEventLoop(50ms);
        QCOMPARE(spy.count(), 2);
    }

    void theSameDeadlineAgainFiresOnce()
    {
        DeadlineTimer timer;
        QSignalSpy spy(&timer, &DeadlineTimer::timeout);
        const auto deadline = EngineClock::now() + 20ms;
        timer.start(deadline);
        timer.start(deadline);
        QVERIFY(spy.wait(2000));
        spinEventLoop(50ms);
        QCOMPARE(spy.count(), 1);
        // Once fired, the same deadline arms it again (now in the past: at once).
        timer.start(deadline);
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.count(), 2);
    }

    void aPastDeadlineFiresAtOnce()
    {
        DeadlineTimer timer;
        QSignalSpy spy(&timer, &DeadlineTimer::timeout);
        const auto t0 = EngineClock::now();
        timer.start(t0 - 1s);
        QVERIFY(spy.wait(2000));
        QVERIFY(EngineClock::now() - t0 < 1s);
        spinEventLoop(50ms);
        QCOMPARE(spy.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDeadlineTimer)
#include "tst_deadlinetimer.moc"
