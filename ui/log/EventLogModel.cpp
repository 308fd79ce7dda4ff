#include "EventLogModel.h"

#include "monitor/EventLog.h"
#include "text/TableExport.h"

#include <QLocale>

EventLogModel::EventLogModel(EventLog *log, QObject *parent) : QAbstractTableModel(parent)
{
    for (int i = 0; i < log->size(); ++i)
        m_entries.push_back(log->at(i));
    connect(log, &EventLog::entryAdded, this, &EventLogModel::onEntryAdded);
    connect(log, &EventLog::entryFolded, this, &EventLogModel::onEntryFolded);
    connect(log, &EventLog::entriesTrimmed, this, &EventLogModel::onEntriesTrimmed);
    connect(log, &EventLog::cleared, this, &EventLogModel::onCleared);
}

void EventLogModel::onEntryAdded(const EventLogEntry &entry)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_entries.push_back(entry);
    endInsertRows();
}

void EventLogModel::onEntryFolded(const EventLogEntry &entry)
{
    // Sequences go up by one per entry and only the oldest are trimmed, so the row follows from
    // the first sequence held.
    if (m_entries.empty() || entry.sequence < m_entries.front().sequence)
        return;
    const auto row = std::size_t(entry.sequence - m_entries.front().sequence);
    if (row >= m_entries.size() || m_entries[row].sequence != entry.sequence)
        return;
    m_entries[row] = entry;
    emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
}

void EventLogModel::onEntriesTrimmed(int count)
{
    count = std::min(count, rowCount());
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    m_entries.erase(m_entries.begin(), m_entries.begin() + count);
    endRemoveRows();
}

void EventLogModel::onCleared()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::severityText(EventSeverity severity)
{
    switch (severity) {
    case EventSeverity::Info:
        return tr("Info");
    case EventSeverity::Warning:
        return tr("Warning");
    case EventSeverity::Error:
        return tr("Error");
    }
    return {};
}

QString EventLogModel::kindText(const EventLogEntry &entry)
{
    switch (entry.type) {
    case EventLogEntry::Type::StatusChange:
        return tr("status");
    case EventLogEntry::Type::Network:
        return tr("network");
    case EventLogEntry::Type::Alert:
        return tr("alert");
    case EventLogEntry::Type::History:
        return tr("history");
    case EventLogEntry::Type::ProbeError:
        break;
    }
    return errorKindName(entry.errorKind);
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventLogEntry &entry = m_entries[std::size_t(index.row())];
    if (role == SeverityRole)
        return int(entry.severity);
    if (role == EndpointIdRole)
        return QVariant::fromValue(entry.endpointId);
    if (role == TableExport::ExportRole && index.column() == TimeColumn)
        return entry.time.toUTC().toString(Qt::ISODate);
    if (role == SortRole) {
        switch (index.column()) {
        case TimeColumn:
            return QVariant::fromValue(entry.sequence);
        case SeverityColumn:
            return int(entry.severity);
        case CountColumn:
            return entry.count;
        default:
            return data(index, Qt::DisplayRole).toString().toCaseFolded();
        }
    }
    if (role == Qt::ToolTipRole && index.column() == TimeColumn) {
        const QString first = QLocale().toString(entry.time.toLocalTime(), QLocale::LongFormat);
        if (entry.count == 1)
            return first;
        return tr("First %1, last %2")
            .arg(first, QLocale().toString(entry.lastSeen.toLocalTime(), QLocale::LongFormat));
    }
    if (role == Qt::ToolTipRole && (index.column() == MessageColumn || index.column() == EndpointColumn))
        return data(index, Qt::DisplayRole); // the whole text of a cell too narrow for it
    if (role == Qt::TextAlignmentRole && index.column() == CountColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn: {
        // Today's entries need only the time; older ones say the day too.
        const QDateTime local = entry.time.toLocalTime();
        return local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm:ss"))
                                                    : local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    case SeverityColumn:
        return severityText(entry.severity);
    case EndpointColumn:
        return entry.endpointId == 0 ? tr("(all)") : entry.endpointName;
    case KindColumn:
        return kindText(entry);
    case MessageColumn:
        return entry.message;
    case CountColumn:
        return entry.count;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SeverityColumn:
        return tr("Severity");
    case EndpointColumn:
        return tr("Endpoint");
    case KindColumn:
        return tr("Kind");
    case MessageColumn:
        return tr("Message");
    case CountColumn:
        return tr("Repeats");
    default:
        return {};
    }
}
