#pragma once

#include "net/PhaseTimings.h"

#include <curl/curl.h>

#include <chrono>

// curl's cumulative timestamps of one transfer (CURLINFO_*_TIME_T), each counted from its start.
//
// With redirects curl adds each hop's name lookup, connect, TLS and first-byte times together, while
// the total spans every hop from the first request; so each phase is the sum over all hops, the
// transfer phase also holds the bodies of the redirect answers, and the phases still add up to
// the total, which is the latency we report.
struct CurlTimings
{
    using us = std::chrono::microseconds;
    us namelookup{0};
    us connect{0};
    us appconnect{0};
    us starttransfer{0};
    us total{0};

    static CurlTimings read(CURL *easy);

    // The phases reached (a zero timestamp means not reached). The transfer phase only once the
    // answer is complete: before that, curl's total is only as fresh as its last progress update.
    PhaseTimings phases(bool complete) const;
};
