#pragma once

#include "ChartPlaceholder.h"
#include "probe/ProbeResult.h"

#include <QChartView>
#include <QTimer>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QStackedBarSeries;
class QValueAxis;

// Where the time of recent HTTP probes went: one stacked bar per probe, one bar set per phase
// (dns, connect, tls, ttfb, transfer). A probe appends one value to each set; the oldest bar is dropped.
class PhaseChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhaseChart)

public:
    static constexpr int maximumBars = 30;

    explicit PhaseChart(QWidget *parent = nullptr);

    void append(const ProbeResult &result); // ignores results without any measured phase
    void clear();

    QStackedBarSeries *series() const { return m_series; }
    int barCount() const;
    QString placeholderText() const { return m_placeholder.text(); } // empty while there are bars

protected:
    void changeEvent(QEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void updateAxes();
    void applyPalette();

    QChart *m_chart;
    QStackedBarSeries *m_series;
    QList<QBarSet *> m_sets; // dns, connect, tls, ttfb, transfer
    QBarCategoryAxis *m_probes;
    QValueAxis *m_milliseconds;
    QTimer m_axisUpdate;
    ChartPlaceholder m_placeholder;
};
