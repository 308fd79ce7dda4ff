#include "EndpointFilterModel.h"

#include "EndpointTableModel.h"

EndpointFilterModel::EndpointFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(EndpointTableModel::SortRole);
    setDynamicSortFilter(true);
}

void EndpointFilterModel::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

void EndpointFilterModel::setTag(const QString &tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    invalidateRowsFilter();
}

bool EndpointFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty() && m_tag.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_tag.isEmpty() && !index.data(EndpointTableModel::TagsRole).toStringList().contains(m_tag))
        return false;
    return m_text.isEmpty()
        || index.data(EndpointTableModel::FilterTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

bool EndpointFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The table model compares its own raw values; a QVariant per comparison costs more than the sort.
    if (const auto *model = qobject_cast<const EndpointTableModel *>(sourceModel()))
        return model->lessThan(left.row(), right.row(), left.column());
    return QSortFilterProxyModel::lessThan(left, right);
}
