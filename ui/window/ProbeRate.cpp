#include "ProbeRate.h"

void ProbeRate::add(qint64 nowMs, quint64 done)
{
    if (!m_samples.empty() && (done < m_samples.back().done || nowMs < m_samples.back().ms))
        m_samples.clear();
    m_samples.push_back(Sample{nowMs, done});
    // Keep one sample at or before the window's start, so the window is always whole once it has filled.
    while (m_samples.size() > 2 && m_samples[1].ms <= nowMs - m_windowMs)
        m_samples.pop_front();
}

double ProbeRate::perSecond() const
{
    if (m_samples.size() < 2)
        return 0;
    const Sample &oldest = m_samples.front();
    const Sample &newest = m_samples.back();
    if (newest.ms <= oldest.ms)
        return 0;
    return double(newest.done - oldest.done) * 1000.0 / double(newest.ms - oldest.ms);
}
