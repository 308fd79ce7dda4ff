#include "HostQueues.h"

#include <algorithm>

int HostQueues::host(const QString &key)
{
    const auto found = m_byKey.constFind(key);
    if (found != m_byKey.cend())
        return *found;
    const int index = int(m_hosts.size());
    Host host;
    host.key = key;
    host.interval = m_policy.interval;
    m_hosts.push_back(std::move(host));
    m_byKey.insert(key, index);
    return index;
}

void HostQueues::push(int host, quint32 item, TimePoint now, bool first)
{
    Host &h = m_hosts[std::size_t(host)];
    if (first)
        h.queue.push_front(item);
    else
        h.queue.push_back(item);
    ++m_queued;
    consider(host, now);
}

void HostQueues::hold(int host)
{
    m_hosts[std::size_t(host)].held = true;
}

void HostQueues::unhold(int host, TimePoint now)
{
    m_hosts[std::size_t(host)].held = false;
    consider(host, now);
}

void HostQueues::consider(int host, TimePoint now)
{
    Host &h = m_hosts[std::size_t(host)];
    if (h.held || h.queue.empty() || h.inFlight >= m_policy.perHost)
        return; // a push, an unhold or a finished request brings it back
    if (h.notBefore > now) {
        if (h.timedFor != h.notBefore) {
            h.timedFor = h.notBefore;
            m_timed.emplace(h.notBefore, host);
        }
        return;
    }
    if (!h.listed) {
        h.listed = true;
        m_ready.push_back(host);
    }
}

std::optional<HostQueues::Slot> HostQueues::take(TimePoint now)
{
    if (m_global >= m_policy.global)
        return std::nullopt;
    while (!m_timed.empty() && m_timed.top().first <= now) {
        const auto [when, host] = m_timed.top();
        m_timed.pop();
        Host &h = m_hosts[std::size_t(host)];
        if (h.timedFor == when) {
            h.timedFor = {};
            consider(host, now);
        }
    }
    while (!m_ready.empty()) {
        const int host = m_ready.front();
        m_ready.pop_front();
        Host &h = m_hosts[std::size_t(host)];
        h.listed = false;
        if (h.held || h.queue.empty() || h.inFlight >= m_policy.perHost || h.notBefore > now) {
            consider(host, now);
            continue;
        }
        const quint32 item = h.queue.front();
        h.queue.pop_front();
        --m_queued;
        ++h.inFlight;
        ++m_global;
        if (h.interval.count() > 0)
            h.notBefore = now + h.interval;
        consider(host, now); // to the back of the turn, or to wait for its interval
        return Slot{host, item};
    }
    return std::nullopt;
}

void HostQueues::finishRequest(int host, TimePoint now)
{
    Host &h = m_hosts[std::size_t(host)];
    h.inFlight = std::max(0, h.inFlight - 1);
    consider(host, now);
}

void HostQueues::releaseGlobal()
{
    m_global = std::max(0, m_global - 1);
}

HostQueues::ms HostQueues::backOff(int host, std::optional<ms> retryAfter, bool tooManyRequests, TimePoint now)
{
    Host &h = m_hosts[std::size_t(host)];
    ms wait = retryAfter.value_or(m_policy.firstWait);
    if (tooManyRequests && h.lastWasTooMany)
        wait = std::max(wait, h.lastBackOff * 2);
    wait = std::clamp(wait, ms{0}, m_policy.maxWait);
    h.lastBackOff = wait;
    h.lastWasTooMany = tooManyRequests;
    h.notBefore = std::max(h.notBefore, now + wait);
    consider(host, now);
    return wait;
}

std::optional<HostQueues::ms> HostQueues::recordAnswer(int host, bool error, TimePoint now)
{
    Host &h = m_hosts[std::size_t(host)];
    if (!error)
        h.lastWasTooMany = false;
    if (m_policy.errorWindow <= 0 || m_policy.errorThreshold <= 0)
        return std::nullopt;
    if (h.answers.empty())
        h.answers.assign(std::size_t(m_policy.errorWindow), false);
    const bool dropped = h.answers[h.nextAnswer];
    h.answers[h.nextAnswer] = error;
    h.nextAnswer = (h.nextAnswer + 1) % h.answers.size();
    h.errors += int(error) - int(dropped);
    if (h.errors < m_policy.errorThreshold || h.pauses >= m_policy.maxPauses)
        return std::nullopt;
    ++h.pauses;
    std::fill(h.answers.begin(), h.answers.end(), false); // a fresh look after the pause
    h.errors = 0;
    h.notBefore = std::max(h.notBefore, now + m_policy.pause);
    consider(host, now);
    return m_policy.pause;
}

void HostQueues::setInterval(int host, ms interval)
{
    Host &h = m_hosts[std::size_t(host)];
    h.interval = std::max(m_policy.interval, interval);
}

std::optional<HostQueues::TimePoint> HostQueues::nextWake()
{
    // Entries are never removed when a host moves on; the stale ones go here.
    while (!m_timed.empty()) {
        const auto [when, host] = m_timed.top();
        Host &h = m_hosts[std::size_t(host)];
        if (h.timedFor != when) {
            m_timed.pop();
            continue;
        }
        if (h.queue.empty() || h.held) {
            h.timedFor = {};
            m_timed.pop();
            continue;
        }
        return when;
    }
    return std::nullopt;
}

std::vector<quint32> HostQueues::takeQueue(int host)
{
    Host &h = m_hosts[std::size_t(host)];
    std::vector<quint32> items(h.queue.begin(), h.queue.end());
    h.queue.clear();
    m_queued -= int(items.size());
    return items;
}

std::vector<quint32> HostQueues::drain()
{
    std::vector<quint32> items;
    items.reserve(std::size_t(m_queued));
    for (Host &h : m_hosts) {
        items.insert(items.end(), h.queue.begin(), h.queue.end());
        h.queue.clear();
    }
    m_queued = 0;
    m_ready.clear();
    for (Host &h : m_hosts) {
        h.listed = false;
        h.timedFor = {};
    }
    m_timed = {};
    return items;
}
