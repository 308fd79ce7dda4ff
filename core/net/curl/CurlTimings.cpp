#include "CurlTimings.h"

#include <algorithm>

namespace {
CurlTimings::us readTime(CURL *easy, CURLINFO info)
{
    curl_off_t value = 0;
    if (curl_easy_getinfo(easy, info, &value) != CURLE_OK)
        value = 0;
    return CurlTimings::us(value);
}
} // namespace

CurlTimings CurlTimings::read(CURL *easy)
{
    CurlTimings timings;
    timings.namelookup = readTime(easy, CURLINFO_NAMELOOKUP_TIME_T);
    timings.connect = readTime(easy, CURLINFO_CONNECT_TIME_T);
    timings.appconnect = readTime(easy, CURLINFO_APPCONNECT_TIME_T);
    timings.starttransfer = readTime(easy, CURLINFO_STARTTRANSFER_TIME_T);
    timings.total = readTime(easy, CURLINFO_TOTAL_TIME_T);
    return timings;
}

PhaseTimings CurlTimings::phases(bool complete) const
{
    const us zero{0};
    PhaseTimings phases;
    if (namelookup > zero)
        phases.dns = namelookup;
    if (connect > zero)
        phases.connect = std::max(connect - namelookup, zero);
    if (appconnect > zero)
        phases.tls = std::max(appconnect - connect, zero);
    if (starttransfer > zero)
        phases.ttfb = std::max(starttransfer - std::max(appconnect, connect), zero);
    if (complete && starttransfer > zero)
        phases.transfer = std::max(total - starttransfer, zero);
    return phases;
}
