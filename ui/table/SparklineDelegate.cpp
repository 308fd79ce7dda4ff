#include "SparklineDelegate.h"

#include "EndpointTableModel.h"
#include "text/StatusText.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const auto points = index.data(EndpointTableModel::SparklineRole).value<QList<qint64>>();
    if (points.isEmpty())
        return;
    const QRectF area = QRectF(option.rect).adjusted(3, 3, -3, -3);
    qint64 highest = 1;
    for (const qint64 point : points)
        highest = std::max(highest, point);
    const double step = points.size() > 1 ? area.width() / double(points.size() - 1) : 0;
    const bool selected = option.state & QStyle::State_Selected;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath line;
    bool drawing = false;
    QPen failurePen(StatusText::statusColor(EndpointStatus::Down), 2);
    for (int i = 0; i < points.size(); ++i) {
        const double x = area.left() + step * i;
        if (points[i] < 0) {
            painter->setPen(failurePen);
            painter->drawLine(QPointF(x, area.bottom() - 4), QPointF(x, area.bottom()));
            drawing = false;
            continue;
        }
        const double y = area.bottom() - area.height() * double(points[i]) / double(highest);
        if (drawing)
            line.lineTo(x, y);
        else
            line.moveTo(x, y);
        drawing = true;
    }
    const QPalette::ColorRole role = selected ? QPalette::HighlightedText : QPalette::Highlight;
    painter->setPen(QPen(option.palette.color(QPalette::Active, role), 1.2));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(line);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {120, QFontMetrics(option.font).height() + 6};
}
