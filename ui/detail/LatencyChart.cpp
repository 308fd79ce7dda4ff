#include "LatencyChart.h"

#include "AxisScale.h"
#include "text/StatusPalette.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QKeyEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QValueAxis>
#include <QWheelEvent>

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
    , m_gaps(nullptr)
    , m_downs(nullptr)
{
    setAccessibleName(tr("Latency over time"));
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus); // the keys zoom and pan

    m_latency->setName(tr("Latency"));
    m_failures->setName(tr("Failed"));
    m_failures->setMarkerSize(7);
    m_failures->setMarkerShape(QScatterSeries::MarkerShapeRectangle);

    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_milliseconds, Qt::AlignLeft);
    m_chart->addAxis(m_failureLane, Qt::AlignRight);
    // Bands first, so the line and the marks are drawn over them.
    m_gaps = makeBands(tr("Not running"));
    m_downs = makeBands(tr("Down"));
    m_chart->addSeries(m_latency);
    m_chart->addSeries(m_failures);
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

QAreaSeries *LatencyChart::makeBands(const QString &name)
{
    auto *series = new QAreaSeries(new QLineSeries(m_chart));
    series->setName(name);
    m_chart->addSeries(series);
    series->attachAxis(m_time);
    series->attachAxis(m_failureLane);
    return series;
}

void LatencyChart::setTimeFormat(qint64 spanMs)
{
    const qint64 minute = 60'000;
    const qint64 day = 1440 * minute;
    m_time->setFormat(spanMs <= 10 * minute    ? QStringLiteral("HH:mm:ss")
                          : spanMs <= 2 * day  ? QStringLiteral("HH:mm")
                          : spanMs <= 10 * day ? QStringLiteral("d MMM HH:mm")
                                               : QStringLiteral("d MMM yyyy"));
    fitTimeTicks();
}

// As many time labels as fit whole, with room between them: five fixed ticks became "00:…" in a
// pane a third of a 1024 px window wide.
void LatencyChart::fitTimeTicks()
{
    const QString sample = QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59)).toString(m_time->format());
    const int labelWidth = fontMetrics().horizontalAdvance(sample) * 3 / 2;
    const int plotWidth = int(m_chart->plotArea().width() > 0 ? m_chart->plotArea().width() : width() * 0.8);
    m_time->setTickCount(std::clamp(plotWidth / std::max(1, labelWidth) + 1, 2, 5));
}

void LatencyChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    fitTimeTicks();
}

void LatencyChart::setRange(std::chrono::seconds range)
{
    m_range = range;
    setTimeFormat(std::chrono::milliseconds(range).count());
    flush();
}

QList<QLineSeries *> LatencyChart::latencyLines() const
{
    QList<QLineSeries *> lines{m_latency};
    lines += m_moreLines.mid(0, m_linesShown - 1);
    return lines;
}

void LatencyChart::setBands(QAreaSeries *series, const QList<HistoryRange> &bands)
{
    // One area for every band: a step that rises to the top of the lane for each and falls back.
    QList<QPointF> steps;
    steps.reserve(bands.size() * 4);
    for (const HistoryRange &band : bands) {
        steps << QPointF(qreal(band.fromMs), 0) << QPointF(qreal(band.fromMs), 1) << QPointF(qreal(band.toMs), 1)
              << QPointF(qreal(band.toMs), 0);
    }
    series->upperSeries()->replace(steps);
}

void LatencyChart::showHistory(const HistoryChartData &data)
{
    m_historyMode = true;
    m_flush.stop();
    m_pendingLatency.clear();
    m_pendingFailures.clear();
    m_view = data.view;
    while (m_moreLines.size() + 1 < data.lines.size()) {
        auto *line = new QLineSeries(m_chart);
        m_chart->addSeries(line);
        line->attachAxis(m_time);
        line->attachAxis(m_milliseconds);
        line->setPen(m_latency->pen());
        for (QLegendMarker *marker : m_chart->legend()->markers(line))
            marker->setVisible(false);
        m_moreLines << line;
    }
    m_linesShown = std::max<int>(1, int(data.lines.size()));
    const QList<QLineSeries *> lines = QList<QLineSeries *>{m_latency} + m_moreLines;
    double highest = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QList<QPointF> points = i < data.lines.size() ? data.lines[i] : QList<QPointF>{};
        for (const QPointF &point : points)
            highest = std::max(highest, point.y());
        lines[i]->replace(points);
    }
    QList<QPointF> marks;
    marks.reserve(data.failures.size());
    for (const qreal x : data.failures)
        marks << QPointF(x, failureLaneY);
    m_failures->replace(marks);
    setBands(m_gaps, data.gaps);
    setBands(m_downs, data.downs);
    setTimeFormat(data.view.lengthMs());
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(data.view.fromMs), QDateTime::fromMSecsSinceEpoch(data.view.toMs));
    AxisScale::fit(m_milliseconds, highest);
    updatePlaceholder();
}

