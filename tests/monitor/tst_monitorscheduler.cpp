#include "FakeProbeExecutor.h"
#include "SpinEventLoop.h"
#include "monitor/Monitor.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <thread>

using namespace std::chrono_literals;
using std::chrono::duration_cast;
using std::chrono::milliseconds;

namespace {

QList<qint64> gapsMs(const QList<EngineClock::time_point> &times)
{
    QList<qint64> gaps;
    for (qsizetype i = 1; i < times.size(); ++i)
        gaps.append(duration_cast<milliseconds>(times[i] - times[i - 1]).count());
    return gaps;
}

QString describe(const QList<qint64> &values)
{
    QStringList parts;
    for (const qint64 value : values)
        parts.append(QString::number(value));
    return parts.join(QLatin1Char(' '));
}

bool countersAddUp(const MonitorCounters &c)
{
    return c.due == c.skipped + c.done + c.cancelled + quint64(c.inFlight);
}

} // namespace

class TestMonitorScheduler : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        // Lets probes cancelled at the end of a test finish and free themselves before the next one.
        QTest::qWait(20);
    }

    void fixedRateStartToStart()
    {
        FakeProbeExecutor executor;
        executor.setReply(QStringLiteral("slow"), FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 300ms});
        executor.setReply(QStringLiteral("overrun"), FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 700ms});
        executor.setReply(QStringLiteral("fast"), FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        // "hung" has no reply: it holds its slot until its 5 s timeout.
        Monitor monitor(&executor);
        const auto ids = monitor.addEndpoints({FakeProbeExecutor::endpoint(QStringLiteral("slow")),
                                               FakeProbeExecutor::endpoint(QStringLiteral("overrun")),
                                               FakeProbeExecutor::endpoint(QStringLiteral("fast")),
                                               FakeProbeExecutor::endpoint(QStringLiteral("hung"), 0.5, 5000)});
        monitor.start();
        spinEventLoop(2300ms);

        // A 300 ms answer does not stretch a 500 ms interval: starts stay 500 ms apart, not 800.
        const auto slow = gapsMs(executor.startsOf(QStringLiteral("slow")));
        QVERIFY2(slow.size() >= 3, qPrintable(describe(slow)));
        for (const qint64 gap : slow)
            QVERIFY2(gap >= 420 && gap <= 600, qPrintable(describe(slow)));

        // A 700 ms answer overruns: the run due meanwhile is skipped, never stacked.
        const auto overrun = gapsMs(executor.startsOf(QStringLiteral("overrun")));
        QVERIFY2(overrun.size() >= 1, qPrintable(describe(overrun)));
        for (const qint64 gap : overrun)
            QVERIFY2(gap >= 920 && gap <= 1120, qPrintable(describe(overrun)));
        QVERIFY(monitor.state(ids[1])->skippedRuns >= 1);

        // A hung endpoint delays nobody else.
        QCOMPARE(executor.startsOf(QStringLiteral("hung")).size(), 1);
        QVERIFY(monitor.state(ids[3])->skippedRuns >= 3);
        const auto fast = gapsMs(executor.startsOf(QStringLiteral("fast")));
        QVERIFY2(fast.size() >= 3, qPrintable(describe(fast)));
        for (const qint64 gap : fast)
            QVERIFY2(gap >= 420 && gap <= 600, qPrintable(describe(fast)));

        const MonitorCounters counters = monitor.counters();
        QVERIFY(counters.skipped >= 4);
        QVERIFY(countersAddUp(counters));
        QCOMPARE(counters.failed, quint64(0));
    }

    void firstRunsAreSpreadOverTheFirstInterval()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        Monitor monitor(&executor);
        const QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(1000);
        monitor.addEndpoints(endpoints);
        const auto t0 = EngineClock::now();
        monitor.start();
        spinEventLoop(650ms);
        monitor.stop();

        std::map<QString, EngineClock::time_point> first;
        for (const auto &start : executor.starts())
            first.try_emplace(start.name, start.at);
        QCOMPARE(int(first.size()), 1000);
        std::map<qint64, int> perMs;
        std::array<int, 5> perTenth{};
        for (const auto &[name, at] : first) {
            const qint64 ms = duration_cast<milliseconds>(at - t0).count();
            QVERIFY2(ms >= 0 && ms < 600, qPrintable(QString::number(ms)));
            ++perMs[ms];
            ++perTenth[std::size_t(std::min<qint64>(ms / 100, 4))];
        }
        int busiest = 0;
        for (const auto &[ms, count] : perMs)
            busiest = std::max(busiest, count);
        // Evenly spread: about 2 per millisecond, 200 per 100 ms (slack for a busy machine).
        QVERIFY2(busiest <= 50, qPrintable(QString::number(busiest)));
        for (const int count : perTenth)
            QVERIFY2(count >= 100 && count <= 300, qPrintable(QString::number(count)));
    }

    void aBacklogStartsInSmallGroups()
    {
        // After a stall every run is due at once. Started all together, each probe's latency would
        // hold the others' work; the monitor starts a few per pass of the event loop instead.
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        Monitor monitor(&executor);
        const QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(100, 0, 1.0);
        monitor.addEndpoints(endpoints);
        int mostInFlight = 0;
        connect(&executor, &FakeProbeExecutor::probeStarted, this,
                [&] { mostInFlight = std::max(mostInFlight, executor.pendingCount()); });
        monitor.start();
        std::this_thread::sleep_for(1100ms); // the event loop stalls past every first run
        spinEventLoop(300ms);
        monitor.stop();

        QVERIFY2(executor.starts().size() >= 100, qPrintable(QString::number(executor.starts().size())));
        QVERIFY2(mostInFlight <= Monitor::maxStartsPerWake, qPrintable(QString::number(mostInFlight)));
    }

    void firstRunOffsetsAreDeterministicAndEven()
    {
        const std::chrono::microseconds interval = 1s;
        std::array<int, 100> buckets{};
        for (EndpointId id = 1; id <= 10000; ++id) {
            const auto offset = Monitor::firstRunOffset(id, interval);
            QVERIFY(offset >= 0us && offset < interval);
            QCOMPARE(Monitor::firstRunOffset(id, interval), offset);
            ++buckets[std::size_t(offset.count() / 10000)];
        }
        for (const int count : buckets)
            QVERIFY2(count >= 90 && count <= 110, qPrintable(QString::number(count)));
    }

    void capLimitsProbesInFlightInFifoOrder()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        QCOMPARE(monitor.concurrencyLimit(), 256);
        monitor.setConcurrencyLimit(2);
        const QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(5, 1);
        const auto ids = monitor.addEndpoints(endpoints);
        monitor.runNow(ids);
        QCoreApplication::processEvents();
        QCOMPARE(executor.pendingCount(), 2);
        QCOMPARE(monitor.counters().running, 2);
        QCOMPARE(monitor.counters().queued, 3);
        QCOMPARE(monitor.state(ids[2])->task, TaskState::Queued);
        QCOMPARE(monitor.state(ids[0])->task, TaskState::Running);

        executor.pendingFor(QStringLiteral("e2"))->finish(FakeProbeExecutor::up());
        QTRY_COMPARE_WITH_TIMEOUT(executor.pendingCount(), 2, 1000);
        executor.pendingFor(QStringLiteral("e1"))->finish(FakeProbeExecutor::up());
        QTRY_COMPARE_WITH_TIMEOUT(executor.starts().size(), 4, 1000);
        monitor.setConcurrencyLimit(10); // at run time
        QTRY_COMPARE_WITH_TIMEOUT(executor.starts().size(), 5, 1000);
        QStringList order;
        for (const auto &start : executor.starts())
            order.append(start.name);
        QCOMPARE(order, (QStringList{"e1", "e2", "e3", "e4", "e5"}));
        monitor.cancelAll();
    }

    void latenessIsTheWaitNotTheLatency()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 200ms});
        Monitor monitor(&executor);
        monitor.setConcurrencyLimit(1);
        const auto ids = monitor.addEndpoints(
            {FakeProbeExecutor::endpoint(QStringLiteral("a")), FakeProbeExecutor::endpoint(QStringLiteral("b"))});
        monitor.runNow(ids); // both due at the same moment
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, quint64(2), 3000);

        const auto latencyOf = [&](EndpointId id) {
            return duration_cast<milliseconds>(monitor.state(id)->lastResult->latency).count();
        };
        // The second waited ~200 ms for the slot; its latency is still its own 200 ms, not 400.
        QVERIFY2(latencyOf(ids[0]) >= 190 && latencyOf(ids[0]) < 320, qPrintable(QString::number(latencyOf(ids[0]))));
        QVERIFY2(latencyOf(ids[1]) >= 190 && latencyOf(ids[1]) < 320, qPrintable(QString::number(latencyOf(ids[1]))));
        const MonitorCounters counters = monitor.counters();
        QCOMPARE(counters.latenessSamples, quint64(2));
        const auto p50 = duration_cast<milliseconds>(counters.latenessP50).count();
        const auto p99 = duration_cast<milliseconds>(counters.latenessP99).count();
        QVERIFY2(p50 < 60, qPrintable(QString::number(p50)));
        QVERIFY2(p99 >= 180 && p99 < 400, qPrintable(QString::number(p99)));
    }

    void downIntervalProbesDownEndpointsMoreOften()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        Monitor monitor(&executor);
        monitor.start();
        Endpoint endpoint = FakeProbeExecutor::endpoint(QStringLiteral("flaky"), 2.0);
        endpoint.downIntervalS = 0.5;
        endpoint.failureThreshold = 1;
        const EndpointId id = monitor.addEndpoint(endpoint); // added by hand while running: probed at once
        spinEventLoop(1250ms);
        QCOMPARE(monitor.state(id)->status, EndpointStatus::Down);
        const auto whileDown = gapsMs(executor.startsOf(QStringLiteral("flaky")));
        QVERIFY2(whileDown.size() >= 2, qPrintable(describe(whileDown)));
        for (const qint64 gap : whileDown)
            QVERIFY2(gap >= 420 && gap <= 600, qPrintable(describe(whileDown)));

        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(id)->status, EndpointStatus::Up, 1000);
        // Up again: back to the normal 2 s interval.
        const auto next = monitor.state(id)->nextRun;
        QVERIFY(next);
        const auto wait = duration_cast<milliseconds>(*next - EngineClock::now()).count();
        QVERIFY2(wait > 1300 && wait <= 2000, qPrintable(QString::number(wait)));
    }
};

QTEST_GUILESS_MAIN(TestMonitorScheduler)
#include "tst_monitorscheduler.moc"
