#include "StatusIconEngine.h"

#include <QPainter>
#include <QPixmap>

StatusIconEngine::StatusIconEngine(QColor color) : m_color(color) { }

void StatusIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode, QIcon::State)
{
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF disc(rect.x() + (rect.width() - side) / 2 + side * 0.08,
                      rect.y() + (rect.height() - side) / 2 + side * 0.08, side * 0.84, side * 0.84);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(m_color.darker(140), std::max(1.0, side / 16)));
    painter->setBrush(m_color);
    painter->drawEllipse(disc);
    // A pulse line through the disc, as in the application icon.
    QPen pulse(Qt::white, std::max(1.0, side / 10), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(pulse);
    const qreal y = disc.center().y();
    const qreal x = disc.left();
    const qreal w = disc.width();
    const QPointF points[]
        = {{x + w * 0.18, y}, {x + w * 0.38, y}, {x + w * 0.48, y - w * 0.24}, {x + w * 0.58, y + w * 0.22},
           {x + w * 0.66, y}, {x + w * 0.82, y}};
    painter->drawPolyline(points, int(std::size(points)));
    painter->restore();
}

QPixmap StatusIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap StatusIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale)
{
    QPixmap pixmap(size * scale);
    pixmap.fill(Qt::transparent);
    pixmap.setDevicePixelRatio(scale);
    QPainter painter(&pixmap);
    paint(&painter, QRect(QPoint(), size), mode, state);
    return pixmap;
}

QIconEngine *StatusIconEngine::clone() const
{
    return new StatusIconEngine(m_color);
}
