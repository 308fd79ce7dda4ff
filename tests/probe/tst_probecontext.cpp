#include "probe/ProbeContext.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

class TestProbeContext : public QObject
{
    Q_OBJECT

private slots:
    void deadlineAbortsWithTimeout()
    {
        ProbeContext context(50ms);
        QSignalSpy aborted(&context, &ProbeContext::aborted);
        context.start();
        context.setPhase(ProbePhase::Connecting);
        QVERIFY(aborted.wait(2000));
        QCOMPARE(aborted.size(), 1);
        QCOMPARE(context.abortReason(), ErrorKind::Timeout);
        QVERIFY(context.elapsed() >= 50ms);
        const ProbeResult result = context.abortedResult();
        QCOMPARE(result.errorKind, ErrorKind::Timeout);
        QCOMPARE(result.errorMessage, QStringLiteral("no answer within 50 ms (timed out while connecting)"));
        QVERIFY(result.started.isValid());
        QVERIFY(result.latency >= 50ms);
    }

    void cancelAbortsOnceAndStopsTheDeadline()
    {
        ProbeContext context(100ms);
        QSignalSpy aborted(&context, &ProbeContext::aborted);
        context.start();
        context.cancel();
        context.cancel();
        QCOMPARE(aborted.size(), 1);
        QCOMPARE(aborted.first().first().value<ErrorKind>(), ErrorKind::Cancelled);
        QTest::qWait(200); // the deadline must not fire after a cancel
        QCOMPARE(aborted.size(), 1);
        QCOMPARE(context.abortedResult().errorKind, ErrorKind::Cancelled);
    }

    void nothingBeforeStart()
    {
        ProbeContext context(10ms);
        QSignalSpy aborted(&context, &ProbeContext::aborted);
        QTest::qWait(50);
        QCOMPARE(aborted.size(), 0); // time spent waiting for a slot is not the probe's
        QCOMPARE(context.elapsed(), 0us);
        QCOMPARE(context.remaining(), 10ms);
    }

    void phaseChangesAreSignalledOnce()
    {
        ProbeContext context(1s);
        QSignalSpy phases(&context, &ProbeContext::phaseChanged);
        context.setPhase(ProbePhase::Resolving);
        context.setPhase(ProbePhase::Resolving);
        context.setPhase(ProbePhase::Receiving);
        QCOMPARE(phases.size(), 2);
        QCOMPARE(context.phase(), ProbePhase::Receiving);
    }

    void errorKindNamesRoundTrip()
    {
        for (int i = int(ErrorKind::None); i <= int(ErrorKind::Cancelled); ++i) {
            const auto kind = ErrorKind(i);
            QCOMPARE(errorKindFromName(errorKindName(kind)), std::optional<ErrorKind>(kind));
        }
        QCOMPARE(errorKindName(ErrorKind::HttpStatus), QStringLiteral("http_status"));
        QCOMPARE(errorKindName(ErrorKind::BodyMismatch), QStringLiteral("body_mismatch"));
        QCOMPARE(errorKindName(ErrorKind::TooLarge), QStringLiteral("too_large"));
    }
};

QTEST_GUILESS_MAIN(TestProbeContext)
#include "tst_probecontext.moc"
