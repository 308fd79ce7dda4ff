#pragma once

#include "ChartPlaceholder.h"
#include "HistoryChartData.h"
#include "probe/ProbeResult.h"

#include <QChartView>
#include <QTimer>

#include <chrono>
#include <optional>

class QAreaSeries;
class QChart;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

// Latency over time: successful probes as a line, failures as red marks along the top.
//
// Two ways to feed it. Live: append() results as they come, the x axis ending at the newest. From the
// history: showHistory() draws a range read from a HistoryStore (HistoryChartController), with
// grey bands where Pingscope was not running and red ones where the endpoint was down; then the
// wheel, a drag and the keys (+ − ← → Home) ask for another range through viewRequested().
// Updating is cheap: results are queued as points and handed to the series at most five times a
// second in one replace(), with the points that fell out of the range dropped; QXYSeries redraws
// its whole line on every single append(), so appending per result would cost a redraw per result.
class LatencyChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatencyChart)

public:
    static constexpr qsizetype maximumPoints = 2000;
    static constexpr qsizetype sparsePoints = 60; // a line with this many points or fewer shows them as dots

    explicit LatencyChart(QWidget *parent = nullptr);

    void setRange(std::chrono::seconds range); // what the x axis spans, ending at the newest result
    std::chrono::seconds range() const { return m_range; }

    void append(const ProbeResult &result); // shown at the next flush, within 200 ms
    void flush(); // hands the queued points to the series now
    // Replaces everything with these results, oldest first (after a range change).
    void setResults(const QList<ProbeResult> &oldestFirst);
    void clear();

    void showHistory(const HistoryChartData &data);
    bool showsHistory() const { return m_historyMode; }
    HistoryRange view() const { return m_view; }
    // The pieces of the latency line drawn now (one unless the history has gaps).
    QList<QLineSeries *> latencyLines() const;
    QAreaSeries *gapBands() const { return m_gaps; }
    QAreaSeries *downBands() const { return m_downs; }

    QLineSeries *latencySeries() const { return m_latency; }
    QString placeholderText() const { return m_placeholder.text(); } // empty while there is something to draw
    QScatterSeries *failureSeries() const { return m_failures; }

signals:
    void viewRequested(HistoryRange view); // by the wheel, a drag or the keys
    void followRequested(); // Home: back to the range ending now

protected:
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void changeEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updatePlaceholder();
    void trim(QList<QPointF> &points) const;
    void updateAxes();
    void applyPalette();
    void setTimeFormat(qint64 spanMs);
    void fitTimeTicks();
    void requestView(HistoryRange view);
    QAreaSeries *makeBands(const QString &name);
    static void setBands(QAreaSeries *series, const QList<HistoryRange> &bands);

    std::chrono::seconds m_range{300};
    qint64 m_newestMs = 0;
    QChart *m_chart;
    QLineSeries *m_latency;
    QScatterSeries *m_failures;
    QDateTimeAxis *m_time;
    QValueAxis *m_milliseconds;
    QValueAxis *m_failureLane; // hidden 0..1 axis: failures sit at the top whatever the latency scale
    QAreaSeries *m_gaps;
    QAreaSeries *m_downs;
    QList<QLineSeries *> m_moreLines; // the line's pieces after the first, made as gaps need them
    int m_linesShown = 1;
    bool m_historyMode = false;
    ChartPlaceholder m_placeholder;
    HistoryRange m_view;
    std::optional<QPoint> m_dragFrom;
    HistoryRange m_dragView;
    QList<QPointF> m_pendingLatency;
    QList<QPointF> m_pendingFailures;
    QTimer m_flush;
};
