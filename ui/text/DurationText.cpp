#include "DurationText.h"

QString DurationText::format(std::chrono::microseconds duration)
{
    const double ms = double(duration.count()) / 1000.0;
    if (ms < 10)
        return tr("%1 ms").arg(ms, 0, 'f', 2);
    if (ms < 1000)
        return tr("%1 ms").arg(ms, 0, 'f', 1);
    return tr("%1 s").arg(ms / 1000.0, 0, 'f', 2);
}

QString DurationText::daysLeft(qint64 days)
{
    if (days == 0)
        return tr("expires today");
    return days == 1 ? tr("1 day left") : tr("%L1 days left").arg(days);
}

QString DurationText::daysAgo(qint64 days)
{
    if (days == 0)
        return tr("expired today");
    return days == 1 ? tr("expired 1 day ago") : tr("expired %L1 days ago").arg(days);
}

qint64 DurationText::wholeDaysUntil(const QDateTime &now, const QDateTime &then)
{
    return now.secsTo(then) / 86400; // truncated toward zero: an hour past is 0 days ago, "expired today"
}

QString DurationText::certificateExpiry(const QDateTime &notAfter, const QDateTime &now)
{
    const qint64 days = wholeDaysUntil(now, notAfter);
    return notAfter < now ? daysAgo(-days) : daysLeft(days);
}