void LatencyChart::updatePlaceholder()
{
    bool any = m_failures->count() > 0;
    for (QLineSeries *line : latencyLines()) {
        any = any || line->count() > 0;
        // A line through one point draws nothing, and a few points read better as dots on it.
        line->setPointsVisible(line->count() <= sparsePoints);
    }
    QString text;
    if (!any)
        text = m_historyMode ? tr("No results in this range") : tr("No data yet");
    m_placeholder.update(text, this);
}

void LatencyChart::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    m_placeholder.paint(painter, m_chart->plotArea(), this);
}

void LatencyChart::requestView(HistoryRange view)
{
    // Feedback at once; the controller reads the history for it and calls showHistory().
    m_view = view;
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(view.fromMs), QDateTime::fromMSecsSinceEpoch(view.toMs));
    emit viewRequested(view);
}

void LatencyChart::wheelEvent(QWheelEvent *event)
{
    if (!m_historyMode || event->angleDelta().y() == 0) {
        QChartView::wheelEvent(event);
        return;
    }
    event->accept();
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    const double anchor
        = std::clamp(m_chart->mapToValue(event->position(), m_latency).x(), double(m_view.fromMs), double(m_view.toMs));
    requestView({qint64(anchor - (anchor - double(m_view.fromMs)) * factor),
                 qint64(anchor + (double(m_view.toMs) - anchor) * factor)});
}

void LatencyChart::mousePressEvent(QMouseEvent *event)
{
    if (m_historyMode && event->button() == Qt::LeftButton) {
        m_dragFrom = event->position().toPoint();
        m_dragView = m_view;
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void LatencyChart::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragFrom) {
        QChartView::mouseMoveEvent(event);
        return;
    }
    event->accept();
    const double width = std::max(1.0, m_chart->plotArea().width());
    const auto shift
        = qint64(double(event->position().toPoint().x() - m_dragFrom->x()) / width * double(m_dragView.lengthMs()));
    if (shift != 0)
        requestView({m_dragView.fromMs - shift, m_dragView.toMs - shift});
}

void LatencyChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragFrom && event->button() == Qt::LeftButton) {
        m_dragFrom.reset();
        unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void LatencyChart::keyPressEvent(QKeyEvent *event)
{
    if (!m_historyMode) {
        QChartView::keyPressEvent(event);
        return;
    }
    const qint64 length = m_view.lengthMs();
    const qint64 middle = m_view.fromMs + length / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        requestView({middle - length * 2 / 5, middle + length * 2 / 5});
        break;
    case Qt::Key_Minus:
        requestView({middle - length * 5 / 8, middle + length * 5 / 8});
        break;
    case Qt::Key_Left:
        requestView({m_view.fromMs - length / 4, m_view.toMs - length / 4});
        break;
    case Qt::Key_Right:
        requestView({m_view.fromMs + length / 4, m_view.toMs + length / 4});
        break;
    case Qt::Key_Home:
        emit followRequested();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
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
    m_historyMode = false;
    m_linesShown = 1;
    for (QLineSeries *line : std::as_const(m_moreLines))
        line->clear();
    setBands(m_gaps, {});
    setBands(m_downs, {});
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
    if (m_historyMode)
        return;
    updatePlaceholder();
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
    for (QLineSeries *more : std::as_const(m_moreLines))
        more->setPen(line);
    QColor gap = pal.color(QPalette::Text);
    gap.setAlpha(40);
    m_gaps->setBrush(gap);
    m_gaps->setPen(Qt::NoPen);
    QColor down = StatusPalette::status(pal, ProbeStatus::Down);
    down.setAlpha(70);
    m_downs->setBrush(down);
    m_downs->setPen(Qt::NoPen);
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
