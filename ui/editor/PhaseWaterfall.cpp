#include "PhaseWaterfall.h"

#include "text/DurationText.h"
#include "text/StatusPalette.h"

#include <QPainter>

PhaseWaterfall::PhaseWaterfall(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Probe phases"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void PhaseWaterfall::setPhases(const PhaseTimings &phases, std::chrono::microseconds elapsed, bool answered)
{
    m_phases = phases;
    m_elapsed = elapsed;
    m_answered = answered;
    setAccessibleDescription(summary());
    updateGeometry(); // a remainder row makes it taller
    update();
}

void PhaseWaterfall::clear()
{
    setPhases({});
}

QList<PhaseWaterfall::Row> PhaseWaterfall::rows() const
{
    QList<Row> all{{tr("DNS"), m_phases.dns, false},
                   {tr("Connect"), m_phases.connect, false},
                   {tr("TLS"), m_phases.tls, false},
                   {tr("First byte"), m_phases.ttfb, false},
                   {tr("Transfer"), m_phases.transfer, false}};
    std::chrono::microseconds measured{0};
    for (const Row &row : all)
        measured += row.duration.value_or(std::chrono::microseconds{0});
    // A remainder under a millisecond, or under 5 %, is the probe's own bookkeeping: not worth a bar.
    const std::chrono::microseconds rest = m_elapsed - measured;
    if (rest >= std::chrono::milliseconds(1) && rest * 20 >= m_elapsed)
        all.append({m_answered ? tr("Other") : tr("No answer"), rest, true});
    return all;
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
    const int count = int(rows().size());
    return {360, (fontMetrics().height() + 4) * count - 4};
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
    // The remainder is time the probe spent without a phase to show for it: drawn apart, hatched.
    const QBrush remainderBrush(m_answered ? pal.color(QPalette::Mid) : StatusPalette::error(pal), Qt::BDiagPattern);
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
        const QRect bar(x, y + 3, std::min(w, barLeft + barWidth - x), rowHeight - 6);
        if (row.remainder) {
            painter.fillRect(bar, remainderBrush);
            painter.setPen(remainderBrush.color());
            painter.drawRect(bar.adjusted(0, 0, -1, -1));
        } else {
            painter.fillRect(bar, barColour);
        }
        offset += row.duration->count();
    }
}
