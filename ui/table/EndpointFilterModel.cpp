#include "EndpointFilterModel.h"

#include "EndpointTableModel.h"

EndpointFilterModel::EndpointFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(EndpointTableModel::SortRole);
    setDynamicSortFilter(false);
    m_resort.setInterval(resortInterval);
    m_resort.callOnTimeout(this, &EndpointFilterModel::resortIfChanged);
    m_resort.start();
}

void EndpointFilterModel::setSourceModel(QAbstractItemModel *model)
{
    disconnect(m_sourceChanged);
    QSortFilterProxyModel::setSourceModel(model);
    if (model)
        m_sourceChanged = connect(model, &QAbstractItemModel::dataChanged, this, [this] { m_changed = true; });
}

void EndpointFilterModel::resortIfChanged()
{
    if (!m_changed)
        return;
    m_changed = false;
    if (sortColumn() >= 0)
        sort(sortColumn(), sortOrder()); // a layout change: selection and current row are kept
    if (isFiltering())
        invalidateRowsFilter(); // a status or an error changed: a row may now match, or no longer
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

void EndpointFilterModel::setProblemsOnly(bool problemsOnly)
{
    if (problemsOnly == m_problemsOnly)
        return;
    m_problemsOnly = problemsOnly;
    invalidateRowsFilter();
}

bool EndpointFilterModel::isProblem(EndpointStatus status)
{
    return status == EndpointStatus::Down || status == EndpointStatus::Failing || status == EndpointStatus::Degraded;
}

bool EndpointFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_problemsOnly && !isProblem(EndpointStatus(index.data(EndpointTableModel::StatusRole).toInt())))
        return false;
    if (!m_tag.isEmpty() && !index.data(EndpointTableModel::TagsRole).toStringList().contains(m_tag))
        return false;
    return m_text.isEmpty()
        || index.data(EndpointTableModel::FilterTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

void EndpointFilterModel::sort(int column, Qt::SortOrder order)
{
    // Each row's key once, then only comparisons: a sort of 10,000 rows asks for some 280,000.
    const auto *model = qobject_cast<const EndpointTableModel *>(sourceModel());
    if (model && column >= 0)
        m_keys = model->sortKeys(column);
    QSortFilterProxyModel::sort(column, order);
    m_keys.clear();
}

bool EndpointFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const std::size_t count = m_keys.size();
    if (count > 0 && std::size_t(left.row()) < count && std::size_t(right.row()) < count)
        return EndpointTableModel::keyLess(m_keys[std::size_t(left.row())], m_keys[std::size_t(right.row())]);
    // The table model compares its own raw values; a QVariant per comparison costs more than the sort.
    if (const auto *model = qobject_cast<const EndpointTableModel *>(sourceModel()))
        return model->lessThan(left.row(), right.row(), left.column());
    return QSortFilterProxyModel::lessThan(left, right);
}
