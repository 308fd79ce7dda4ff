#include "SyntheticResults.h"

#include <QDateTime>

#include <algorithm>

ProbeResult SyntheticResults::next(QRandomGenerator &random, qint64 startedMs, bool http)
{
    return random.bounded(1000) < 5 ? timedOut(startedMs) : answered(random, startedMs, http);
}

ProbeResult SyntheticResults::answered(QRandomGenerator &random, qint64 startedMs, bool http)
{
    ProbeResult result;
    result.started = QDateTime::fromMSecsSinceEpoch(startedMs, Qt::UTC);
    result.status = ProbeStatus::Up;
    const qint64 latency = 150 + random.bounded(250) + (random.bounded(100) == 0 ? 2000 : 0);
    result.latency = std::chrono::microseconds(latency);
    if (http) {
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

ProbeResult SyntheticResults::timedOut(qint64 startedMs)
{
    ProbeResult result;
    result.started = QDateTime::fromMSecsSinceEpoch(startedMs, Qt::UTC);
    result.status = ProbeStatus::Down;
    result.latency = std::chrono::microseconds(5'000'000);
    result.errorKind = ErrorKind::Timeout;
    result.errorMessage = QStringLiteral("no answer within 5 s (connecting)");
    return result;
}

SyntheticResults::Statuses::Statuses(int endpoints)
    : m_status(std::size_t(endpoints), EndpointStatus::Unknown), m_failures(std::size_t(endpoints), 0)
{ }

void SyntheticResults::Statuses::reset()
{
    std::fill(m_status.begin(), m_status.end(), EndpointStatus::Unknown);
    std::fill(m_failures.begin(), m_failures.end(), 0);
}

EndpointStatus SyntheticResults::Statuses::after(int endpoint, bool answered)
{
    const auto at = std::size_t(endpoint);
    if (answered) {
        m_failures[at] = 0;
        m_status[at] = EndpointStatus::Up;
    } else if (++m_failures[at] >= 2) {
        m_status[at] = EndpointStatus::Down;
    }
    return m_status[at];
}
