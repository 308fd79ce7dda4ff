#include "StatisticsWindow.h"

#include "Percentile.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

qint64 StatisticsWindow::toMs(EngineClock::time_point at)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

void StatisticsWindow::add(const ProbeResult &result, EndpointStatus statusAfter, EngineClock::time_point at)
{
    Sample sample{};
    sample.atMs = toMs(at);
    sample.latencyUs = quint32(std::clamp<qint64>(result.latency.count(), 0, 0xFFFFFFFFLL));
    sample.up = result.isUp();
    sample.statusAfter = quint8(statusAfter);
    if (result.icmp) {
        sample.icmpSent = quint8(std::clamp(result.icmp->sent, 0, 255));
        sample.icmpReceived = quint8(std::clamp(result.icmp->received, 0, int(sample.icmpSent)));
    }
    m_samples.push_back(sample);
    while (int(m_samples.size()) > maxResults)
        m_samples.pop_front();
    trim(sample.atMs);
}

void StatisticsWindow::clear()
{
    m_samples.clear();
}

void StatisticsWindow::trim(qint64 nowMs)
{
    const qint64 oldest = nowMs - std::chrono::duration_cast<std::chrono::milliseconds>(maxAge).count();
    while (!m_samples.empty() && m_samples.front().atMs < oldest)
        m_samples.pop_front();
}

EndpointStatistics StatisticsWindow::compute(EngineClock::time_point now) const
{
    using us = std::chrono::microseconds;
    EndpointStatistics stats;

    // Samples older than the hour still stored (nothing was added since) are skipped, not counted.
    const qint64 oldest = toMs(now) - std::chrono::duration_cast<std::chrono::milliseconds>(maxAge).count();
    auto begin = m_samples.begin();
    while (begin != m_samples.end() && begin->atMs < oldest)
        ++begin;

    std::vector<qint64> latencies; // successful, in order
    qint64 sum = 0;
    qint64 jitterSum = 0;
    int icmpSent = 0;
    int icmpLost = 0;
    int statusKnown = 0;
    int statusAvailable = 0;
    for (auto it = begin; it != m_samples.end(); ++it) {
        ++stats.results;
        if (it->up) {
            if (!latencies.empty())
                jitterSum += std::llabs(qint64(it->latencyUs) - latencies.back());
            latencies.push_back(it->latencyUs);
            sum += it->latencyUs;
        } else {
            ++stats.failures;
        }
        if (it->icmpSent > 0) {
            icmpSent += it->icmpSent;
            icmpLost += it->icmpSent - it->icmpReceived;
        }
        const auto after = EndpointStatus(it->statusAfter);
        if (after == EndpointStatus::Up || after == EndpointStatus::Degraded) {
            ++statusKnown;
            ++statusAvailable;
        } else if (after == EndpointStatus::Down) {
            ++statusKnown;
        }
    }
    if (stats.results == 0)
        return stats;

    const Sample &newest = m_samples.back();
    if (newest.up)
        stats.last = us(newest.latencyUs);
    stats.failurePercent = 100.0 * stats.failures / stats.results;
    if (icmpSent > 0)
        stats.icmpLossPercent = 100.0 * icmpLost / icmpSent;
    if (statusKnown > 0)
        stats.uptimePercent = 100.0 * statusAvailable / statusKnown;

    if (!latencies.empty()) {
        const auto n = qint64(latencies.size());
        stats.mean = us((sum + n / 2) / n);
        if (n > 1)
            stats.jitter = us((jitterSum + (n - 1) / 2) / (n - 1));
        std::sort(latencies.begin(), latencies.end());
        stats.min = us(latencies.front());
        stats.max = us(latencies.back());
        stats.p50 = us(nearestRankPercentile(latencies, 50));
        stats.p95 = us(nearestRankPercentile(latencies, 95));
        stats.p99 = us(nearestRankPercentile(latencies, 99));
    }

    const auto sparkBegin
        = std::distance(begin, m_samples.end()) > sparklineLength ? m_samples.end() - sparklineLength : begin;
    for (auto it = sparkBegin; it != m_samples.end(); ++it)
        stats.sparkline.append(it->up ? std::optional<us>(us(it->latencyUs)) : std::nullopt);
    return stats;
}
