#include "EventLogFilterModel.h"

#include "EventLogModel.h"

EventLogFilterModel::EventLogFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(EventLogModel::SortRole);
}

void EventLogFilterModel::setMinimumSeverity(EventSeverity severity)
{
    m_minimum = severity;
    invalidateRowsFilter();
}

void EventLogFilterModel::setEndpoint(EndpointId id)
{
    m_endpoint = id;
    invalidateRowsFilter();
}

void EventLogFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool EventLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (model->data(first, EventLogModel::SeverityRole).toInt() < int(m_minimum))
        return false;
    if (m_endpoint != 0 && model->data(first, EventLogModel::EndpointIdRole).value<EndpointId>() != m_endpoint)
        return false;
    if (m_text.isEmpty())
        return true;
    for (const int column : {EventLogModel::EndpointColumn, EventLogModel::KindColumn, EventLogModel::MessageColumn}) {
        if (model->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
