#pragma once

#include "probe/ProbeResult.h"

#include <QAbstractTableModel>
#include <QList>

#include <chrono>

// The recent results of one endpoint, newest first, bounded by count and by age so that a pane left
// open for days holds no more than this.
class RecentResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentResultsModel)

public:
    enum Column { TimeColumn, StatusColumn, LatencyColumn, HttpStatusColumn, ErrorColumn, ColumnCount };

    static constexpr int maximumResults = 2000;
    static constexpr std::chrono::hours maximumAge{1};

    explicit RecentResultsModel(QObject *parent = nullptr);

    void add(const ProbeResult &result);
    void clear();
    const QList<ProbeResult> &results() const { return m_results; } // newest first

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ProbeResult> m_results;
};
