#include "CrawlFilterModel.h"

#include "CrawlResultsModel.h"

CrawlFilterModel::CrawlFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(CrawlResultsModel::SortRole);
    setDynamicSortFilter(false);
    m_refresh.setInterval(refreshInterval);
    m_refresh.setSingleShot(true);
    connect(&m_refresh, &QTimer::timeout, this, &CrawlFilterModel::refresh);
}

void CrawlFilterModel::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QSortFilterProxyModel::setSourceModel(model);
    if (!model)
        return;
    const auto changed = [this] {
        m_changed = true;
        if (!m_refresh.isActive())
            m_refresh.start();
    };
    connect(model, &QAbstractItemModel::dataChanged, this, changed);
    connect(model, &QAbstractItemModel::rowsInserted, this, changed);
}

void CrawlFilterModel::setVerdicts(const QSet<CrawlVerdict> &verdicts)
{
    m_verdicts = verdicts;
    invalidateFilter();
}

void CrawlFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void CrawlFilterModel::refresh()
{
    m_refresh.stop();
    if (!std::exchange(m_changed, false))
        return;
    invalidate();
}

bool CrawlFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!m_verdicts.isEmpty()) {
        const auto verdict
            = CrawlVerdict(model->index(sourceRow, 0, sourceParent).data(CrawlResultsModel::VerdictRole).toInt());
        if (!m_verdicts.contains(verdict))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    for (const int column :
         {CrawlResultsModel::UrlColumn, CrawlResultsModel::DetailColumn, CrawlResultsModel::TitleColumn}) {
        if (model->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
