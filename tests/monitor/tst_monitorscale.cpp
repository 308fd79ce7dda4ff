#include "FakeProbeExecutor.h"
#include "SpinEventLoop.h"
#include "monitor/Monitor.h"

#include <QElapsedTimer>
#include <QTest>

#include <ctime>

using namespace std::chrono_literals;
using std::chrono::duration_cast;
using std::chrono::milliseconds;

namespace {

double processCpuSeconds()
{
    timespec spec{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec);
    return double(spec.tv_sec) + double(spec.tv_nsec) / 1e9;
}

} // namespace

// 10,000 endpoints at once, with probes that answer at once: what one scheduler timer, the
// semaphore and the batches cost, and whether the schedule keeps up.
class TestMonitorScale : public QObject
{
    Q_OBJECT

private slots:
    void tenThousandEndpoints()
    {
        constexpr int count = 10000;
        constexpr double intervalS = 2.0;
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        Monitor monitor(&executor);
        int batches = 0;
        connect(&monitor, &Monitor::tasksChanged, this, [&batches] { ++batches; });
        monitor.addEndpoints(FakeProbeExecutor::endpoints(count, 0, intervalS));

        const double cpu0 = processCpuSeconds();
        QElapsedTimer clock;
        clock.start();
        monitor.start();
        spinEventLoop(4100ms); // two full intervals
        monitor.stop();
        const double seconds = double(clock.elapsed()) / 1000.0;
        const double cpu = processCpuSeconds() - cpu0;
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().inFlight, 0, 2000);

        const MonitorCounters counters = monitor.counters();
        qDebug("%d endpoints every %.1f s for %.1f s: %llu probes done, %llu skipped, lateness p50 %lld us p99 %lld us,"
               " %.2f s CPU (%.0f us per probe), %d task batches",
               count, intervalS, seconds, counters.done, counters.skipped, qint64(counters.latenessP50.count()),
               qint64(counters.latenessP99.count()), cpu, cpu * 1e6 / double(std::max<quint64>(1, counters.done)),
               batches);
        // Every endpoint ran each interval: two full rounds at least, none lost.
        QVERIFY(counters.done >= quint64(2 * count));
        QCOMPARE(counters.due, counters.skipped + counters.done + counters.cancelled);
        // Batches stay near one per frame however many endpoints change.
        QVERIFY(batches <= int(seconds * 1000 / 16) + 5);
        // The schedule keeps up: probes start within a few ms of their due time (slack for a busy machine).
        QVERIFY2(counters.latenessP50 < 20ms, qPrintable(QString::number(counters.latenessP50.count())));
        QVERIFY2(counters.latenessP99 < 250ms, qPrintable(QString::number(counters.latenessP99.count())));
    }
};

QTEST_GUILESS_MAIN(TestMonitorScale)
#include "tst_monitorscale.moc"
