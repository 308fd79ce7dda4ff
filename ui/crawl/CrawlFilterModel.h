#pragma once

#include "crawl/CrawlVerdict.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <QTimer>

// Sorts the crawl's table on raw values and filters it by verdict and by text in the URL or the detail.
//
// While a crawl runs, rows arrive and change many times a second: the proxy re-sorts and re-filters
// at most every refreshInterval instead of on every change, which with 100,000 rows would cost
// more than the frame and move rows under the pointer.
class CrawlFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrawlFilterModel)

public:
    static constexpr std::chrono::milliseconds refreshInterval{500};

    explicit CrawlFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    // Nothing: every verdict.
    void setVerdicts(const QSet<CrawlVerdict> &verdicts);
    const QSet<CrawlVerdict> &verdicts() const { return m_verdicts; }
    void setText(const QString &text);
    // Applies what changed at once (tests, and the end of a crawl).
    void refresh();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QTimer m_refresh;
    bool m_changed = false;
    QSet<CrawlVerdict> m_verdicts;
    QString m_text;
};
