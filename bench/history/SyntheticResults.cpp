#include "SyntheticResults.h"

#include <QDateTime>

ProbeResult SyntheticResults::next(QRandomGenerator &random, qint64 startedMs, bool http)
{
    ProbeResult result;
    result.started = QDateTime::fromMSecsSinceEpoch(startedMs, Qt::UTC);
    const bool down = random.bounded(1000) < 5;
    result.status = down ? ProbeStatus::Down : ProbeStatus::Up;
    const qint64 latency = down ? 5'000'000 : 150 + random.bounded(250) + (random.bounded(100) == 0 ? 2000 : 0);
    result.latency = std::chrono::microseconds(latency);
    if (down) {
        result.errorKind = ErrorKind::Timeout;
        result.errorMessage = QStringLiteral("no answer within 5 s (connecting)");
    } else if (http) {
        result.httpStatus = 200;
        result.phases.dns = std::chrono::microseconds(10 + random.bounded(20));
        result.phases.connect = std::chrono::microseconds(latency / 3);
        result.phases.ttfb = std::chrono::microseconds(latency / 2);
        result.phases.transfer = std::chrono::microseconds(latency / 6);
    } else {
        result.phases.connect = result.latency;
    }
    return result;
}
