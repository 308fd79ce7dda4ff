#include "EventLog.h"

#include <algorithm>

EventLog::EventLog(int capacity, QObject *parent) : QObject(parent), m_capacity(std::max(1, capacity)) { }

void EventLog::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    trimTo(m_capacity);
}

const EventLogEntry *EventLog::find(quint64 sequence) const
{
    if (m_entries.empty() || sequence < m_entries.front().sequence || sequence > m_entries.back().sequence)
        return nullptr;
    return &m_entries[std::size_t(sequence - m_entries.front().sequence)];
}

quint64 EventLog::add(EventLogEntry entry)
{
    if (!entry.time.isValid())
        entry.time = QDateTime::currentDateTimeUtc();
    if (!entry.lastSeen.isValid())
        entry.lastSeen = entry.time;

    if (entry.type == EventLogEntry::Type::ProbeError && entry.endpointId != 0) {
        const auto previous = m_lastOfEndpoint.constFind(entry.endpointId);
        if (previous != m_lastOfEndpoint.constEnd()) {
            if (const EventLogEntry *found = find(previous.value()); found && found->type == entry.type
                && found->errorKind == entry.errorKind && found->message == entry.message) {
                auto &held = m_entries[std::size_t(found->sequence - m_entries.front().sequence)];
                held.count += entry.count;
                held.lastSeen = entry.lastSeen;
                held.endpointName = entry.endpointName;
                emit entryFolded(held);
                return held.sequence;
            }
        }
    }

    trimTo(m_capacity - 1);
    entry.sequence = m_nextSequence++;
    if (entry.endpointId != 0)
        m_lastOfEndpoint.insert(entry.endpointId, entry.sequence);
    m_entries.push_back(std::move(entry));
    emit entryAdded(m_entries.back());
    return m_entries.back().sequence;
}

void EventLog::clear()
{
    m_entries.clear();
    m_lastOfEndpoint.clear();
    emit cleared();
}

QList<EventLogEntry> EventLog::entries() const
{
    return QList<EventLogEntry>(m_entries.begin(), m_entries.end());
}

void EventLog::trimTo(int capacity)
{
    int trimmed = 0;
    while (int(m_entries.size()) > std::max(0, capacity)) {
        const EventLogEntry &oldest = m_entries.front();
        const auto last = m_lastOfEndpoint.constFind(oldest.endpointId);
        if (last != m_lastOfEndpoint.constEnd() && last.value() == oldest.sequence)
            m_lastOfEndpoint.erase(last);
        m_entries.pop_front();
        ++trimmed;
    }
    if (trimmed > 0)
        emit entriesTrimmed(trimmed);
}
