#include "UrlNormalizer.h"

QStringList UrlNormalizer::defaultTrackingParameters()
{
    // Analytics and ad-click identifiers that name no different resource: Google (utm_*, gclid, _ga,
    // _gl…), Meta, Microsoft, Mailchimp, HubSpot, Marketo, Yandex, Instagram, Twitter, LinkedIn.
    return {QStringLiteral("utm_*"),  QStringLiteral("gclid"),   QStringLiteral("gclsrc"),   QStringLiteral("dclid"),
            QStringLiteral("gbraid"), QStringLiteral("wbraid"),  QStringLiteral("_ga"),      QStringLiteral("_gl"),
            QStringLiteral("fbclid"), QStringLiteral("msclkid"), QStringLiteral("mc_cid"),   QStringLiteral("mc_eid"),
            QStringLiteral("_hsenc"), QStringLiteral("_hsmi"),   QStringLiteral("mkt_tok"),  QStringLiteral("yclid"),
            QStringLiteral("igshid"), QStringLiteral("twclid"),  QStringLiteral("li_fat_id")};
}

UrlNormalizer::UrlNormalizer(const QStringList &trackingParameters) : m_parameters(trackingParameters)
{
    for (const QString &parameter : trackingParameters) {
        const QString name = parameter.trimmed().toLower();
        if (name.isEmpty())
            continue;
        if (name.endsWith(QLatin1Char('*')))
            m_prefixes.append(name.chopped(1));
        else
            m_exact.append(name);
    }
}

bool UrlNormalizer::isTrackingParameter(QStringView name) const
{
    for (const QString &exact : m_exact) {
        if (name.compare(exact, Qt::CaseInsensitive) == 0)
            return true;
    }
    for (const QString &prefix : m_prefixes) {
        if (name.startsWith(prefix, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString UrlNormalizer::withoutTracking(const QString &encodedQuery) const
{
    if (m_exact.isEmpty() && m_prefixes.isEmpty())
        return encodedQuery;
    QString kept;
    bool dropped = false;
    for (const QStringView item : QStringView(encodedQuery).split(QLatin1Char('&'))) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        const QStringView name = equals < 0 ? item : item.left(equals);
        if (!name.isEmpty() && isTrackingParameter(name)) {
            dropped = true;
            continue;
        }
        if (!kept.isEmpty())
            kept += QLatin1Char('&');
        kept += item;
    }
    return dropped ? kept : encodedQuery;
}

QUrl UrlNormalizer::normalized(const QUrl &url) const
{
    if (!url.isValid() || url.isRelative())
        return {};
    const QString scheme = url.scheme(); // QUrl keeps schemes in lower case
    const bool https = scheme == QLatin1String("https");
    if (!https && scheme != QLatin1String("http"))
        return {};
    if (url.host().isEmpty())
        return {};

    // An absolute reference resolved against itself comes back with its dot segments removed
    // (RFC 3986, 5.2); QUrl::NormalizePathSegments leaves "/a//c" behind for "/a/./b/../c".
    QUrl result = url.resolved(url);
    result.setFragment(QString());
    if (result.port() == (https ? 443 : 80))
        result.setPort(-1);
    if (result.path().isEmpty())
        result.setPath(QStringLiteral("/"));
    if (result.hasQuery()) {
        const QString query = withoutTracking(result.query(QUrl::FullyEncoded));
        result.setQuery(query.isEmpty() ? QString() : query);
    }
    return result;
}
