#pragma once

#include "DnsOptions.h"
#include "HttpOptions.h"
#include "IcmpOptions.h"
#include "Setting.h"
#include "Target.h"
#include "net/IpFamily.h"

#include <optional>

// What is probed and how it is judged: everything a probe sees, and nothing it does not need (the
// name, tags and schedule are the Endpoint's). Two endpoints with equal specs probe the same way,
// so a change of any field here is a change of what the endpoint's figures describe.
struct ProbeSpec
{
    static constexpr int maximumTimeoutMs = 10 * 60 * 1000;
    static constexpr Setting<int> timeoutSetting{"timeout_ms", 5000, 1, maximumTimeoutMs};
    static constexpr Setting<int> degradedSetting{"degraded_ms", 0, 1, maximumTimeoutMs}; // unset by default
    static constexpr Setting<int> certWarningDaysSetting{"cert_warning_days", 14, 0, 3650};

    Target target;
    int timeoutMs = timeoutSetting.defaultValue;
    IpFamily ipFamily = IpFamily::Any;
    std::optional<int> degradedMs; // slower answers are Degraded
    int certWarningDays = certWarningDaysSetting.defaultValue; // a certificate expiring sooner is Degraded
    HttpOptions http;
    IcmpOptions icmp;
    DnsOptions dns;

    friend bool operator==(const ProbeSpec &, const ProbeSpec &) = default;
};
