#include "PhaseChart.h"

#include "AxisScale.h"
#include "text/StatusPalette.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <cmath>

namespace {
double ms(const std::optional<std::chrono::microseconds> &duration)
{
    return duration ? double(duration->count()) / 1000.0 : 0.0;
}
} // namespace

PhaseChart::PhaseChart(QWidget *parent)
    // Given the chart at construction: QChartView(parent) makes a chart of its own, and setChart()
    // later only releases that one, which then leaks.
    : QChartView(new QChart, parent)
    , m_chart(chart())
    , m_series(new QStackedBarSeries(m_chart))
    , m_probes(new QBarCategoryAxis(m_chart))
    , m_milliseconds(new QValueAxis(m_chart))
{
    setAccessibleName(tr("Phases of recent probes"));
    setRenderHint(QPainter::Antialiasing);

    for (const QString &name : {tr("DNS"), tr("Connect"), tr("TLS"), tr("First byte"), tr("Transfer")}) {
        auto *set = new QBarSet(name, m_series);
        m_sets.append(set);
        m_series->append(set);
    }
    m_series->setBarWidth(0.8);
    m_chart->addSeries(m_series);
    m_chart->addAxis(m_probes, Qt::AlignBottom);
    m_chart->addAxis(m_milliseconds, Qt::AlignLeft);
    m_series->attachAxis(m_probes);
    m_series->attachAxis(m_milliseconds);
    // One bar per probe, oldest on the left; the bars speak for themselves without numbered labels.
    m_probes->setLabelsVisible(false);
    m_probes->setGridLineVisible(false);
    m_milliseconds->setTitleText(tr("ms"));
    AxisScale::fit(m_milliseconds, 0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));

    m_axisUpdate.setSingleShot(true);
    m_axisUpdate.setInterval(200);
    connect(&m_axisUpdate, &QTimer::timeout, this, &PhaseChart::updateAxes);
    applyPalette();
    updateAxes(); // no bars yet: says so
}

int PhaseChart::barCount() const
{
    return m_sets.first()->count();
}

void PhaseChart::append(const ProbeResult &result)
{
    const PhaseTimings &p = result.phases;
    if (!(p.dns || p.connect || p.tls || p.ttfb || p.transfer))
        return;
    const double values[] = {ms(p.dns), ms(p.connect), ms(p.tls), ms(p.ttfb), ms(p.transfer)};
    const bool full = barCount() >= maximumBars;
    for (int i = 0; i < m_sets.size(); ++i) {
        if (full)
            m_sets.at(i)->remove(0);
        m_sets.at(i)->append(values[i]);
    }
    if (!m_axisUpdate.isActive())
        m_axisUpdate.start();
}

void PhaseChart::clear()
{
    for (QBarSet *set : std::as_const(m_sets))
        set->remove(0, set->count());
    updateAxes();
}

void PhaseChart::updateAxes()
{
    const int bars = barCount();
    QStringList categories;
    for (int i = 0; i < std::max(bars, 1); ++i)
        categories << QString::number(i + 1);
    m_probes->setCategories(categories);
    double highest = 0;
    for (int bar = 0; bar < bars; ++bar) {
        double sum = 0;
        for (const QBarSet *set : std::as_const(m_sets))
            sum += set->at(bar);
        highest = std::max(highest, sum);
    }
    AxisScale::fit(m_milliseconds, highest);
    m_placeholder.update(bars == 0 ? tr("No phase timings yet") : QString(), this);
}

void PhaseChart::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    m_placeholder.paint(painter, m_chart->plotArea(), this);
}

void PhaseChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void PhaseChart::applyPalette()
{
    const QPalette &pal = palette();
    const bool dark = StatusPalette::isDark(pal);
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setBackgroundRoundness(0);
    // Distinct hues in the order of a request, readable on either background.
    static const QColor light[] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xb07aa1, 0x76b7b2};
    static const QColor darker[] = {0x7aa6d6, 0xffb36b, 0x8fd080, 0xd3a6c8, 0xa3e0db};
    for (int i = 0; i < m_sets.size(); ++i) {
        m_sets.at(i)->setColor(dark ? darker[i] : light[i]);
        m_sets.at(i)->setBorderColor(pal.color(QPalette::Base));
    }
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_probes), static_cast<QAbstractAxis *>(m_milliseconds)}) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.color(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Midlight));
    }
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    setBackgroundBrush(pal.color(QPalette::Window));
}
