#include "editor/PhaseWaterfall.h"

#include <QImage>
#include <QTest>

using namespace std::chrono_literals;

namespace {
// How many pixels of the bar colour the row's middle line has.
int barPixels(PhaseWaterfall &waterfall, int row)
{
    const QImage image = waterfall.grab().toImage();
    const int rowHeight = waterfall.fontMetrics().height() + 4;
    const int y = row * rowHeight + rowHeight / 2;
    const QRgb bar = waterfall.palette().color(QPalette::Highlight).rgb();
    int count = 0;
    for (int x = 0; x < image.width(); ++x)
        count += image.pixel(x, y) == bar ? 1 : 0;
    return count;
}
} // namespace

class TestPhaseWaterfall : public QObject
{
    Q_OBJECT

private slots:
    void aTimeoutsWaitIsDrawnAndSetsTheScale()
    {
        PhaseWaterfall waterfall;
        waterfall.resize(500, waterfall.sizeHint().height());
        PhaseTimings phases;
        phases.dns = 40us;
        phases.connect = 180us;
        waterfall.setPhases(phases, 5s, false);
        QCOMPARE(waterfall.summary(), QStringLiteral("DNS 0.04 ms, Connect 0.18 ms, No answer 5.00 s"));
        // Six rows now, and 0.18 ms of 5 s is the narrowest bar there is, not a fifth of the width.
        QCOMPARE(waterfall.sizeHint().height(), (waterfall.fontMetrics().height() + 4) * 6 - 4);
        waterfall.resize(500, waterfall.sizeHint().height());
        QVERIFY2(barPixels(waterfall, 1) <= 2, qPrintable(QString::number(barPixels(waterfall, 1))));

        // Without the whole time (or with phases that account for it) the phases fill the width.
        waterfall.setPhases(phases);
        QCOMPARE(waterfall.summary(), QStringLiteral("DNS 0.04 ms, Connect 0.18 ms"));
        waterfall.resize(500, waterfall.sizeHint().height());
        QVERIFY2(barPixels(waterfall, 1) > 200, qPrintable(QString::number(barPixels(waterfall, 1))));
    }

    void anAnswersSmallRemainderIsNotABar()
    {
        PhaseWaterfall waterfall;
        PhaseTimings phases;
        phases.dns = 1ms;
        phases.ttfb = 20ms;
        waterfall.setPhases(phases, 21500us, true); // 0.5 ms unaccounted: bookkeeping
        QCOMPARE(waterfall.summary(), QStringLiteral("DNS 1.00 ms, First byte 20.0 ms"));
        waterfall.setPhases(phases, 40ms, true); // 19 ms unaccounted (redirects, say)
        QCOMPARE(waterfall.summary(), QStringLiteral("DNS 1.00 ms, First byte 20.0 ms, Other 19.0 ms"));
    }
};

QTEST_MAIN(TestPhaseWaterfall)
#include "tst_phasewaterfall.moc"
