#pragma once

#include "EndpointId.h"
#include "async/EngineClock.h"

#include <optional>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

// The due time of every scheduled endpoint, earliest first, behind one timer (see Monitor).
// An ordered set keyed by (due, id) gives the earliest in O(1) and insert, move and remove in
// O(log n), so 10,000 endpoints cost one timer and a few comparisons per probe.
class DueQueue final
{
public:
    using TimePoint = EngineClock::time_point;

    // Schedules id at due, replacing any earlier schedule of it.
    void schedule(EndpointId id, TimePoint due);
    void remove(EndpointId id);
    void clear();

    std::optional<TimePoint> dueTime(EndpointId id) const;
    std::optional<TimePoint> earliest() const;
    std::optional<TimePoint> nthEarliest(int n) const; // n from 1; nothing if fewer are scheduled
    bool isEmpty() const { return m_byDue.empty(); }
    int size() const { return int(m_byDue.size()); }

    // Removes and returns, earliest first, the entries due at or before now, at most limit of them.
    std::vector<std::pair<EndpointId, TimePoint>> takeDue(TimePoint now, int limit);

private:
    std::set<std::pair<TimePoint, EndpointId>> m_byDue;
    std::unordered_map<EndpointId, TimePoint> m_byId;
};
