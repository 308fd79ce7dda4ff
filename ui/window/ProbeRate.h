#pragma once

#include <QtGlobal>

#include <deque>

// Probes per second over the last few seconds, from the monitor's running count of finished probes.
// A window rather than a per-tick average: at 0.5 probes/s a half-second tick sees 0 or 1 probe, and
// any average of so few jumps between 0 and 2.
class ProbeRate final
{
public:
    explicit ProbeRate(qint64 windowMs = 10000) : m_windowMs(windowMs) { }

    // The count of finished probes at a moment (ms on a monotonic clock). A count lower than the last
    // is a restart of the monitor: the window starts again.
    void add(qint64 nowMs, quint64 done);
    double perSecond() const;

private:
    struct Sample
    {
        qint64 ms;
        quint64 done;
    };
    qint64 m_windowMs;
    std::deque<Sample> m_samples;
};
