#pragma once

#include <QStyledItemDelegate>

// Paints the recent-latency column as a small line (EndpointTableModel::SparklineRole), with failed
// probes as red ticks along the bottom. Every other column is left to QStyledItemDelegate.
class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SparklineDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
