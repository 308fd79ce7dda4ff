#include "monitor/DurationHistogram.h"
#include "monitor/Percentile.h"
#include "monitor/StatisticsWindow.h"

#include <QTest>

using namespace std::chrono_literals;
using us = std::chrono::microseconds;

namespace {

ProbeResult upIn(std::chrono::microseconds latency)
{
    ProbeResult result;
    result.status = ProbeStatus::Up;
    result.latency = latency;
    return result;
}

ProbeResult failed()
{
    ProbeResult result = ProbeResult::failure(ErrorKind::Timeout, QStringLiteral("no answer"));
    result.latency = 5s; // a failure's time must never count as a latency
    return result;
}

ProbeResult icmp(int sent, int received)
{
    ProbeResult result = received > 0 ? upIn(1ms) : failed();
    result.icmp = IcmpReport{sent, received, {}};
    return result;
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT

private slots:
    void nearestRankPercentile_data()
    {
        QTest::addColumn<QList<int>>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<int>("expected");
        QList<int> hundred;
        for (int i = 1; i <= 100; ++i)
            hundred.append(i);
        // rank = ceil(p / 100 * n), 1-based
        QTest::newRow("p50 of 1..100") << hundred << 50.0 << 50;
        QTest::newRow("p95 of 1..100") << hundred << 95.0 << 95;
        QTest::newRow("p99 of 1..100") << hundred << 99.0 << 99;
        QTest::newRow("p0 is the minimum") << hundred << 0.0 << 1;
        QTest::newRow("p100 is the maximum") << hundred << 100.0 << 100;
        QTest::newRow("p95 of 10 values: rank ceil(9.5) = 10")
            << QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} << 95.0 << 10;
        QTest::newRow("p90 of 10 values: rank 9") << QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} << 90.0 << 9;
        QTest::newRow("p50 of 4: rank 2, no interpolation") << QList<int>{10, 20, 30, 40} << 50.0 << 20;
        QTest::newRow("p76 of 4: rank ceil(3.04) = 4") << QList<int>{10, 20, 30, 40} << 76.0 << 40;
        QTest::newRow("single value") << QList<int>{7} << 99.0 << 7;
    }

    void nearestRankPercentile()
    {
        QFETCH(QList<int>, values);
        QFETCH(double, p);
        QFETCH(int, expected);
        const std::vector<int> sorted(values.begin(), values.end());
        QCOMPARE(::nearestRankPercentile(sorted, p), expected);
    }

    void figuresAgainstHandComputedValues()
    {
        StatisticsWindow window;
        const auto t0 = EngineClock::now();
        window.add(upIn(10ms), EndpointStatus::Up, t0);
        window.add(upIn(30ms), EndpointStatus::Up, t0 + 1s);
        window.add(failed(), EndpointStatus::Up, t0 + 2s); // one failure: still up (failing)
        window.add(upIn(20ms), EndpointStatus::Up, t0 + 3s);
        window.add(upIn(50ms), EndpointStatus::Up, t0 + 4s);
        window.add(upIn(40ms), EndpointStatus::Up, t0 + 5s);

        const EndpointStatistics stats = window.compute(t0 + 5s);
        QCOMPARE(stats.results, 6);
        QCOMPARE(stats.failures, 1);
        QCOMPARE(stats.last, std::optional<us>(40ms));
        QCOMPARE(stats.min, std::optional<us>(10ms));
        QCOMPARE(stats.max, std::optional<us>(50ms));
        QCOMPARE(stats.mean, std::optional<us>(30ms)); // (10+30+20+50+40)/5
        // sorted 10 20 30 40 50: p50 rank ceil(2.5)=3 -> 30; p95 rank ceil(4.75)=5 -> 50; p99 -> 50
        QCOMPARE(stats.p50, std::optional<us>(30ms));
        QCOMPARE(stats.p95, std::optional<us>(50ms));
        QCOMPARE(stats.p99, std::optional<us>(50ms));
        // successive successes 10 30 20 50 40: |20|+|10|+|30|+|10| = 70 over 4 = 17.5 ms
        QCOMPARE(stats.jitter, std::optional<us>(17500us));
        QVERIFY(stats.failurePercent);
        QCOMPARE(*stats.failurePercent, 100.0 / 6.0);
        QCOMPARE(stats.uptimePercent, std::optional<double>(100.0));
        QVERIFY(!stats.icmpLossPercent); // no ICMP results
        QCOMPARE(stats.sparkline.size(), 6);
        QCOMPARE(stats.sparkline.at(0), std::optional<us>(10ms));
        QCOMPARE(stats.sparkline.at(2), std::optional<us>()); // the failure is a gap
        QCOMPARE(stats.sparkline.at(5), std::optional<us>(40ms));
    }

    void lastIsEmptyAfterAFailure()
    {
        StatisticsWindow window;
        const auto t0 = EngineClock::now();
        window.add(upIn(10ms), EndpointStatus::Up, t0);
        window.add(failed(), EndpointStatus::Up, t0 + 1s);
        const auto stats = window.compute(t0 + 1s);
        QVERIFY(!stats.last);
        QCOMPARE(stats.max, std::optional<us>(10ms));
        QVERIFY(!stats.jitter); // one success: no successive pair
    }

    void icmpLossAndUptime()
    {
        StatisticsWindow window;
        const auto t0 = EngineClock::now();
        window.add(icmp(3, 2), EndpointStatus::Up, t0);
        window.add(icmp(3, 3), EndpointStatus::Up, t0 + 1s);
        window.add(icmp(4, 0), EndpointStatus::Down, t0 + 2s);
        window.add(failed(), EndpointStatus::Down, t0 + 3s);
        window.add(upIn(1ms), EndpointStatus::Up, t0 + 4s);
        window.add(upIn(1ms), EndpointStatus::Offline, t0 + 5s); // says nothing about uptime
        const auto stats = window.compute(t0 + 5s);
        // lost (1 + 0 + 4) of sent (3 + 3 + 4)
        QCOMPARE(stats.icmpLossPercent, std::optional<double>(50.0));
        // up after 3 of the 5 results with a verdict
        QCOMPARE(stats.uptimePercent, std::optional<double>(60.0));
        QCOMPARE(*stats.failurePercent, 200.0 / 6.0);
    }

    void windowKeepsTheLastThousand()
    {
        StatisticsWindow window;
        const auto t0 = EngineClock::now();
        for (int i = 1; i <= 1500; ++i)
            window.add(upIn(us(i)), EndpointStatus::Up, t0 + i * 1ms);
        QCOMPARE(window.size(), StatisticsWindow::maxResults);
        const auto stats = window.compute(t0 + 1500ms);
        QCOMPARE(stats.results, 1000);
        QCOMPARE(stats.min, std::optional<us>(501us));
        QCOMPARE(stats.max, std::optional<us>(1500us));
        QCOMPARE(stats.sparkline.size(), StatisticsWindow::sparklineLength);
        QCOMPARE(stats.sparkline.first(), std::optional<us>(1441us));
    }

    void windowKeepsTheLastHour()
    {
        StatisticsWindow window;
        const auto t0 = EngineClock::now();
        window.add(upIn(1ms), EndpointStatus::Up, t0);
        window.add(upIn(2ms), EndpointStatus::Up, t0 + 30min);
        window.add(upIn(3ms), EndpointStatus::Up, t0 + 61min);
        QCOMPARE(window.size(), 2); // the first was dropped when the third came
        QCOMPARE(window.compute(t0 + 61min).min, std::optional<us>(2ms));
        // Nothing added for a while: old results leave the figures even without a new one.
        const auto later = window.compute(t0 + 95min);
        QCOMPARE(later.results, 1);
        QCOMPARE(later.min, std::optional<us>(3ms));
        QCOMPARE(window.compute(t0 + 200min).results, 0);
    }

    void durationHistogram()
    {
        DurationHistogram histogram;
        QCOMPARE(histogram.percentile(50), 0us);
        histogram.record(5us);
        histogram.record(10us);
        histogram.record(-3us); // a probe started a hair early counts as on time
        QCOMPARE(histogram.count(), quint64(3));
        QCOMPARE(histogram.percentile(0), 0us);
        QCOMPARE(histogram.percentile(50), 5us); // small values are exact
        QCOMPARE(histogram.percentile(100), 10us);

        histogram.clear();
        for (int ms = 1; ms <= 1000; ++ms)
            histogram.record(std::chrono::milliseconds(ms));
        const auto within = [](us measured, us exact) {
            return std::abs(double(measured.count() - exact.count())) <= exact.count() / 64.0 + 1;
        };
        QVERIFY2(within(histogram.percentile(50), 500ms),
                 qPrintable(QString::number(histogram.percentile(50).count())));
        QVERIFY2(within(histogram.percentile(99), 990ms),
                 qPrintable(QString::number(histogram.percentile(99).count())));
        QCOMPARE(histogram.percentile(100), 1000ms);
        QCOMPARE(histogram.max(), 1000ms);
        QCOMPARE(histogram.sum(), 500500ms);
        // Cumulative counts for Prometheus buckets: within one bucket (1/64) of the exact count.
        QVERIFY2(std::abs(double(histogram.countAtOrBelow(500ms)) - 500.0) <= 500.0 / 64 + 1,
                 qPrintable(QString::number(histogram.countAtOrBelow(500ms))));
        QCOMPARE(histogram.countAtOrBelow(1000ms), quint64(1000));
        QCOMPARE(histogram.countAtOrBelow(-1us), quint64(0));
        QCOMPARE(histogram.countAtOrBelow(0us), quint64(0));
        static_assert(sizeof(DurationHistogram) < 16 * 1024, "bounded memory whatever the run time");
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
