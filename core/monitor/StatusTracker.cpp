#include "StatusTracker.h"

#include <algorithm>

StatusTracker::StatusTracker(int failureThreshold) : m_threshold(std::max(1, failureThreshold)) { }

void StatusTracker::setFailureThreshold(int threshold)
{
    m_threshold = std::max(1, threshold);
    if (m_failureStreak >= m_threshold)
        m_status = EndpointStatus::Down;
}

void StatusTracker::record(const ProbeResult &result)
{
    if (result.isUp()) {
        m_failureStreak = 0;
        ++m_successStreak;
        m_status = result.status == ProbeStatus::Degraded ? EndpointStatus::Degraded : EndpointStatus::Up;
        return;
    }
    m_successStreak = 0;
    ++m_failureStreak;
    if (m_failureStreak >= m_threshold)
        m_status = EndpointStatus::Down;
}

void StatusTracker::reset()
{
    m_status = EndpointStatus::Unknown;
    m_successStreak = 0;
    m_failureStreak = 0;
}
