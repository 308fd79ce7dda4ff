#pragma once

#include <QColor>
#include <QIconEngine>

// The tray icon: a disc in the overall status colour, drawn as vectors so it is sharp at any size
// and scale factor.
class StatusIconEngine final : public QIconEngine
{
public:
    explicit StatusIconEngine(QColor color);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override { return QStringLiteral("pingscope-status"); }

private:
    QColor m_color;
};
