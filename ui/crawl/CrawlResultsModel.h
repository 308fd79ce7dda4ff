#pragma once

#include "crawl/CrawlResults.h"

#include <QAbstractTableModel>

#include <memory>

// A crawl's URLs as a table, one row per record in the order found, live while the crawl runs: a
// batch of new and changed records (Crawler::recordsChanged) becomes one row insertion and one
// dataChanged per run of changed rows. SortRole gives raw values to sort on; TableExport's
// ExportRole gives every referrer, not the first.
class CrawlResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrawlResultsModel)

public:
    enum Column {
        VerdictColumn,
        StatusColumn,
        UrlColumn,
        DetailColumn,
        ReferrersColumn,
        TypeColumn,
        DepthColumn,
        TimeColumn,
        TitleColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, VerdictRole, IdRole };

    explicit CrawlResultsModel(QObject *parent = nullptr);

    // A new crawl's results (or none): a reset.
    void setResults(std::shared_ptr<const CrawlResults> results);
    const CrawlResults *results() const { return m_results.get(); }
    // What Crawler::recordsChanged said: ids in ascending order, new ones among them.
    void update(const QList<CrawlId> &ids);

    CrawlId idAt(int row) const { return CrawlId(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const CrawlRecord &record, int column) const;
    QVariant sortValue(const CrawlRecord &record, int column) const;

    std::shared_ptr<const CrawlResults> m_results;
    int m_rows = 0; // what the views know of; the results may already hold more
};
