#include "detail/EndpointDetailPane.h"
#include "detail/LatencyChart.h"
#include "detail/PhaseChart.h"
#include "detail/RecentResultsModel.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTest>

using namespace std::chrono_literals;

namespace {
Endpoint httpEndpoint()
{
    Endpoint endpoint;
    endpoint.name = QStringLiteral("Shop");
    endpoint.probe.target = *Target::parse(QStringLiteral("https://shop.example.org/health"));
    endpoint.probe.certWarningDays = 14;
    return endpoint;
}

ProbeResult result(const QDateTime &started, bool up, std::chrono::microseconds latency = 12ms)
{
    ProbeResult r;
    r.status = up ? ProbeStatus::Up : ProbeStatus::Down;
    r.started = started;
    r.latency = latency;
    if (up) {
        r.httpStatus = 200;
        r.phases.dns = 1ms;
        r.phases.connect = 2ms;
        r.phases.tls = 4ms;
        r.phases.ttfb = 3ms;
        r.phases.transfer = 2ms;
    } else {
        r.errorKind = ErrorKind::Timeout;
        r.errorMessage = QStringLiteral("no answer within 5 s");
    }
    return r;
}

QString labelText(const QWidget &parent, const char *name)
{
    const auto *label = parent.findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}
} // namespace

