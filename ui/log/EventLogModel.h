#pragma once

#include "monitor/EventLogEntry.h"

#include <QAbstractTableModel>

#include <deque>

class EventLog;

// Mirrors an EventLog as a table, oldest entry first, keeping its own copy of the entries (a model
// must call beginInsertRows before its rows change, and the log's signals say what already did).
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)

public:
    enum Column { TimeColumn, SeverityColumn, EndpointColumn, KindColumn, MessageColumn, CountColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int(EventSeverity)
        EndpointIdRole,
        SortRole,
    };

    explicit EventLogModel(EventLog *log, QObject *parent = nullptr);

    const EventLogEntry &entryAt(int row) const { return m_entries[std::size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindText(const EventLogEntry &entry);
    static QString severityText(EventSeverity severity);

private:
    void onEntryAdded(const EventLogEntry &entry);
    void onEntryFolded(const EventLogEntry &entry);
    void onEntriesTrimmed(int count);
    void onCleared();

    std::deque<EventLogEntry> m_entries;
};
