#include "DueQueue.h"

void DueQueue::schedule(EndpointId id, TimePoint due)
{
    remove(id);
    m_byDue.emplace(due, id);
    m_byId.emplace(id, due);
}

void DueQueue::remove(EndpointId id)
{
    const auto found = m_byId.find(id);
    if (found == m_byId.end())
        return;
    m_byDue.erase({found->second, id});
    m_byId.erase(found);
}

void DueQueue::clear()
{
    m_byDue.clear();
    m_byId.clear();
}

std::optional<DueQueue::TimePoint> DueQueue::dueTime(EndpointId id) const
{
    const auto found = m_byId.find(id);
    if (found == m_byId.end())
        return std::nullopt;
    return found->second;
}

std::optional<DueQueue::TimePoint> DueQueue::earliest() const
{
    if (m_byDue.empty())
        return std::nullopt;
    return m_byDue.begin()->first;
}

std::optional<DueQueue::TimePoint> DueQueue::nthEarliest(int n) const
{
    if (n < 1 || n > int(m_byDue.size()))
        return std::nullopt;
    return std::next(m_byDue.begin(), n - 1)->first;
}

std::vector<std::pair<EndpointId, DueQueue::TimePoint>> DueQueue::takeDue(TimePoint now, int limit)
{
    std::vector<std::pair<EndpointId, TimePoint>> due;
    while (!m_byDue.empty() && m_byDue.begin()->first <= now && int(due.size()) < limit) {
        const auto [time, id] = *m_byDue.begin();
        m_byDue.erase(m_byDue.begin());
        m_byId.erase(id);
        due.emplace_back(id, time);
    }
    return due;
}
