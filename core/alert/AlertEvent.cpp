#include "AlertEvent.h"

QString AlertEvent::durationText(qint64 seconds)
{
    seconds = std::max<qint64>(seconds, 0);
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    const qint64 rest = seconds % 60;
    if (days > 0)
        return hours > 0 ? QStringLiteral("%1 d %2 h").arg(days).arg(hours) : QStringLiteral("%1 d").arg(days);
    if (hours > 0)
        return minutes > 0 ? QStringLiteral("%1 h %2 min").arg(hours).arg(minutes) : QStringLiteral("%1 h").arg(hours);
    if (minutes > 0)
        return rest > 0 ? QStringLiteral("%1 min %2 s").arg(minutes).arg(rest) : QStringLiteral("%1 min").arg(minutes);
    return QStringLiteral("%1 s").arg(rest);
}

QString AlertEvent::headline() const
{
    const QString &name = endpoint.name;
    switch (kind) {
    case AlertEventKind::Down:
        return QStringLiteral("%1 is down").arg(name);
    case AlertEventKind::Recovered: {
        QString text = status == EndpointStatus::Degraded ? QStringLiteral("%1 answers again, degraded").arg(name)
                                                          : QStringLiteral("%1 is up again").arg(name);
        if (durationS)
            text += QStringLiteral(" after %1").arg(durationText(*durationS));
        return text;
    }
    case AlertEventKind::Degraded:
        return QStringLiteral("%1 is degraded").arg(name);
    case AlertEventKind::StillDown:
        return durationS ? QStringLiteral("%1 is still down, for %2").arg(name, durationText(*durationS))
                         : QStringLiteral("%1 is still down").arg(name);
    case AlertEventKind::Certificate: {
        const qint64 days = time.isValid() && certificateExpiry.isValid() ? time.secsTo(certificateExpiry) / 86400 : 0;
        if (days < 0)
            return QStringLiteral("The certificate of %1 has expired").arg(name);
        return days == 1 ? QStringLiteral("The certificate of %1 expires in 1 day").arg(name)
                         : QStringLiteral("The certificate of %1 expires in %2 days").arg(name).arg(days);
    }
    case AlertEventKind::Test:
        return QStringLiteral("Test message from Pingscope");
    }
    return name;
}

QString AlertEvent::line() const
{
    QString text = headline();
    if (kind == AlertEventKind::Certificate && certificateExpiry.isValid())
        text += QStringLiteral(" (on %1)").arg(certificateExpiry.toString(Qt::ISODate));
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    return text;
}
