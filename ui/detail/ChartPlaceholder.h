#pragma once

#include <QString>

class QGraphicsView;
class QPainter;
class QRectF;

// The words a chart shows over its plot area while it has nothing to draw ("No data yet"), instead
// of bare axes that look like a chart of zeros. A chart calls paint() from its drawForeground and
// update() when what it has to draw may have changed.
class ChartPlaceholder
{
public:
    void paint(QPainter *painter, const QRectF &plotArea, const QGraphicsView *view) const;
    // Sets the words (empty = the chart has data) and repaints the view when they changed.
    void update(const QString &text, QGraphicsView *view);
    QString text() const { return m_text; }

private:
    QString m_text;
};
