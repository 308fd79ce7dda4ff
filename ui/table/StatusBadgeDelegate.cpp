#include "StatusBadgeDelegate.h"

#include "EndpointTableModel.h"
#include "text/StatusText.h"

#include <QApplication>
#include <QPainter>

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget); // selection and focus

    const auto status = EndpointStatus(index.data(EndpointTableModel::StatusRole).toInt());
    const QString text = index.data(Qt::DisplayRole).toString();
    const QFontMetrics metrics(option.font);
    const int height = std::min(option.rect.height() - 4, metrics.height() + 2);
    const int width = std::min(option.rect.width() - 6, metrics.horizontalAdvance(text) + height);
    const QRectF pill(option.rect.x() + 3, option.rect.center().y() - height / 2.0 + 0.5, width, height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(StatusText::statusColor(status));
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(option.font);
    painter->drawText(pill, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, int(pill.width()) - 4));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const QString text = index.data(Qt::DisplayRole).toString();
    return {metrics.horizontalAdvance(text) + metrics.height() + 12, metrics.height() + 6};
}
