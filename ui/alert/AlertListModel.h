#pragma once

#include <QAbstractTableModel>
#include <QStringList>

// The rows of one list of the Alerts dialog (channels, rules or maintenance windows) as text, one
// column per aspect. The dialog keeps the settings; this shows them, reset whenever they change:
// the lists are a handful of rows.
class AlertListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertListModel)

public:
    AlertListModel(QStringList headers, QObject *parent = nullptr);

    void setRows(QList<QStringList> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};
