#include "TrapGuard.h"

std::optional<QString> TrapGuard::admit(const QUrl &url, qsizetype encodedLength)
{
    if (m_limits.maxUrlLength > 0 && encodedLength > m_limits.maxUrlLength)
        return QStringLiteral("a trap, it seems: the URL is longer than %1 characters").arg(m_limits.maxUrlLength);

    const QString path = url.path(QUrl::FullyEncoded);
    const QList<QStringView> segments = QStringView(path).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (m_limits.maxSegmentRepeats > 0) {
        QHash<QStringView, int> seen;
        for (const QStringView segment : segments) {
            if (++seen[segment] > m_limits.maxSegmentRepeats)
                return QStringLiteral("a trap, it seems: the path repeats \"%1\" more than %2 times")
                    .arg(segment.toString())
                    .arg(m_limits.maxSegmentRepeats);
        }
    }

    // Checked before either is counted, so that a URL turned away takes no share of a budget.
    const QString prefix = segments.size() > 1 ? segments.first().toString() : QString();
    const bool limitPrefix = m_limits.prefixBudget > 0 && !prefix.isEmpty();
    if (limitPrefix && m_pagesUnderPrefix.value(prefix) >= m_limits.prefixBudget)
        return QStringLiteral("a trap, it seems: more than %1 pages under /%2/").arg(m_limits.prefixBudget).arg(prefix);
    const bool limitQuery = m_limits.maxQueryVariants > 0 && url.hasQuery();
    if (limitQuery && m_queriesOfPath.value(path) >= m_limits.maxQueryVariants)
        return QStringLiteral("a trap, it seems: more than %1 query strings for %2")
            .arg(m_limits.maxQueryVariants)
            .arg(path);

    if (limitPrefix)
        ++m_pagesUnderPrefix[prefix];
    if (limitQuery)
        ++m_queriesOfPath[path];
    return std::nullopt;
}
