#include "StatusCodeSet.h"

#include <QStringList>

StatusCodeSet::StatusCodeSet() : m_ranges{{200, 399}} { }

std::optional<StatusCodeSet> StatusCodeSet::parse(const QString &text, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<StatusCodeSet> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    StatusCodeSet set;
    set.m_ranges.clear();
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return fail(QStringLiteral("no status codes given (write e.g. \"200-299,301\")"));
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        const QStringList bounds = part.split(QLatin1Char('-'));
        bool okLow = false;
        bool okHigh = false;
        const int low = bounds.value(0).trimmed().toInt(&okLow);
        const int high = bounds.size() == 2 ? bounds.value(1).trimmed().toInt(&okHigh) : low;
        if (bounds.size() == 1)
            okHigh = okLow;
        if (bounds.size() > 2 || !okLow || !okHigh || low < 100 || high > 599 || low > high)
            return fail(QStringLiteral("\"%1\" is not a status code or range from 100 to 599").arg(part));
        set.m_ranges.append({low, high});
    }
    return set;
}

bool StatusCodeSet::contains(int status) const
{
    for (const auto &[low, high] : m_ranges) {
        if (status >= low && status <= high)
            return true;
    }
    return false;
}

QString StatusCodeSet::toString() const
{
    QStringList parts;
    for (const auto &[low, high] : m_ranges)
        parts << (low == high ? QString::number(low) : QStringLiteral("%1-%2").arg(low).arg(high));
    return parts.join(QLatin1Char(','));
}