class TestDetailPane : public QObject
{
    Q_OBJECT

private slots:
    void historyStaysBoundedByCount()
    {
        EndpointDetailPane pane;
        pane.setEndpoint(httpEndpoint());
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-600);
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 5000; ++i)
            pane.addResult(result(start.addMSecs(i * 100), i % 10 != 0));
        // Generous: a few thousand appends must not rebuild the chart each time.
        QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(pane.resultsModel()->rowCount(), RecentResultsModel::maximumResults);
        pane.latencyChart()->flush();
        const int points
            = pane.latencyChart()->latencySeries()->count() + pane.latencyChart()->failureSeries()->count();
        QVERIFY2(points <= LatencyChart::maximumPoints * 2, qPrintable(QString::number(points)));
        // The newest is first.
        QCOMPARE(pane.resultsModel()->results().first().started, start.addMSecs(4999 * 100));
        QCOMPARE(pane.phaseChart()->barCount(), PhaseChart::maximumBars);
    }

    void historyStaysBoundedByAgeAndTheChartByRange()
    {
        EndpointDetailPane pane;
        pane.setEndpoint(httpEndpoint());
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-50000);
        for (int i = 0; i < 5000; ++i)
            pane.addResult(result(start.addSecs(i * 10), true));
        // One hour at one result per 10 s.
        QVERIFY2(pane.resultsModel()->rowCount() <= 362 && pane.resultsModel()->rowCount() >= 360,
                 qPrintable(QString::number(pane.resultsModel()->rowCount())));
        // The default range is 5 minutes: 31 points at most.
        pane.latencyChart()->flush();
        QVERIFY2(pane.latencyChart()->latencySeries()->count() <= 31,
                 qPrintable(QString::number(pane.latencyChart()->latencySeries()->count())));

        // A longer range is redrawn from the kept history.
        auto *range = pane.findChild<QComboBox *>(QStringLiteral("range"));
        QVERIFY(range);
        range->setCurrentIndex(1);
        QCOMPARE(pane.latencyChart()->range(), std::chrono::seconds(3600));
        QVERIFY(pane.latencyChart()->latencySeries()->count() >= 360);
    }

    void resultsModelPassesTheTesterWhileTrimming()
    {
        // Small on purpose: the tester checks every row on every change.
        RecentResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-20 * 600);
        for (int i = 0; i < 20; ++i)
            model.add(result(start.addSecs(i * 600), i % 3 != 0));
        QCOMPARE(model.rowCount(), 7); // the newest and the six before it, within the hour
        QCOMPARE(model.results().last().started, start.addSecs(13 * 600));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void failuresAreMarkedApart()
    {
        EndpointDetailPane pane;
        pane.setEndpoint(httpEndpoint());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        pane.addResult(result(now.addSecs(-3), true, 20ms));
        pane.addResult(result(now.addSecs(-2), false));
        pane.addResult(result(now.addSecs(-1), true, 30ms));
        // Points reach the series in batches, within 200 ms.
        QTRY_COMPARE_WITH_TIMEOUT(pane.latencyChart()->latencySeries()->count(), 2, 2000);
        QCOMPARE(pane.latencyChart()->failureSeries()->count(), 1);
        QCOMPARE(pane.latencyChart()->latencySeries()->at(1).y(), 30.0);
        const QModelIndex error = pane.resultsModel()->index(1, RecentResultsModel::ErrorColumn);
        QVERIFY2(error.data().toString().contains(QStringLiteral("no answer within 5 s")),
                 qPrintable(error.data().toString()));
        QCOMPARE(pane.resultsModel()->index(1, RecentResultsModel::StatusColumn).data().toString(),
                 QStringLiteral("down"));
    }

    void emptyChartsSaySoInsteadOfDrawingBareAxes()
    {
        EndpointDetailPane pane;
        pane.setEndpoint(httpEndpoint());
        LatencyChart &latency = *pane.latencyChart();
        PhaseChart &phases = *pane.phaseChart();
        QCOMPARE(latency.placeholderText(), QStringLiteral("No data yet"));
        QCOMPARE(phases.placeholderText(), QStringLiteral("No phase timings yet"));

        const QDateTime now = QDateTime::currentDateTimeUtc();
        pane.addResult(result(now.addSecs(-1), false)); // a failure is something to draw; it has no phases
        QTRY_COMPARE_WITH_TIMEOUT(latency.placeholderText(), QString(), 2000);
        pane.addResult(result(now, true));
        QTRY_COMPARE_WITH_TIMEOUT(phases.placeholderText(), QString(), 2000);

        latency.clear();
        phases.clear();
        QCOMPARE(latency.placeholderText(), QStringLiteral("No data yet"));
        QCOMPARE(phases.placeholderText(), QStringLiteral("No phase timings yet"));
        HistoryChartData nothing;
        nothing.view = {now.addSecs(-3600).toMSecsSinceEpoch(), now.toMSecsSinceEpoch()};
        latency.showHistory(nothing);
        QCOMPARE(latency.placeholderText(), QStringLiteral("No results in this range"));
        // The words are painted in the middle of the plot area, which a failure mark (along the top)
        // leaves as it was: the middle of the chart with the words differs from it without them.
        latency.resize(400, 240);
        const auto middle = [&latency] {
            const QRectF plot = latency.chart()->plotArea();
            return latency.grab(QRect(int(plot.center().x()) - 60, int(plot.center().y()) - 8, 120, 16)).toImage();
        };
        const QImage withWords = middle();
        HistoryChartData one = nothing;
        one.failures = {qreal(now.addSecs(-60).toMSecsSinceEpoch())};
        latency.showHistory(one);
        QCOMPARE(latency.placeholderText(), QString());
        QVERIFY(middle() != withWords);
    }

    void eachPartHasATabAndOnlyTheKindsOwnAreShown()
    {
        EndpointDetailPane pane;
        QTabWidget &tabs = *pane.tabs();
        const auto shown = [&tabs] {
            QStringList names;
            for (int i = 0; i < tabs.count(); ++i) {
                if (tabs.isTabVisible(i))
                    names << tabs.tabText(i);
            }
            return names;
        };
        pane.setEndpoint(httpEndpoint());
        QCOMPARE(shown(),
                 (QStringList{QStringLiteral("Latency"), QStringLiteral("Phases"), QStringLiteral("Results")}));
        ProbeResult r = result(QDateTime::currentDateTimeUtc(), true);
        r.certificate = CertificateInfo{QDateTime::currentDateTimeUtc().addDays(30), QStringLiteral("CN=shop"),
                                        QStringLiteral("CN=CA"), true};
        pane.addResult(r); // a certificate seen: its tab joins
        QCOMPARE(shown().last(), QStringLiteral("Certificate"));

        Endpoint ping;
        ping.probe.target = *Target::parse(QStringLiteral("icmp://127.0.0.1"));
        pane.setEndpoint(ping);
        QCOMPARE(shown(),
                 (QStringList{QStringLiteral("Latency"), QStringLiteral("Results"), QStringLiteral("Packet loss")}));
        Endpoint port;
        port.probe.target = *Target::parse(QStringLiteral("tcp://127.0.0.1:9"));
        pane.setEndpoint(port);
        QCOMPARE(shown(), (QStringList{QStringLiteral("Latency"), QStringLiteral("Results")}));
    }

    void aSingleSampleIsDrawn()
    {
        EndpointDetailPane pane;
        pane.setEndpoint(httpEndpoint());
        QLineSeries &line = *pane.latencyChart()->latencySeries();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        pane.addResult(result(now, true));
        QTRY_COMPARE_WITH_TIMEOUT(line.count(), 1, 2000);
        QVERIFY(line.pointsVisible()); // a line through one point alone draws nothing
        for (int i = 1; i <= LatencyChart::sparsePoints; ++i)
            pane.addResult(result(now.addMSecs(i * 100), true));
        QTRY_COMPARE_WITH_TIMEOUT(qsizetype(line.count()), LatencyChart::sparsePoints + 1, 2000);
        QVERIFY(!line.pointsVisible()); // many: a line
    }

    void timeLabelsAreAsManyAsFitWhole()
    {
        LatencyChart chart;
        auto *time = qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).first());
        QVERIFY(time);
        chart.resize(900, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QTRY_COMPARE(time->tickCount(), 5);
        chart.resize(260, 300); // a third of a 1024 px window, less the table
        QTRY_VERIFY2(time->tickCount() < 5, qPrintable(QString::number(time->tickCount())));
        const int labelWidth = chart.fontMetrics().horizontalAdvance(QStringLiteral("00:00:00"));
        QVERIFY(chart.chart()->plotArea().width() / (time->tickCount() - 1) >= labelWidth);
    }

    void phasesChartHasOneBarSetPerPhase()
    {
        EndpointDetailPane pane;
        pane.setEndpoint(httpEndpoint());
        const QList<QBarSet *> sets = pane.phaseChart()->series()->barSets();
        QCOMPARE(sets.size(), 5);
        QStringList labels;
        for (const QBarSet *set : sets)
            labels << set->label();
        QCOMPARE(labels,
                 QStringList({QStringLiteral("DNS"), QStringLiteral("Connect"), QStringLiteral("TLS"),
                              QStringLiteral("First byte"), QStringLiteral("Transfer")}));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        pane.addResult(result(now, true));
        pane.addResult(result(now.addSecs(1), false)); // no phases: no bar
        QCOMPARE(pane.phaseChart()->barCount(), 1);
        QCOMPARE(sets.at(2)->at(0), 4.0); // tls, in ms
        QCOMPARE(sets.at(3)->at(0), 3.0); // ttfb
    }

    void certificateShowsDaysLeft()
    {
        EndpointDetailPane pane;
        pane.setEndpoint(httpEndpoint());
        QVERIFY(pane.certificateText().isEmpty());
        ProbeResult r = result(QDateTime::currentDateTimeUtc(), true);
        r.certificate = CertificateInfo{QDateTime::currentDateTimeUtc().addDays(10).addSecs(3600),
                                        QStringLiteral("CN=shop.example.org"), QStringLiteral("CN=Example CA"), true};
        pane.addResult(r);
        QCOMPARE(labelText(pane, "certDaysLeft"), QStringLiteral("10 days left"));
        // Whole days of 24 hours at any time of day (counting midnights said 11 here after 23:00).
        r.certificate->notAfter = QDateTime::currentDateTimeUtc().addDays(10).addSecs(-3600);
        pane.addResult(r);
        QCOMPARE(labelText(pane, "certDaysLeft"), QStringLiteral("9 days left"));
        r.certificate->notAfter = QDateTime::currentDateTimeUtc().addDays(10).addSecs(3600);
        QVERIFY(pane.certificateText().contains(QStringLiteral("CN=shop.example.org")));
        QVERIFY(pane.certificateText().contains(QStringLiteral("CN=Example CA")));

        r.certificate->notAfter = QDateTime::currentDateTimeUtc().addDays(-3).addSecs(-60);
        pane.addResult(r);
        QVERIFY2(labelText(pane, "certDaysLeft").contains(QStringLiteral("expired 3 days ago")),
                 qPrintable(labelText(pane, "certDaysLeft")));
    }

    void statisticsAndIcmpLoss()
    {
        EndpointDetailPane pane;
        Endpoint ping;
        ping.probe.target = *Target::parse(QStringLiteral("router.lan"));
        pane.setEndpoint(ping);
        EndpointStatistics stats;
        stats.results = 40;
        stats.failures = 2;
        stats.p50 = 1500us;
        stats.p95 = 12ms;
        stats.p99 = 120ms;
        stats.jitter = 300us;
        stats.uptimePercent = 99.5;
        stats.icmpLossPercent = 5;
        pane.setStatistics(stats);
        QCOMPARE(labelText(pane, "figureP50"), QStringLiteral("1.50 ms"));
        QCOMPARE(labelText(pane, "figureP95"), QStringLiteral("12.0 ms"));
        QCOMPARE(labelText(pane, "figureP99"), QStringLiteral("120.0 ms"));
        QCOMPARE(labelText(pane, "figureJitter"), QStringLiteral("0.30 ms"));
        QVERIFY(labelText(pane, "figureUptime").startsWith(QStringLiteral("99.50")));
        QCOMPARE(labelText(pane, "figureFailures"), QStringLiteral("2 of 40"));
        QCOMPARE(labelText(pane, "figureLast"), QStringLiteral("–"));

        ProbeResult r = result(QDateTime::currentDateTimeUtc(), true);
        r.icmp = IcmpReport{3, 2, {1ms, 2ms}};
        pane.addResult(r);
        const QString loss = labelText(pane, "icmpLoss");
        QVERIFY2(loss.contains(QStringLiteral("33")) && loss.contains(QStringLiteral("2 of 3")), qPrintable(loss));
        QVERIFY2(loss.contains(QStringLiteral("5.0")), qPrintable(loss));
    }

    // The line under the chart wraps in a narrow pane and keeps below the chart, as tall as its lines.
    void theRangeLineWrapsBelowTheChart()
    {
        EndpointDetailPane pane;
        pane.setEndpoint(httpEndpoint());
        pane.resize(380, 900);
        pane.show();
        auto *line = pane.findChild<QLabel *>(QStringLiteral("chartResolution"));
        QVERIFY(line);
        line->setText(QStringLiteral("1 Dec 2026 20:58:28 – 1 Dec 2026 21:03:28 · every result · 4 points · "
                                     "not running in 1 gap(s)"));
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QCoreApplication::processEvents();
        const QWidget *chart = pane.latencyChart();
        QCOMPARE(line->parentWidget(), chart->parentWidget());
        QVERIFY2(
            line->geometry().top() >= chart->geometry().bottom(),
            qPrintable(QStringLiteral("line at %1, chart ends at %2").arg(line->y()).arg(chart->geometry().bottom())));
        QVERIFY2(line->height() >= line->heightForWidth(line->width()),
                 qPrintable(QStringLiteral("%1 px for %2 px of text")
                                .arg(line->height())
                                .arg(line->heightForWidth(line->width()))));
        QVERIFY(line->heightForWidth(line->width()) > line->fontMetrics().height()); // it did wrap
    }

    void clearAndNewEndpointForgetTheOld()
    {
        EndpointDetailPane pane;
        pane.setEndpoint(httpEndpoint());
        pane.addResult(result(QDateTime::currentDateTimeUtc(), true));
        QCOMPARE(pane.resultsModel()->rowCount(), 1);
        Endpoint other;
        other.probe.target = *Target::parse(QStringLiteral("db.lan:5432"));
        pane.setEndpoint(other);
        QCOMPARE(pane.resultsModel()->rowCount(), 0);
        QCOMPARE(pane.latencyChart()->latencySeries()->count(), 0);
        QCOMPARE(pane.phaseChart()->barCount(), 0);
        QCOMPARE(labelText(pane, "detailTitle"), QStringLiteral("tcp://db.lan:5432"));
    }
};

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
