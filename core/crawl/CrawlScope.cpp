#include "CrawlScope.h"

namespace {

std::optional<QList<QRegularExpression>> compile(const QStringList &patterns, const char *option, QString *error)
{
    QList<QRegularExpression> compiled;
    for (const QString &pattern : patterns) {
        QRegularExpression expression(pattern);
        if (!expression.isValid()) {
            if (error)
                *error = QStringLiteral("the %1 pattern \"%2\" is not a valid regular expression: %3")
                             .arg(QLatin1String(option), pattern, expression.errorString());
            return std::nullopt;
        }
        expression.optimize();
        compiled.append(expression);
    }
    return compiled;
}

} // namespace

std::optional<CrawlScope> CrawlScope::make(const QList<QUrl> &starts, const QStringList &include,
                                           const QStringList &exclude, QString *error)
{
    CrawlScope scope;
    const auto included = compile(include, "--include", error);
    const auto excluded = compile(exclude, "--exclude", error);
    if (!included || !excluded)
        return std::nullopt;
    scope.m_include = *included;
    scope.m_exclude = *excluded;
    for (const QUrl &start : starts)
        scope.m_sites.append(siteOf(start));
    return scope;
}

CrawlScope::Site CrawlScope::siteOf(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    const int port = url.port(defaultPort);
    return Site{url.host().toLower(), port == defaultPort ? -1 : port};
}

bool CrawlScope::isInternal(const QUrl &url) const
{
    if (!m_include.isEmpty()) {
        const QString text = QString::fromLatin1(url.toEncoded());
        for (const QRegularExpression &pattern : m_include) {
            if (pattern.match(text).hasMatch())
                return true;
        }
        return false;
    }
    const Site site = siteOf(url);
    for (const Site &start : m_sites) {
        if (start.host == site.host && start.port == site.port)
            return true;
    }
    return false;
}

std::optional<QString> CrawlScope::exclusion(const QString &url) const
{
    for (const QRegularExpression &pattern : m_exclude) {
        if (pattern.match(url).hasMatch())
            return pattern.pattern();
    }
    return std::nullopt;
}
