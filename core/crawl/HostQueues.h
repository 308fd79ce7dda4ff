#pragma once

#include "async/EngineClock.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <deque>
#include <optional>
#include <queue>
#include <vector>

// The crawl's politeness, as a queue of URLs per host and the rules for taking the next one: at
// most perHost requests to one host at a time, starts to one host at least interval apart, at most
// global at a time in all, a host told to wait (429 or 503 with Retry-After) skipped until then,
// a 429 after a 429 waiting twice as long, and a safeguard that pauses a host whose answers turn
// to errors (5xx, timeouts, resets: signs of a server in trouble). Hosts take turns, so one large
// host does not hold up the links to others. Time is passed in, so every rule is tested without
// a clock or a network.
class HostQueues final
{
public:
    using TimePoint = EngineClock::time_point;
    using ms = std::chrono::milliseconds;

    struct Policy
    {
        int perHost = 4;
        ms interval{0};
        int global = 64;
        ms maxWait{60000}; // a Retry-After is obeyed up to this
        ms firstWait{1000}; // after a 429 that says nothing of how long
        int errorWindow = 20; // the safeguard looks at a host's last this many answers
        int errorThreshold = 10; // and pauses it when this many of them were errors
        ms pause{30000};
        int maxPauses = 3; // per host; after that its errors are only reported
    };

    struct Slot
    {
        int host = -1;
        quint32 item = 0;
    };

    explicit HostQueues(Policy policy) : m_policy(policy) { }

    const Policy &policy() const { return m_policy; }

    // The host's number, made on first sight of its key ("http://h:80").
    int host(const QString &key);
    const QString &keyOf(int host) const { return m_hosts[std::size_t(host)].key; }
    int hostCount() const { return int(m_hosts.size()); }

    void push(int host, quint32 item, TimePoint now, bool first = false);
    // A held host is skipped until released (its robots.txt is still being fetched).
    void hold(int host);
    void unhold(int host, TimePoint now);
    bool isHeld(int host) const { return m_hosts[std::size_t(host)].held; }

    // The next item that may start now, if any; it then holds a request to its host and a global slot.
    std::optional<Slot> take(TimePoint now);
    // Its request to the host is over (the global slot may be kept a while longer: a page being read).
    void finishRequest(int host, TimePoint now);
    void releaseGlobal();

    // The host said to wait (429/503); returns how long it will. A 429 after a 429 doubles the wait.
    ms backOff(int host, std::optional<ms> retryAfter, bool tooManyRequests, TimePoint now);
    // An answer from the host, for the safeguard; returns the pause if this one paused the host.
    std::optional<ms> recordAnswer(int host, bool error, TimePoint now);
    // A host's own slower pace (a robots.txt Crawl-delay), if slower than the policy's interval.
    void setInterval(int host, ms interval);

    // When the earliest host that waits may go on; nothing when none waits.
    std::optional<TimePoint> nextWake();

    int queued() const { return m_queued; }
    int inFlight() const { return m_global; }
    int queuedOn(int host) const { return int(m_hosts[std::size_t(host)].queue.size()); }
    // The items queued on one host, in order; its queue is then empty.
    std::vector<quint32> takeQueue(int host);
    // Every item still queued, in host order; the queues are then empty.
    std::vector<quint32> drain();

private:
    struct Host
    {
        QString key;
        std::deque<quint32> queue;
        int inFlight = 0;
        TimePoint notBefore{};
        ms interval{0};
        ms lastBackOff{0};
        bool lastWasTooMany = false;
        std::vector<bool> answers; // the last errorWindow, as a ring
        std::size_t nextAnswer = 0;
        int errors = 0;
        int pauses = 0;
        bool held = false;
        bool listed = false; // in m_ready
        TimePoint timedFor{}; // the wake it waits for in m_timed, if any
    };

    void consider(int host, TimePoint now);

    Policy m_policy;
    std::vector<Host> m_hosts;
    QHash<QString, int> m_byKey;
    std::deque<int> m_ready;
    using Timed = std::pair<TimePoint, int>;
    std::priority_queue<Timed, std::vector<Timed>, std::greater<>> m_timed;
    int m_queued = 0;
    int m_global = 0;
};
