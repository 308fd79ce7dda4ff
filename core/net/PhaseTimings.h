#pragma once

#include <chrono>
#include <optional>

// Each phase's own duration, as curl -w reports them once differenced: dns = time_namelookup,
// connect = time_connect - time_namelookup, tls = time_appconnect - time_connect,
// ttfb = time_starttransfer - max(time_appconnect, time_connect), transfer = time_total - time_starttransfer.
// A phase not reached is empty.
struct PhaseTimings
{
    using us = std::chrono::microseconds;
    std::optional<us> dns;
    std::optional<us> connect;
    std::optional<us> tls;
    std::optional<us> ttfb;
    std::optional<us> transfer;
};
