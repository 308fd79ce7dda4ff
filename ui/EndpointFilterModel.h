#pragma once

#include <QSortFilterProxyModel>

// Sorts the endpoint table on raw values (EndpointTableModel::SortRole) and filters it by free text
// (name, target, last error, tags) and by one tag.
class EndpointFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointFilterModel)

public:
    explicit EndpointFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setTag(const QString &tag); // empty = every tag
    QString tag() const { return m_tag; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QString m_tag;
};
