#include "ChartPlaceholder.h"

#include <QGraphicsView>
#include <QPainter>

void ChartPlaceholder::paint(QPainter *painter, const QRectF &plotArea, const QGraphicsView *view) const
{
    if (m_text.isEmpty())
        return;
    painter->save();
    painter->setPen(view->palette().color(QPalette::PlaceholderText));
    painter->setFont(view->font());
    painter->drawText(plotArea, Qt::AlignCenter | Qt::TextWordWrap, m_text);
    painter->restore();
}

void ChartPlaceholder::update(const QString &text, QGraphicsView *view)
{
    if (text == m_text)
        return;
    m_text = text;
    // The foreground is not part of any item, so no series change repaints it.
    view->viewport()->update();
}
