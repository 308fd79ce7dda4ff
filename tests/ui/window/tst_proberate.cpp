#include "window/ProbeRate.h"

#include <QTest>

#include <algorithm>

class TestProbeRate : public QObject
{
    Q_OBJECT

private slots:
    // The case the status bar showed wrongly: 8 endpoints at 15 s, about 0.53 probes/s, read every
    // 500 ms. Each tick sees 0 or 1 probe; the old average of two ticks jumped between 0.1 and 1.1.
    void aSteadyLowRateReadsSteady()
    {
        ProbeRate rate;
        const double perSecond = 8.0 / 15.0;
        double lowest = 1e9;
        double highest = 0;
        for (qint64 ms = 0; ms <= 120000; ms += 500) {
            rate.add(ms, quint64(double(ms) / 1000.0 * perSecond)); // whole probes only, as the counter is
            if (ms >= 10000) { // once the window has filled
                lowest = std::min(lowest, rate.perSecond());
                highest = std::max(highest, rate.perSecond());
            }
        }
        QVERIFY2(lowest >= 0.45 && highest <= 0.62, qPrintable(QStringLiteral("%1 … %2").arg(lowest).arg(highest)));
    }

    void aHighRateIsExact()
    {
        ProbeRate rate;
        for (qint64 ms = 0; ms <= 20000; ms += 500)
            rate.add(ms, quint64(ms) * 10); // 10,000 probes/s
        QCOMPARE(rate.perSecond(), 10000.0);
    }

    void aRestartStartsTheWindowAgain()
    {
        ProbeRate rate;
        for (qint64 ms = 0; ms <= 20000; ms += 500)
            rate.add(ms, quint64(ms) / 10); // 100/s
        rate.add(20500, 0); // the monitor started again: its count restarts from 0
        QCOMPARE(rate.perSecond(), 0.0);
        rate.add(21000, 5);
        QCOMPARE(rate.perSecond(), 10.0);
    }

    void aStopReadsZeroOnceTheWindowHasPassed()
    {
        ProbeRate rate;
        for (qint64 ms = 0; ms <= 20000; ms += 500)
            rate.add(ms, quint64(ms) / 10);
        for (qint64 ms = 20500; ms <= 31000; ms += 500)
            rate.add(ms, 2000); // no probe finishes any more
        QCOMPARE(rate.perSecond(), 0.0);
    }

    void nothingYetIsZero()
    {
        ProbeRate rate;
        QCOMPARE(rate.perSecond(), 0.0);
        rate.add(0, 7);
        QCOMPARE(rate.perSecond(), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestProbeRate)
#include "tst_proberate.moc"
