#include "MonitorDrain.h"

#include "monitor/Monitor.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace {
void runUntilIdleFor(const Monitor &monitor, qint64 batchMs, std::chrono::milliseconds limit)
{
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    qint64 idleSince = -1;
    QTimer poll;
    poll.setTimerType(Qt::PreciseTimer);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.elapsed();
        if (monitor.counters().inFlight > 0)
            idleSince = -1;
        else if (idleSince < 0)
            idleSince = now;
        if ((idleSince >= 0 && now - idleSince >= batchMs) || now >= limit.count())
            loop.quit();
    });
    poll.start(2);
    loop.exec();
}
} // namespace

void MonitorDrain::drain(const Monitor &monitor, std::chrono::milliseconds limit)
{
    // Longer than the monitor's batch interval (16 ms), so the batch with the last results is out.
    runUntilIdleFor(monitor, 25, limit);
}

void MonitorDrain::untilIdle(const Monitor &monitor, std::chrono::milliseconds limit)
{
    if (monitor.counters().inFlight > 0)
        runUntilIdleFor(monitor, 0, limit);
}
