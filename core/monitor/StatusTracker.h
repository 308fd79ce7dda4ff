#pragma once

#include "EndpointStatus.h"
#include "probe/ProbeResult.h"

// The Up / Degraded / Down verdict from a stream of graded probe results. One failure only marks
// the endpoint as failing; failure_threshold failures in a row turn it Down; one answer turns it
// Up (or Degraded, if that answer was graded so) again. Offline and Paused are views the Monitor
// lays over this verdict, not states of it.
class StatusTracker final
{
public:
    explicit StatusTracker(int failureThreshold = 2);

    // Lowering the threshold can turn a failing endpoint Down at once; raising it never revives one.
    void setFailureThreshold(int threshold);
    int failureThreshold() const { return m_threshold; }

    void record(const ProbeResult &result);
    void reset();

    EndpointStatus status() const { return m_status; } // Unknown, Up, Degraded or Down
    bool isFailing() const { return m_failureStreak > 0 && m_status != EndpointStatus::Down; }
    int successStreak() const { return m_successStreak; }
    int failureStreak() const { return m_failureStreak; }

private:
    int m_threshold;
    EndpointStatus m_status = EndpointStatus::Unknown;
    int m_successStreak = 0;
    int m_failureStreak = 0;
};
