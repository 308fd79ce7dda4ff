#include "net/NetContext.h"
#include "probe/ProbeResult.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

class TestNetContext : public QObject
{
    Q_OBJECT

private slots:
    void deadlineAbortsWithTimeout()
    {
        NetContext context(50ms);
        QSignalSpy aborted(&context, &NetContext::aborted);
        context.start();
        context.setPhase(NetPhase::Connecting);
        QVERIFY(aborted.wait(2000));
        QCOMPARE(aborted.size(), 1);
        QCOMPARE(context.abortReason(), ErrorKind::Timeout);
        QVERIFY(context.elapsed() >= 50ms);
        const NetError error = context.abortedError();
        QCOMPARE(error.kind, ErrorKind::Timeout);
        QCOMPARE(error.message, QStringLiteral("no answer within 50 ms (timed out while connecting)"));
        // A probe's result says the same, with when it started and how long it ran.
        const ProbeResult result = ProbeResult::aborted(context);
        QCOMPARE(result.errorKind, ErrorKind::Timeout);
        QCOMPARE(result.errorMessage, error.message);
        QVERIFY(result.started.isValid());
        QVERIFY(result.latency >= 50ms);
    }

    void cancelAbortsOnceAndStopsTheDeadline()
    {
        NetContext context(100ms);
        QSignalSpy aborted(&context, &NetContext::aborted);
        context.start();
        context.cancel();
        context.cancel();
        QCOMPARE(aborted.size(), 1);
        QCOMPARE(aborted.first().first().value<ErrorKind>(), ErrorKind::Cancelled);
        QTest::qWait(200); // the deadline must not fire after a cancel
        QCOMPARE(aborted.size(), 1);
        QCOMPARE(context.abortedError().kind, ErrorKind::Cancelled);
    }

    void nothingBeforeStart()
    {
        NetContext context(10ms);
        QSignalSpy aborted(&context, &NetContext::aborted);
        QTest::qWait(50);
        QCOMPARE(aborted.size(), 0); // time spent waiting for a slot is not the probe's
        QCOMPARE(context.elapsed(), 0us);
        QCOMPARE(context.remaining(), 10ms);
    }

    void phaseChangesAreSignalledOnce()
    {
        NetContext context(1s);
        QSignalSpy phases(&context, &NetContext::phaseChanged);
        context.setPhase(NetPhase::Resolving);
        context.setPhase(NetPhase::Resolving);
        context.setPhase(NetPhase::Receiving);
        QCOMPARE(phases.size(), 2);
        QCOMPARE(context.phase(), NetPhase::Receiving);
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

QTEST_GUILESS_MAIN(TestNetContext)
#include "tst_netcontext.moc"
