#include "PhaseWaterfall.h"

#include "text/DurationText.h"

#include <QPainter>

PhaseWaterfall::PhaseWaterfall(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Probe phases"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void PhaseWaterfall::setPhases(const PhaseTimings &phases)
{
    m_phases = phases;
    setAccessibleDescription(summary());
    update();
}

void PhaseWaterfall::clear()
{
    setPhases({});
}

QList<PhaseWaterfall::Row> PhaseWaterfall::rows() const
{
    return {{tr("DNS"), m_phases.dns},
            {tr("Connect"), m_phases.connect},
            {tr("TLS"), m_phases.tls},
            {tr("First byte"), m_phases.ttfb},
            {tr("Transfer"), m_phases.transfer}};
}

QString PhaseWaterfall::summary() const
{
    QStringList parts;
    for (const Row &row : rows()) {
        if (row.duration)
            parts << tr("%1 %2").arg(row.name, DurationText::format(*row.duration));
    }
    return parts.isEmpty() ? tr("no phases measured") : parts.join(tr(", "));
}

QSize PhaseWaterfall::sizeHint() const
{
    return {360, fontMetrics().height() * 5 + 4 * 4};
}

QSize PhaseWaterfall::minimumSizeHint() const
{
    return {200, sizeHint().height()};
}

void PhaseWaterfall::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QFontMetrics metrics = fontMetrics();
    const QList<Row> all = rows();
    int labelWidth = 0;
    for (const Row &row : all)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(row.name));
    const int valueWidth = metrics.horizontalAdvance(QStringLiteral("0000.0 ms"));
    const int gap = 6;
    const int barLeft = labelWidth + gap;
    const int barWidth = std::max(10, width() - barLeft - valueWidth - gap);
    const int rowHeight = metrics.height() + 4;

    qint64 total = 0;
    for (const Row &row : all)
        total += row.duration ? row.duration->count() : 0;

    const QPalette &pal = palette();
    const QColor barColour = pal.color(QPalette::Highlight);
    qint64 offset = 0;
    for (int i = 0; i < all.size(); ++i) {
        const Row &row = all.at(i);
        const int y = i * rowHeight;
        painter.setPen(pal.color(isEnabled() ? QPalette::Normal : QPalette::Disabled, QPalette::WindowText));
        painter.drawText(QRect(0, y, labelWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter, row.name);
        const QString value = row.duration ? DurationText::format(*row.duration) : tr("–");
        painter.drawText(QRect(barLeft + barWidth + gap, y, valueWidth, rowHeight), Qt::AlignRight | Qt::AlignVCenter,
                         value);
        if (!row.duration || total <= 0)
            continue;
        const int x = barLeft + int(double(offset) / double(total) * barWidth);
        const int w = std::max(2, int(double(row.duration->count()) / double(total) * barWidth));
        painter.fillRect(QRect(x, y + 3, w, rowHeight - 6), barColour);
        offset += row.duration->count();
    }
}
