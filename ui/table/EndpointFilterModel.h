#pragma once

#include "EndpointTableModel.h"

#include <QSortFilterProxyModel>
#include <QTimer>

#include <chrono>
#include <vector>

// Sorts the endpoint table on raw values (EndpointTableModel::SortRole) and filters it by free text
// (name, target, status, last error, tags), by one tag, and to the problems only.
//
// Live changes re-sort and re-filter at most once per resortInterval, not per batch: a dynamic
// proxy turns each of a batch's dataChanged signals into a layout change, which with 10,000 rows
// costs more than the frame, and rows jumping 60 times a second cannot be read or clicked anyway.
class EndpointFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointFilterModel)

public:
    static constexpr std::chrono::milliseconds resortInterval{1000};

    explicit EndpointFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setTag(const QString &tag); // empty = every tag
    QString tag() const { return m_tag; }
    // Only the endpoints that need a look: Down, Failing or Degraded.
    void setProblemsOnly(bool problemsOnly);
    bool problemsOnly() const { return m_problemsOnly; }
    bool isFiltering() const { return !m_text.isEmpty() || !m_tag.isEmpty() || m_problemsOnly; }
    static bool isProblem(EndpointStatus status);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void resortIfChanged();

    QTimer m_resort;
    QMetaObject::Connection m_sourceChanged;
    bool m_changed = false;
    std::vector<EndpointTableModel::SortKey> m_keys; // filled only while sort() runs
    QString m_text;
    QString m_tag;
    bool m_problemsOnly = false;
};
