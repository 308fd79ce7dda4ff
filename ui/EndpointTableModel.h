#pragma once

#include "endpoint/Endpoint.h"

#include <QAbstractTableModel>
#include <QList>

// The endpoints of a profile, one row each.
class EndpointTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointTableModel)

public:
    enum Column { NameColumn, TargetColumn, KindColumn, IntervalColumn, ColumnCount };

    // The raw value behind a cell, for sorting; DisplayRole is text for people.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit EndpointTableModel(QObject *parent = nullptr);

    void setEndpoints(QList<Endpoint> endpoints);
    const QList<Endpoint> &endpoints() const { return m_endpoints; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Endpoint> m_endpoints;
};
