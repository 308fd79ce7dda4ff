#include "EndpointDetailPane.h"

#include "CustomRangeDialog.h"
#include "HistoryChartController.h"
#include "LatencyChart.h"
#include "PhaseChart.h"
#include "RecentResultsModel.h"
#include "text/DurationText.h"
#include "text/StatusPalette.h"
#include "text/TargetDescription.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {
enum Figure { LastFigure, P50Figure, P95Figure, P99Figure, JitterFigure, UptimeFigure, FailuresFigure, FigureCount };

QString durationOrDash(const std::optional<std::chrono::microseconds> &duration)
{
    return duration ? DurationText::format(*duration) : QStringLiteral("–");
}

QLabel *selectable(QLabel *label)
{
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    return label;
}
} // namespace

EndpointDetailPane::EndpointDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_target(selectable(new QLabel(this)))
    , m_range(new QComboBox(this))
    , m_latency(new LatencyChart(this))
    , m_history(new HistoryChartController(m_latency, m_latency))
    , m_resolution(new QLabel(this))
    , m_phasesGroup(new QGroupBox(tr("Phases of recent probes"), this))
    , m_phases(new PhaseChart(m_phasesGroup))
    , m_icmpGroup(new QGroupBox(tr("Packet loss"), this))
    , m_icmpLoss(selectable(new QLabel(m_icmpGroup)))
    , m_results(new RecentResultsModel(this))
    , m_resultsView(new QTableView(this))
    , m_tabs(new QTabWidget(this))
{
    setAccessibleName(tr("Endpoint details"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_target->setObjectName(QStringLiteral("detailTarget"));

    m_range->setObjectName(QStringLiteral("range"));
    m_range->setAccessibleName(tr("Time range of the latency chart"));
    const int day = 86'400;
    m_range->addItem(tr("Last 5 minutes"), 5 * 60);
    m_range->addItem(tr("Last hour"), 60 * 60);
    m_range->addItem(tr("Last 6 hours"), 6 * 60 * 60);
    m_range->addItem(tr("Last 24 hours"), day);
    m_range->addItem(tr("Last 7 days"), 7 * day);
    m_range->addItem(tr("Last 30 days"), 30 * day);
    m_range->addItem(tr("Last 90 days"), 90 * day);
    m_range->addItem(tr("Last year"), 365 * day);
    m_range->addItem(tr("Custom…"), -1);
    m_range->setToolTip(tr("Wheel to zoom, drag to pan; + − ← → on the chart, Home to come back to now"));
    connect(m_range, &QComboBox::currentIndexChanged, this, &EndpointDetailPane::rangeChanged);
    m_resolution->setObjectName(QStringLiteral("chartResolution"));
    m_resolution->setForegroundRole(QPalette::PlaceholderText);
    m_resolution->setWordWrap(true); // a long line would widen the pane past the window
    m_resolution->setAlignment(Qt::AlignRight | Qt::AlignTop);
    connect(m_history, &HistoryChartController::refreshed, this, &EndpointDetailPane::showResolution);
    auto *rangeLabel = new QLabel(tr("&Range:"), this);
    rangeLabel->setBuddy(m_range);

    // Titles that wrap, and the range with the chart it sets: a long target beside the range box
    // made the pane wider than its share of the window, and it scrolled sideways.
    m_title->setWordWrap(true);
    m_target->setWordWrap(true);
    auto *header = new QVBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_target);
    auto *chartBox = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->setSpacing(0);
    auto *rangeRow = new QHBoxLayout;
    rangeRow->addStretch(1);
    rangeRow->addWidget(rangeLabel);
    rangeRow->addWidget(m_range);
    chartLayout->addLayout(rangeRow);
    chartLayout->addWidget(m_latency, 1);
    // The whole width, its text aligned right: aligned in the layout instead, the label got the
    // height of one line for a width of its own, and its wrapped lines overlapped the chart.
    chartLayout->addWidget(m_resolution);

    m_latency->setMinimumHeight(220);
    auto *phasesLayout = new QVBoxLayout(m_phasesGroup);
    phasesLayout->setContentsMargins(2, 2, 2, 2);
    phasesLayout->addWidget(m_phases);
    m_phases->setMinimumHeight(190);

    auto *icmpLayout = new QVBoxLayout(m_icmpGroup);
    m_icmpLoss->setObjectName(QStringLiteral("icmpLoss"));
    m_icmpLoss->setAccessibleName(tr("Packet loss"));
    m_icmpLoss->setWordWrap(true);
    icmpLayout->addWidget(m_icmpLoss);

    m_resultsView->setObjectName(QStringLiteral("recentResults"));
    m_resultsView->setAccessibleName(tr("Recent results"));
    m_resultsView->setModel(m_results);
    m_resultsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultsView->setWordWrap(false);
    m_resultsView->verticalHeader()->setVisible(false);
    m_resultsView->verticalHeader()->setDefaultSectionSize(m_resultsView->fontMetrics().height() + 6);
    m_resultsView->horizontalHeader()->setStretchLastSection(true);
    // Widths from sample text rather than ResizeToContents, which measures up to 1,000 rows on
    // every inserted row: with a result a second that alone costs more than the charts.
    const QFontMetrics metrics = m_resultsView->fontMetrics();
    const int padding = 3 * metrics.averageCharWidth();
    const std::pair<int, QString> samples[] = {{RecentResultsModel::TimeColumn, QStringLiteral("00:00:00")},
                                               {RecentResultsModel::StatusColumn, QStringLiteral("degraded")},
                                               {RecentResultsModel::LatencyColumn, QStringLiteral("0000.0 ms")},
                                               {RecentResultsModel::HttpStatusColumn, QStringLiteral("HTTP 000")}};
    for (const auto &[column, sample] : samples)
        m_resultsView->setColumnWidth(column, metrics.horizontalAdvance(sample) + padding);

    // One part at a time, each with the pane's whole room: stacked in a splitter, the recent results
    // got two rows at 230 px beside blank space, and the charts squeezed each other.
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(chartBox, tr("Latency"));
    m_tabs->addTab(m_phasesGroup, tr("Phases"));
    m_tabs->addTab(m_resultsView, tr("Results"));
    m_tabs->addTab(buildCertificate(), tr("Certificate"));
    m_tabs->addTab(m_icmpGroup, tr("Packet loss"));
    for (QGroupBox *page : {m_phasesGroup, m_certificateGroup, m_icmpGroup}) {
        page->setTitle({}); // the tab says it
        page->setFlat(true);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(buildStatistics());
    layout->addWidget(m_tabs, 1);

    clear();
}

void EndpointDetailPane::showTab(QWidget *page, bool shown)
{
    m_tabs->setTabVisible(m_tabs->indexOf(page), shown);
}

bool EndpointDetailPane::isTabShown(QWidget *page) const
{
    return m_tabs->isTabVisible(m_tabs->indexOf(page));
}

QWidget *EndpointDetailPane::buildStatistics()
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    const QString names[FigureCount]
        = {tr("Last"), tr("p50"), tr("p95"), tr("p99"), tr("Jitter"), tr("Uptime"), tr("Failures")};
    const char *objectNames[FigureCount]
        = {"figureLast", "figureP50", "figureP95", "figureP99", "figureJitter", "figureUptime", "figureFailures"};
    for (int i = 0; i < FigureCount; ++i) {
        auto *caption = new QLabel(names[i], box);
        caption->setForegroundRole(QPalette::PlaceholderText);
        auto *value = selectable(new QLabel(QStringLiteral("–"), box));
        value->setObjectName(QLatin1String(objectNames[i]));
        value->setAccessibleName(names[i]);
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        // Four to a row: seven in one made the pane wider than its share of a 1400 px window.
        grid->addWidget(caption, 2 * (i / 4), i % 4);
        grid->addWidget(value, 2 * (i / 4) + 1, i % 4);
        m_figures.append(value);
    }
    return box;
}

QGroupBox *EndpointDetailPane::buildCertificate()
{
    m_certificateGroup = new QGroupBox(tr("Certificate"), this);
    auto *form = new QFormLayout(m_certificateGroup);
    m_certSubject = selectable(new QLabel(m_certificateGroup));
    m_certIssuer = selectable(new QLabel(m_certificateGroup));
    m_certExpiry = selectable(new QLabel(m_certificateGroup));
    m_certDaysLeft = selectable(new QLabel(m_certificateGroup));
    m_certSubject->setObjectName(QStringLiteral("certSubject"));
    m_certIssuer->setObjectName(QStringLiteral("certIssuer"));
    m_certExpiry->setObjectName(QStringLiteral("certExpiry"));
    m_certDaysLeft->setObjectName(QStringLiteral("certDaysLeft"));
    for (QLabel *label : {m_certSubject, m_certIssuer})
        label->setWordWrap(true);
    form->addRow(tr("Subject:"), m_certSubject);
    form->addRow(tr("Issuer:"), m_certIssuer);
    form->addRow(tr("Expires:"), m_certExpiry);
    form->addRow(tr("Days left:"), m_certDaysLeft);
    return m_certificateGroup;
}

void EndpointDetailPane::setEndpoint(const Endpoint &endpoint)
{
    clear();
    m_endpoint = endpoint;
    m_title->setText(endpoint.displayName());
    // Without a name the title already is the target: say only what kind of probe it is.
    m_target->setText(endpoint.name.isEmpty() ? TargetDescription::kind(endpoint.probe.target)
                                              : TargetDescription::understoodAs(endpoint.probe.target));
    showTab(m_phasesGroup, endpoint.probe.target.kind == ProbeKind::Http);
    m_resultsView->setColumnHidden(RecentResultsModel::HttpStatusColumn, endpoint.probe.target.kind != ProbeKind::Http);
    showTab(m_icmpGroup, endpoint.probe.target.kind == ProbeKind::Icmp);
    m_history->setEndpoint(endpoint.id, qint64(endpoint.intervalS * 1000));
}

void EndpointDetailPane::clear()
{
    m_history->setEndpoint({}, 0);
    m_resolution->clear();
    m_results->clear();
    m_latency->clear();
    m_phases->clear();
    m_windowLossPercent.reset();
    showTab(m_certificateGroup, false);
    for (QLabel *label : {m_certSubject, m_certIssuer, m_certExpiry, m_certDaysLeft})
        label->clear();
    m_icmpLoss->setText(tr("No ping results yet"));
    for (QLabel *figure : std::as_const(m_figures))
        figure->setText(QStringLiteral("–"));
}

void EndpointDetailPane::addResult(const ProbeResult &result)
{
    m_results->add(result);
    if (m_history->hasStore())
        m_history->resultsArrived();
    else
        m_latency->append(result);
    if (m_endpoint.probe.target.kind == ProbeKind::Http)
        m_phases->append(result);
    if (result.certificate)
        showCertificate(*result.certificate);
    if (result.icmp)
        showIcmp(*result.icmp);
}

void EndpointDetailPane::setStatistics(const EndpointStatistics &statistics)
{
    m_figures[LastFigure]->setText(durationOrDash(statistics.last));
    m_figures[P50Figure]->setText(durationOrDash(statistics.p50));
    m_figures[P95Figure]->setText(durationOrDash(statistics.p95));
    m_figures[P99Figure]->setText(durationOrDash(statistics.p99));
    m_figures[JitterFigure]->setText(durationOrDash(statistics.jitter));
    m_figures[UptimeFigure]->setText(statistics.uptimePercent ? tr("%L1 %").arg(*statistics.uptimePercent, 0, 'f', 2)
                                                              : QStringLiteral("–"));
    m_figures[FailuresFigure]->setText(tr("%L1 of %L2").arg(statistics.failures).arg(statistics.results));
    m_windowLossPercent = statistics.icmpLossPercent;
    const QList<ProbeResult> &recent = m_results->results();
    if (!recent.isEmpty() && recent.first().icmp)
        showIcmp(*recent.first().icmp);
}

void EndpointDetailPane::rangeChanged()
{
    const int seconds = m_range->currentData().toInt();
    if (seconds < 0) {
        chooseCustomRange();
        return;
    }
    m_lastRangeIndex = m_range->currentIndex();
    m_history->setSpan(qint64(seconds) * 1000);
    if (m_history->hasStore())
        return;
    m_latency->setRange(std::chrono::seconds(m_range->currentData().toInt()));
    const QList<ProbeResult> &newestFirst = m_results->results();
    m_latency->setResults(QList<ProbeResult>(newestFirst.crbegin(), newestFirst.crend()));
}

void EndpointDetailPane::chooseCustomRange()
{
    CustomRangeDialog dialog(m_history->view(), this);
    const int previous = m_lastRangeIndex;
    if (dialog.exec() == QDialog::Accepted)
        m_history->setView(dialog.range());
    // The box shows the last fixed span; the chart says what it shows.
    const QSignalBlocker blocker(m_range);
    m_range->setCurrentIndex(previous);
}

QString EndpointDetailPane::resolutionText() const
{
    return m_resolution->text();
}

void EndpointDetailPane::showResolution()
{
    const HistoryChartData &data = m_history->data();
    const QLocale locale;
    QString text
        = tr("%1 – %2 · %3 · %L4 points")
              .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(data.view.fromMs), QLocale::ShortFormat),
                   locale.toString(QDateTime::fromMSecsSinceEpoch(data.view.toMs), QLocale::ShortFormat),
                   data.resolution == HistoryResolution::Raw ? tr("every result")
                                                             : tr("per %1").arg(historyResolutionName(data.resolution)))
              .arg(data.pointCount());
    if (!data.downs.isEmpty())
        text += tr(" · %n outage(s)", nullptr, int(data.downs.size()));
    if (!data.gaps.isEmpty())
        text += tr(" · not running in %n gap(s)", nullptr, int(data.gaps.size()));
    m_resolution->setText(text);
}

