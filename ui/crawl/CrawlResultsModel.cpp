#include "CrawlResultsModel.h"

#include "crawl/CrawlReport.h"
#include "text/StatusPalette.h"
#include "text/TableExport.h"

#include <QGuiApplication>
#include <QPalette>

CrawlResultsModel::CrawlResultsModel(QObject *parent) : QAbstractTableModel(parent) { }

void CrawlResultsModel::setResults(std::shared_ptr<const CrawlResults> results)
{
    beginResetModel();
    m_results = std::move(results);
    m_rows = m_results ? int(m_results->size()) : 0;
    endResetModel();
}

void CrawlResultsModel::update(const QList<CrawlId> &ids)
{
    if (!m_results)
        return;
    const int known = m_rows;
    const int now = int(m_results->size());
    // Changed rows the views know of, in runs: one signal per run rather than per row.
    qsizetype i = 0;
    while (i < ids.size() && int(ids.at(i)) < known) {
        const int first = int(ids.at(i));
        int last = first;
        while (i + 1 < ids.size() && int(ids.at(i + 1)) == last + 1 && last + 1 < known) {
            ++i;
            ++last;
        }
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
        ++i;
    }
    if (now > known) {
        beginInsertRows({}, known, now - 1);
        m_rows = now;
        endInsertRows();
    }
}

int CrawlResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int CrawlResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CrawlResultsModel::display(const CrawlRecord &record, int column) const
{
    switch (column) {
    case VerdictColumn:
        return record.verdict == CrawlVerdict::Pending ? tr("queued") : crawlVerdictName(record.verdict);
    case StatusColumn:
        return record.verdict == CrawlVerdict::Pending ? QString() : CrawlReport::statusColumn(record);
    case UrlColumn:
        return QString::fromLatin1(record.url);
    case DetailColumn:
        return CrawlReport::detail(record);
    case ReferrersColumn:
        if (record.referrerCount == 0)
            return record.source == LinkSource::Start ? tr("start URL") : QString();
        return CrawlReport::referrerText(*m_results, record, 1); // "http://h/ (line 12) and 4 more"
    case TypeColumn:
        return QString::fromLatin1(record.mediaType);
    case DepthColumn:
        return record.depth;
    case TimeColumn:
        return record.elapsedMs >= 0 ? QVariant(record.elapsedMs) : QVariant();
    case TitleColumn:
        return record.title;
    default:
        return {};
    }
}

QVariant CrawlResultsModel::sortValue(const CrawlRecord &record, int column) const
{
    switch (column) {
    case VerdictColumn:
        return int(record.verdict);
    case StatusColumn:
        return int(record.status);
    case ReferrersColumn:
        return qint64(record.referrerCount);
    case DepthColumn:
        return int(record.depth);
    case TimeColumn:
        return record.elapsedMs;
    default:
        return display(record, column);
    }
}

QVariant CrawlResultsModel::data(const QModelIndex &index, int role) const
{
    if (!m_results || !index.isValid() || index.row() >= m_rows)
        return {};
    const CrawlRecord &record = m_results->at(CrawlId(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return display(record, index.column());
    case Qt::ToolTipRole:
        if (index.column() == DetailColumn || index.column() == UrlColumn)
            return display(record, index.column());
        if (index.column() == ReferrersColumn)
            return CrawlReport::referrerText(*m_results, record, 10);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == VerdictColumn && isProblem(record.verdict))
            return StatusPalette::error(QGuiApplication::palette());
        return {};
    case TableExport::ExportRole:
        if (index.column() == ReferrersColumn)
            return CrawlReport::referrerText(*m_results, record, int(record.referrers.size()));
        return {};
    case SortRole:
        return sortValue(record, index.column());
    case VerdictRole:
        return int(record.verdict);
    case IdRole:
        return index.row();
    default:
        return {};
    }
}

QVariant CrawlResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VerdictColumn:
        return tr("Verdict");
    case StatusColumn:
        return tr("Status");
    case UrlColumn:
        return tr("URL");
    case DetailColumn:
        return tr("Detail");
    case ReferrersColumn:
        return tr("Linked from");
    case TypeColumn:
        return tr("Type");
    case DepthColumn:
        return tr("Depth");
    case TimeColumn:
        return tr("Time (ms)");
    case TitleColumn:
        return tr("Title");
    default:
        return {};
    }
}
