#pragma once

#include "endpoint/Endpoint.h"
#include "monitor/EndpointStatistics.h"
#include "probe/ProbeResult.h"

#include <QWidget>

class HistoryChartController;
class LatencyChart;
class PhaseChart;
class QComboBox;
class QGroupBox;
class QLabel;
class QTabWidget;
class QTableView;
class RecentResultsModel;

// Everything about the selected endpoint: latency over time, the phases of recent HTTP probes, the
// certificate, ICMP loss, the window's figures and the recent results with their errors.
//
// It keeps its own bounded list of recent results (RecentResultsModel); the latency chart reads
// any range, from 5 minutes to a year or custom, from the history (HistoryChartController).
class EndpointDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointDetailPane)

public:
    explicit EndpointDetailPane(QWidget *parent = nullptr);

    void setEndpoint(const Endpoint &endpoint); // forgets the results of the previous endpoint
    void addResult(const ProbeResult &result);
    void setStatistics(const EndpointStatistics &statistics);
    void clear();

    RecentResultsModel *resultsModel() const { return m_results; }
    LatencyChart *latencyChart() const { return m_latency; }
    // Reads the chart from a history once given a store (setStore); without one the chart shows
    // the results fed to the pane.
    HistoryChartController *historyChart() const { return m_history; }
    QComboBox *rangeBox() const { return m_range; }
    QString resolutionText() const;
    PhaseChart *phaseChart() const { return m_phases; }
    QString certificateText() const;
    QTabWidget *tabs() const { return m_tabs; }

private:
    QWidget *buildStatistics();
    QGroupBox *buildCertificate();
    void rangeChanged();
    void chooseCustomRange();
    void showResolution();
    void showCertificate(const CertificateInfo &certificate);
    void showIcmp(const IcmpReport &report);
    void showTab(QWidget *page, bool shown);
    bool isTabShown(QWidget *page) const;

    Endpoint m_endpoint;
    std::optional<double> m_windowLossPercent;

    QLabel *m_title;
    QLabel *m_target;
    QList<QLabel *> m_figures; // last, p50, p95, p99, jitter, uptime, failures
    QComboBox *m_range;
    LatencyChart *m_latency;
    HistoryChartController *m_history;
    QLabel *m_resolution;
    int m_lastRangeIndex = 0;
    QGroupBox *m_phasesGroup;
    PhaseChart *m_phases;
    QGroupBox *m_certificateGroup;
    QLabel *m_certSubject;
    QLabel *m_certIssuer;
    QLabel *m_certExpiry;
    QLabel *m_certDaysLeft;
    QGroupBox *m_icmpGroup;
    QLabel *m_icmpLoss;
    RecentResultsModel *m_results;
    QTableView *m_resultsView;
    QTabWidget *m_tabs; // latency, phases, results, certificate, packet loss: the kind's own shown
};
