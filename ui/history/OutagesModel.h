#pragma once

#include "history/HistoryTypes.h"

#include <QAbstractTableModel>
#include <QHash>

// The outages of a history, one row each, newest first: endpoint, start, end (or "still down"),
// duration and cause (the error that made it Down). Replaced whole on each read.
class OutagesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutagesModel)

public:
    enum Column { EndpointColumn, StartColumn, EndColumn, DurationColumn, CauseColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value: ms, or text
        KeyRole, // the endpoint's key
        StartRole, // ms since the epoch
        EndRole, // ms since the epoch; the start plus the duration while open
    };

    using QAbstractTableModel::QAbstractTableModel;

    // names: key → what to call the endpoint (its name now); keys not in it show the key.
    void setOutages(QList<HistoryOutage> outages, QHash<QString, QString> names);
    const HistoryOutage &outageAt(int row) const { return m_outages[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const HistoryOutage &outage, int column) const;

    QList<HistoryOutage> m_outages;
    QHash<QString, QString> m_names;
};
