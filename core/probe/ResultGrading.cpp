#include "ResultGrading.h"

#include <QStringList>

#include <chrono>

void gradeResult(ProbeResult &result, const ProbeSpec &spec, const QDateTime &now)
{
    if (result.status == ProbeStatus::Down)
        return;

    QStringList reasons;
    const auto latencyMs = std::chrono::duration<double, std::milli>(result.latency).count();
    if (spec.degradedMs && latencyMs > *spec.degradedMs)
        reasons << QStringLiteral("slower than %1 ms (took %2 ms)").arg(*spec.degradedMs).arg(latencyMs, 0, 'f', 1);

    if (result.certificate && result.certificate->notAfter.isValid()) {
        const qint64 secondsLeft = now.secsTo(result.certificate->notAfter);
        if (secondsLeft < qint64(spec.certWarningDays) * 86400) {
            const qint64 daysLeft = secondsLeft / 86400;
            const QString date = result.certificate->notAfter.toUTC().toString(Qt::ISODate);
            reasons << (daysLeft >= 1 ? QStringLiteral("certificate expires in %1 days (%2)").arg(daysLeft).arg(date)
                                      : QStringLiteral("certificate expires within a day (%1)").arg(date));
        }
    }

    if (result.icmp && result.icmp->received > 0 && result.icmp->received < result.icmp->sent)
        reasons << QStringLiteral("lost %1 of %2 packets")
                       .arg(result.icmp->sent - result.icmp->received)
                       .arg(result.icmp->sent);

    result.status = reasons.isEmpty() ? ProbeStatus::Up : ProbeStatus::Degraded;
    result.degradedReason = reasons.join(QStringLiteral("; "));
}
