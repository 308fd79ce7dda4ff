#include "CoroTest.h"
#include "HistoryTestSupport.h"
#include "detail/EndpointDetailPane.h"
#include "detail/HistoryChartController.h"
#include "detail/HistoryChartData.h"
#include "detail/LatencyChart.h"
#include "history/HistoryOptions.h"
#include "history/SqliteHistoryStore.h"

#include <QAreaSeries>
#include <QComboBox>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace HistoryTest;
using namespace HistoryTest::Times;

// What the detail chart shows of a history: the resolution it picks for the range in view, at most
// about 2,000 points, gaps where Pingscope was not running, bands where the endpoint was down, and
// zoom and pan by wheel and keys.
namespace {
const QString key = QStringLiteral("shop");

// Run A: 40 to 10 days ago, a result every 30 minutes, up. Not running 10 to 3 days ago. Run B: 3
// days ago to an hour ago, a result a minute, down for 30 minutes from two days ago.
void record(SqliteHistoryStore &store)
{
    store.describe(
        {HistoryEndpoint{key, QStringLiteral("Shop"), QStringLiteral("https://shop.test/"), ProbeKind::Http}});
    store.beginRun(now - 40 * day);
    QList<ProbeResult> a;
    for (qint64 t = now - 40 * day; t < now - 10 * day; t += 30 * minute)
        a << result(t, ProbeStatus::Up, 20'000 + (t / minute) % 7 * 1000);
    store.append(entries(key, a, EndpointStatus::Up));
    store.endRun(now - 10 * day);
    store.beginRun(now - 3 * day);
    const qint64 downFrom = now - 2 * day;
    QList<HistoryEntry> b;
    for (qint64 t = now - 3 * day; t < now - hour; t += minute) {
        const bool down = t >= downFrom && t < downFrom + 30 * minute;
        b << HistoryEntry{key,
                          down ? result(t, ProbeStatus::Down, 0, ErrorKind::Timeout, QStringLiteral("no answer"))
                               : result(t, ProbeStatus::Up, 30'000),
                          down ? EndpointStatus::Down : EndpointStatus::Up};
    }
    store.append(b);
    store.endRun(now - hour);
    flush(store);
}

bool waitForRefresh(HistoryChartController &controller)
{
    QSignalSpy spy(&controller, &HistoryChartController::refreshed);
    return spy.wait(20'000);
}
} // namespace

class TestHistoryChart final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        HistoryOptions options;
        options.clock = [] { return now; };
        m_store = open(m_dir.filePath(QStringLiteral("chart.history")), options);
        QVERIFY(m_store);
        record(*m_store); // left in the journal: compacting 40 days here would cost 20 s of the test
    }

    void cleanupTestCase() { m_store.reset(); }

    void gapsBreakTheLineAndOutagesBecomeBands()
    {
        // Runs 0–100 s and 200–300 s; down 50–70 s; the view 0–400 s, now at 350 s.
        HistorySeries series;
        for (qint64 t : {10, 40, 80, 210, 250}) {
            HistoryPoint point;
            point.timeMs = t * 1000;
            point.status = ProbeStatus::Up;
            point.latencyUs = 5000;
            series.points << point;
        }
        HistoryPoint failed;
        failed.timeMs = 55'000;
        failed.status = ProbeStatus::Down;
        series.points.insert(2, failed);
        HistoryOutage outage;
        outage.startMs = 50'000;
        outage.endMs = 70'000;
        const auto data = HistoryChartData::build({0, 400'000}, series,
                                                  {{0, 100'000, false}, {200'000, 300'000, false}}, {outage}, 350'000);
        QCOMPARE(data.lines.size(), 2); // broken by the gap 100–200 s
        QCOMPARE(data.lines[0].size(), 3);
        QCOMPARE(data.lines[1].size(), 2);
        QCOMPARE(data.failures, QList<qreal>{55'000});
        QCOMPARE(data.gaps.size(), 2); // 100–200 s, and 300 s to now (350 s): not the future
        QCOMPARE(data.gaps[0].fromMs, 100'000);
        QCOMPARE(data.gaps[0].toMs, 200'000);
        QCOMPARE(data.gaps[1].fromMs, 300'000);
        QCOMPARE(data.gaps[1].toMs, 350'000);
        QCOMPARE(data.downs.size(), 1);
        QCOMPARE(data.downs[0].fromMs, 50'000);
        QCOMPARE(data.downs[0].toMs, 70'000);
    }

    void manyRawResultsAreThinnedKeepingTheSpikes()
    {
        HistorySeries series;
        for (int i = 0; i < 20'000; ++i) {
            HistoryPoint point;
            point.timeMs = i * 100;
            point.status = ProbeStatus::Up;
            point.latencyUs = i == 12'345 ? 900'000 : 1000;
            series.points << point;
        }
        const auto data = HistoryChartData::build({0, 2'000'000}, series, {{0, 2'000'000, false}}, {}, 2'000'000);
        QVERIFY2(data.pointCount() <= HistoryChartData::maximumPoints, qPrintable(QString::number(data.pointCount())));
        QVERIFY(data.pointCount() > 1000);
        double highest = 0;
        for (const QPointF &point : data.lines[0])
            highest = std::max(highest, point.y());
        QCOMPARE(highest, 900.0); // the one slow result is still drawn
    }

    void theResolutionFollowsTheRange_data()
    {
        QTest::addColumn<qint64>("span");
        QTest::addColumn<int>("resolution");
        QTest::newRow("1 h: every result") << hour << int(HistoryResolution::Raw);
        QTest::newRow("24 h: every result (1,440)") << day << int(HistoryResolution::Raw);
        QTest::newRow("7 d: hours") << 7 * day << int(HistoryResolution::Hour);
        QTest::newRow("30 d: hours") << 30 * day << int(HistoryResolution::Hour);
        QTest::newRow("1 y: days") << 365 * day << int(HistoryResolution::Day);
    }

    void theResolutionFollowsTheRange()
    {
        QFETCH(qint64, span);
        QFETCH(int, resolution);
        LatencyChart chart;
        HistoryChartController controller(&chart);
        controller.setClock([] { return now; });
        controller.setStore(m_store.get());
        controller.setEndpoint(key, minute);
        controller.setSpan(span);
        QVERIFY(waitForRefresh(controller));
        QCOMPARE(int(controller.resolution()), resolution);
        QVERIFY(controller.data().pointCount() <= HistoryChartData::maximumPoints);
        QVERIFY(controller.data().pointCount() > 0 || span == hour);
        QVERIFY(chart.showsHistory());
        // The last hour: the run ended an hour ago, so all of it is a gap.
        if (span == hour) {
            QCOMPARE(controller.data().gaps.size(), 1);
            QCOMPARE(controller.data().gaps[0].toMs, now);
        }
    }

    void thirtyDaysShowTheGapAndTheOutage()
    {
        LatencyChart chart;
        HistoryChartController controller(&chart);
        controller.setClock([] { return now; });
        controller.setStore(m_store.get());
        controller.setEndpoint(key, minute);
        controller.setSpan(30 * day);
        QVERIFY(waitForRefresh(controller));
        const HistoryChartData &data = controller.data();
        // Not running 10 to 3 days ago and in the last hour.
        QCOMPARE(data.gaps.size(), 2);
        QCOMPARE(data.gaps[0].fromMs, now - 10 * day);
        QCOMPARE(data.gaps[0].toMs, now - 3 * day);
        QCOMPARE(data.lines.size(), 2); // the line does not cross the gap
        QCOMPARE(data.downs.size(), 1);
        QCOMPARE(data.downs[0].fromMs, now - 2 * day);
        QCOMPARE(data.downs[0].toMs, now - 2 * day + 30 * minute);
        // What the chart holds: two line pieces, a step of four points per band.
        QCOMPARE(chart.latencyLines().size(), 2);
        QCOMPARE(chart.gapBands()->upperSeries()->count(), 8);
        QCOMPARE(chart.downBands()->upperSeries()->count(), 4);
        QVERIFY(chart.failureSeries()->count() >= 1);
    }

    void wheelAndKeysZoomAndPan()
    {
        LatencyChart chart;
        chart.resize(800, 300);
        chart.show();
        HistoryChartController controller(&chart);
        controller.setClock([] { return now; });
        controller.setStore(m_store.get());
        controller.setEndpoint(key, minute);
        controller.setSpan(7 * day);
        QVERIFY(waitForRefresh(controller));
        QCOMPARE(controller.resolution(), HistoryResolution::Hour);

        // Wheel forward over the middle: a narrower range, read again at a finer resolution.
        const QPoint middle = chart.rect().center();
        for (int i = 0; i < 8; ++i) {
            QWheelEvent wheel(middle, chart.mapToGlobal(middle), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(chart.viewport(), &wheel);
        }
        QVERIFY(waitForRefresh(controller));
        QVERIFY(controller.view().lengthMs() < 7 * day / 4);
        QVERIFY(!controller.isFollowing());
        QCOMPARE(controller.resolution(), HistoryResolution::Raw);

        // ← pans a quarter of the view back; Home follows now again.
        const HistoryRange before = controller.view();
        QTest::keyClick(&chart, Qt::Key_Left);
        QVERIFY(waitForRefresh(controller));
        QCOMPARE(controller.view().fromMs, before.fromMs - before.lengthMs() / 4);
        QTest::keyClick(&chart, Qt::Key_Minus);
        QVERIFY(waitForRefresh(controller));
        QVERIFY(controller.view().lengthMs() > before.lengthMs());
        QTest::keyClick(&chart, Qt::Key_Home);
        QVERIFY(waitForRefresh(controller));
        QVERIFY(controller.isFollowing());
        QCOMPARE(controller.view().toMs, now);

        // A drag to the right shows earlier times.
        const HistoryRange dragged = controller.view();
        QTest::mousePress(chart.viewport(), Qt::LeftButton, {}, middle);
        QTest::mouseMove(chart.viewport(), middle + QPoint(200, 0));
        QTest::mouseRelease(chart.viewport(), Qt::LeftButton, {}, middle + QPoint(200, 0));
        QVERIFY(waitForRefresh(controller));
        QVERIFY(controller.view().toMs < dragged.toMs);
        QCOMPARE(controller.view().lengthMs(), dragged.lengthMs());
    }

    void thePaneOffersFiveMinutesToAYear()
    {
        EndpointDetailPane pane;
        QStringList ranges;
        for (int i = 0; i < pane.rangeBox()->count(); ++i)
            ranges << pane.rangeBox()->itemText(i);
        QCOMPARE(ranges.first(), QStringLiteral("Last 5 minutes"));
        QVERIFY(ranges.contains(QStringLiteral("Last year")));
        QCOMPARE(ranges.last(), QStringLiteral("Custom…"));

        Endpoint endpoint;
        endpoint.id = key;
        endpoint.intervalS = 60;
        endpoint.probe.target = *Target::parse(QStringLiteral("https://shop.test/"));
        pane.historyChart()->setClock([] { return now; });
        pane.historyChart()->setStore(m_store.get());
        pane.setEndpoint(endpoint);
        pane.rangeBox()->setCurrentIndex(pane.rangeBox()->findText(QStringLiteral("Last 30 days")));
        QVERIFY(waitForRefresh(*pane.historyChart()));
        QCOMPARE(pane.historyChart()->resolution(), HistoryResolution::Hour);
        QVERIFY2(pane.resolutionText().contains(QStringLiteral("per hour")), qPrintable(pane.resolutionText()));
        QVERIFY(pane.resolutionText().contains(QStringLiteral("1 outage")));
        QVERIFY(pane.resolutionText().contains(QStringLiteral("2 gap")));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteHistoryStore> m_store;
};

QTEST_MAIN(TestHistoryChart)
#include "tst_historychart.moc"
