#include "probe/ResultGrading.h"

#include <QTest>

using namespace std::chrono_literals;

class TestResultGrading : public QObject
{
    Q_OBJECT

private slots:
    void fastIsUp()
    {
        ProbeSpec spec;
        spec.degradedMs = 800;
        ProbeResult result;
        result.status = ProbeStatus::Up;
        result.latency = 799ms;
        gradeResult(result, spec);
        QCOMPARE(result.status, ProbeStatus::Up);
        QVERIFY(result.degradedReason.isEmpty());
    }

    void slowIsDegraded()
    {
        ProbeSpec spec;
        spec.degradedMs = 800;
        ProbeResult result;
        result.status = ProbeStatus::Up;
        result.latency = 912345us;
        gradeResult(result, spec);
        QCOMPARE(result.status, ProbeStatus::Degraded);
        QCOMPARE(result.degradedReason, QStringLiteral("slower than 800 ms (took 912.3 ms)"));
    }

    void noThresholdMeansNeverSlow()
    {
        ProbeSpec spec;
        ProbeResult result;
        result.status = ProbeStatus::Up;
        result.latency = 60s;
        gradeResult(result, spec);
        QCOMPARE(result.status, ProbeStatus::Up);
    }

    void certificateInsideTheWarningIsDegraded()
    {
        const QDateTime now(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
        ProbeSpec spec; // warns 14 days ahead by default
        ProbeResult result;
        result.status = ProbeStatus::Up;
        result.certificate
            = CertificateInfo{now.addDays(3).addSecs(3600), QStringLiteral("CN=x"), QStringLiteral("CN=ca"), true};
        gradeResult(result, spec, now);
        QCOMPARE(result.status, ProbeStatus::Degraded);
        QCOMPARE(result.degradedReason, QStringLiteral("certificate expires in 3 days (2026-11-28T13:00:00Z)"));

        result.status = ProbeStatus::Up;
        result.certificate->notAfter = now.addDays(15);
        gradeResult(result, spec, now);
        QCOMPARE(result.status, ProbeStatus::Up);

        spec.certWarningDays = 30;
        gradeResult(result, spec, now);
        QCOMPARE(result.status, ProbeStatus::Degraded);
    }

    void partialLossIsDegradedAndReasonsAdd()
    {
        ProbeSpec spec;
        spec.degradedMs = 1;
        ProbeResult result;
        result.status = ProbeStatus::Up;
        result.latency = 2ms;
        result.icmp = IcmpReport{3, 2, {1ms, 3ms}};
        gradeResult(result, spec);
        QCOMPARE(result.status, ProbeStatus::Degraded);
        QCOMPARE(result.degradedReason, QStringLiteral("slower than 1 ms (took 2.0 ms); lost 1 of 3 packets"));
    }

    void downStaysDown()
    {
        ProbeSpec spec;
        spec.degradedMs = 1;
        ProbeResult result = ProbeResult::failure(ErrorKind::Refused, QStringLiteral("refused"));
        result.latency = 5ms;
        gradeResult(result, spec);
        QCOMPARE(result.status, ProbeStatus::Down);
        QVERIFY(result.degradedReason.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestResultGrading)
#include "tst_resultgrading.moc"
