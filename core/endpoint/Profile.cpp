#include "Profile.h"

Endpoint Profile::makeEndpoint() const
{
    Endpoint endpoint;
    endpoint.intervalS = defaults.intervalS;
    endpoint.downIntervalS = defaults.downIntervalS;
    endpoint.timeoutMs = defaults.timeoutMs;
    endpoint.failureThreshold = defaults.failureThreshold;
    endpoint.degradedMs = defaults.degradedMs;
    endpoint.certWarningDays = defaults.certWarningDays;
    endpoint.ipFamily = defaults.ipFamily;
    return endpoint;
}
