#pragma once

#include "EndpointId.h"
#include "EndpointStatistics.h"
#include "EndpointStatus.h"
#include "async/EngineClock.h"
#include "probe/ProbeResult.h"

#include <chrono>
#include <cstdint>
#include <deque>

// The rolling window behind EndpointStatistics. Samples are 16 bytes and capped at maxResults, so
// one endpoint costs at most ~17 KB however long it runs (160 MB for 10,000 endpoints probed every
// 3.6 s or faster; less for slower ones, which the hour bounds). Figures are computed on demand,
// not per result: a view asks only for the rows it shows.
class StatisticsWindow final
{
public:
    static constexpr int maxResults = 1000;
    static constexpr std::chrono::hours maxAge{1};
    static constexpr int sparklineLength = 60;

    void add(const ProbeResult &result, EndpointStatus statusAfter, EngineClock::time_point at);
    void clear();
    int size() const { return int(m_samples.size()); }

    // Streaks and time since the last status change are the Monitor's to fill in.
    EndpointStatistics compute(EngineClock::time_point now) const;

private:
    struct Sample
    {
        qint64 atMs; // EngineClock, milliseconds since its epoch
        quint32 latencyUs; // clamped to ~71 minutes
        bool up;
        quint8 statusAfter; // EndpointStatus
        quint8 icmpSent; // clamped to 255; 0 = no ICMP data (and nothing to count as lost)
        quint8 icmpReceived;
    };
    static_assert(sizeof(Sample) == 16, "the memory bound above assumes 16-byte samples");

    static qint64 toMs(EngineClock::time_point at);
    void trim(qint64 nowMs);

    std::deque<Sample> m_samples;
};
