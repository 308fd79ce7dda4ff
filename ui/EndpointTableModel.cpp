#include "EndpointTableModel.h"

EndpointTableModel::EndpointTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EndpointTableModel::setEndpoints(QList<Endpoint> endpoints)
{
    beginResetModel();
    m_endpoints = std::move(endpoints);
    endResetModel();
}

int EndpointTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_endpoints.size());
}

int EndpointTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EndpointTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Endpoint &endpoint = m_endpoints.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return endpoint.displayName();
        case TargetColumn:
            return endpoint.target.toString();
        case KindColumn:
            return probeKindName(endpoint.target.kind);
        case IntervalColumn:
            return tr("%1 s").arg(endpoint.intervalS);
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case IntervalColumn:
            return endpoint.intervalS;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant EndpointTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TargetColumn:
        return tr("Target");
    case KindColumn:
        return tr("Kind");
    case IntervalColumn:
        return tr("Interval");
    }
    return {};
}
