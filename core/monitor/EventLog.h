#pragma once

#include "EventLogEntry.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <deque>

// The bounded log of status changes and probe errors. When full, the oldest entries go.
//
// An error that repeats the same endpoint's previous entry (same kind and message, nothing else
// logged for that endpoint in between) is folded into that entry rather than added, so one endpoint
// failing every second for a day is one line with a count, not 86,400.
//
// Signals describe what already happened and carry the entry, so a view keeps its own copy (as a
// list model must, to call beginInsertRows before its rows change); entriesTrimmed(n) means the n
// oldest entries are gone; an entry is found again by its sequence number.
class EventLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLog)

public:
    static constexpr int defaultCapacity = 10000;

    explicit EventLog(int capacity = defaultCapacity, QObject *parent = nullptr);

    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }

    // Adds, or folds into the endpoint's previous entry; returns the sequence of the entry that holds it.
    quint64 add(EventLogEntry entry);
    void clear();

    int size() const { return int(m_entries.size()); }
    const EventLogEntry &at(int row) const { return m_entries[std::size_t(row)]; } // 0 = oldest
    const EventLogEntry *find(quint64 sequence) const;
    QList<EventLogEntry> entries() const;

signals:
    void entryAdded(const EventLogEntry &entry);
    void entryFolded(const EventLogEntry &entry); // count and lastSeen changed
    void entriesTrimmed(int count);
    void cleared();

private:
    void trimTo(int capacity);

    int m_capacity;
    quint64 m_nextSequence = 1;
    std::deque<EventLogEntry> m_entries;
    QHash<EndpointId, quint64> m_lastOfEndpoint; // bounded by the entries held
};
