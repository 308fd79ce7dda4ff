#include "MonitorDrain.h"

#include "monitor/Monitor.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

void MonitorDrain::drain(const Monitor &monitor, std::chrono::milliseconds limit)
{
    // Longer than the monitor's batch interval (16 ms), so the batch with the last results is out.
    constexpr qint64 batchMs = 25;
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