void EndpointDetailPane::showCertificate(const CertificateInfo &certificate)
{
    showTab(m_certificateGroup, true);
    m_certSubject->setText(certificate.subject);
    m_certIssuer->setText(certificate.chainValid ? certificate.issuer : tr("%1 (not trusted)").arg(certificate.issuer));
    m_certExpiry->setText(QLocale().toString(certificate.notAfter.toLocalTime(), QLocale::LongFormat));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 days = DurationText::wholeDaysUntil(now, certificate.notAfter);
    const bool expired = certificate.notAfter < now;
    m_certDaysLeft->setText(DurationText::certificateExpiry(certificate.notAfter, now));
    const bool warn = expired || days <= m_endpoint.probe.certWarningDays;
    QPalette own = palette();
    if (warn)
        own.setColor(QPalette::WindowText,
                     StatusPalette::status(palette(), expired ? ProbeStatus::Down : ProbeStatus::Degraded));
    m_certDaysLeft->setPalette(own);
}

void EndpointDetailPane::showIcmp(const IcmpReport &report)
{
    QString text = tr("Last probe: %L1 % lost (%2 of %3 replies)")
                       .arg(report.lossRatio() * 100, 0, 'f', 0)
                       .arg(report.received)
                       .arg(report.sent);
    if (m_windowLossPercent)
        text += QLatin1Char('\n') + tr("Recent window: %L1 % lost").arg(*m_windowLossPercent, 0, 'f', 1);
    m_icmpLoss->setText(text);
}

QString EndpointDetailPane::certificateText() const
{
    if (!isTabShown(m_certificateGroup))
        return {};
    return tr("%1\n%2\n%3\n%4")
        .arg(m_certSubject->text(), m_certIssuer->text(), m_certExpiry->text(), m_certDaysLeft->text());
}
