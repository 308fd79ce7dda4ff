#include "LatencyChart.h"

#include "AxisScale.h"
#include "text/StatusPalette.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {
constexpr double failureLaneY = 0.96;
}

LatencyChart::LatencyChart(QWidget *parent)
    // Given the chart at construction: QChartView(parent) makes a chart of its own, and setChart()
    // later only releases that one, which then leaks.
    : QChartView(new QChart, parent)
    , m_chart(chart())
    , m_latency(new QLineSeries(m_chart))
    , m_failures(new QScatterSeries(m_chart))
    , m_time(new QDateTimeAxis(m_chart))
    , m_milliseconds(new QValueAxis(m_chart))
    , m_failureLane(new QValueAxis(m_chart))
{
    setAccessibleName(tr("Latency over time"));
    setRenderHint(QPainter::Antialiasing);

    m_latency->setName(tr("Latency"));
    m_failures->setName(tr("Failed"));
    m_failures->setMarkerSize(7);
    m_failures->setMarkerShape(QScatterSeries::MarkerShapeRectangle);

    m_chart->addSeries(m_latency);
    m_chart->addSeries(m_failures);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_milliseconds, Qt::AlignLeft);
    m_chart->addAxis(m_failureLane, Qt::AlignRight);
    m_latency->attachAxis(m_time);
    m_latency->attachAxis(m_milliseconds);
    m_failures->attachAxis(m_time);
    m_failures->attachAxis(m_failureLane);
    m_failureLane->setRange(0, 1);
    m_failureLane->setVisible(false);
    m_milliseconds->setTitleText(tr("ms"));
    AxisScale::fit(m_milliseconds, 0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));

    m_flush.setSingleShot(true);
    m_flush.setInterval(200);
    connect(&m_flush, &QTimer::timeout, this, &LatencyChart::flush);

    applyPalette();
    setRange(m_range);
}

void LatencyChart::setRange(std::chrono::seconds range)
{
    m_range = range;
    m_time->setFormat(range <= std::chrono::minutes(10) ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    flush();
}

void LatencyChart::append(const ProbeResult &result)
{
    const qint64 x = result.started.toMSecsSinceEpoch();
    m_newestMs = std::max(m_newestMs, x);
    if (result.isUp())
        m_pendingLatency.append(QPointF(double(x), double(result.latency.count()) / 1000.0));
    else
        m_pendingFailures.append(QPointF(double(x), failureLaneY));
    // A burst longer than the chart holds keeps only its tail.
    for (QList<QPointF> *pending : {&m_pendingLatency, &m_pendingFailures}) {
        if (pending->size() > 2 * maximumPoints)
            pending->remove(0, pending->size() - maximumPoints);
    }
    if (!m_flush.isActive())
        m_flush.start();
}

void LatencyChart::setResults(const QList<ProbeResult> &oldestFirst)
{
    clear();
    for (const ProbeResult &result : oldestFirst)
        append(result);
    flush();
}

void LatencyChart::clear()
{
    m_newestMs = 0;
    m_pendingLatency.clear();
    m_pendingFailures.clear();
    m_flush.stop();
    m_latency->clear();
    m_failures->clear();
    updateAxes();
}

void LatencyChart::flush()
{
    m_flush.stop();
    const std::pair<QXYSeries *, QList<QPointF> *> pairs[]
        = {{m_latency, &m_pendingLatency}, {m_failures, &m_pendingFailures}};
    for (const auto &[series, pending] : pairs) {
        QList<QPointF> points = series->points();
        const qsizetype before = points.size();
        const bool added = !pending->isEmpty();
        points.append(*pending);
        pending->clear();
        trim(points);
        if (added || points.size() != before)
            series->replace(points);
    }
    updateAxes();
}

void LatencyChart::trim(QList<QPointF> &points) const
{
    // Points arrive in time order, so those out of range are at the front.
    const double oldest = double(m_newestMs - std::chrono::milliseconds(m_range).count());
    qsizetype drop = 0;
    while (drop < points.size() && points.at(drop).x() < oldest)
        ++drop;
    drop = std::max(drop, points.size() - maximumPoints);
    if (drop > 0)
        points.remove(0, drop);
}

void LatencyChart::updateAxes()
{
    const qint64 newest = m_newestMs > 0 ? m_newestMs : QDateTime::currentMSecsSinceEpoch();
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(newest - std::chrono::milliseconds(m_range).count()),
                     QDateTime::fromMSecsSinceEpoch(newest));
    double highest = 0;
    const QList<QPointF> points = m_latency->points();
    for (const QPointF &point : points)
        highest = std::max(highest, point.y());
    // Some headroom, and a round top so the labels read well.
    AxisScale::fit(m_milliseconds, highest);
}

void LatencyChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void LatencyChart::applyPalette()
{
    const QPalette &pal = palette();
    m_chart->setTheme(StatusPalette::isDark(pal) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The theme resets the series colours; ours follow the palette.
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setBackgroundRoundness(0);
    QPen line(pal.color(QPalette::Highlight));
    line.setWidthF(1.5);
    m_latency->setPen(line);
    const QColor failed = StatusPalette::status(pal, ProbeStatus::Down);
    m_failures->setColor(failed);
    m_failures->setBorderColor(failed);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_time), static_cast<QAbstractAxis *>(m_milliseconds)}) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.color(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Midlight));
    }
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    setBackgroundBrush(pal.color(QPalette::Window));
}
