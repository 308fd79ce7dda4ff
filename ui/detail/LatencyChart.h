#pragma once

#include "probe/ProbeResult.h"

#include <QChartView>
#include <QTimer>

#include <chrono>

class QChart;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

// Latency over time: successful probes as a line, failures as red marks along the top.
// Updating is cheap: results are queued as points and handed to the series at most five times a
// second in one replace(), with the points that fell out of the range dropped; QXYSeries redraws
// its whole line on every single append(), so appending per result would cost a redraw per result.
class LatencyChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatencyChart)

public:
    static constexpr int maximumPoints = 2000;

    explicit LatencyChart(QWidget *parent = nullptr);

    void setRange(std::chrono::seconds range); // what the x axis spans, ending at the newest result
    std::chrono::seconds range() const { return m_range; }

    void append(const ProbeResult &result); // shown at the next flush, within 200 ms
    void flush(); // hands the queued points to the series now
    // Replaces everything with these results, oldest first (after a range change).
    void setResults(const QList<ProbeResult> &oldestFirst);
    void clear();

    QLineSeries *latencySeries() const { return m_latency; }
    QScatterSeries *failureSeries() const { return m_failures; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void trim(QList<QPointF> &points) const;
    void updateAxes();
    void applyPalette();

    std::chrono::seconds m_range{300};
    qint64 m_newestMs = 0;
    QChart *m_chart;
    QLineSeries *m_latency;
    QScatterSeries *m_failures;
    QDateTimeAxis *m_time;
    QValueAxis *m_milliseconds;
    QValueAxis *m_failureLane; // hidden 0..1 axis: failures sit at the top whatever the latency scale
    QList<QPointF> m_pendingLatency;
    QList<QPointF> m_pendingFailures;
    QTimer m_flush;
};
