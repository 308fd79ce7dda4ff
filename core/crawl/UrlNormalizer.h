#pragma once

#include <QByteArray>
#include <QStringList>
#include <QUrl>

// The one form of a URL the crawler fetches, compares and reports, so that links which name the
// same resource are fetched once: the scheme and host in lower case, no default port, no dot
// segments, "/" for an empty path, no fragment and no tracking parameters (utm_source, fbclid…).
//
// The tracking parameters are an editable list of names, compared without case; a name ending in
// '*' is a prefix ("utm_*"). Copyable and immutable, so page scans on worker threads use it too.
class UrlNormalizer final
{
public:
    static QStringList defaultTrackingParameters();

    explicit UrlNormalizer(const QStringList &trackingParameters = defaultTrackingParameters());

    // An absolute http or https URL in its one form; an invalid QUrl for anything else (mailto:,
    // javascript:, a relative or malformed URL, no host).
    QUrl normalized(const QUrl &url) const;

    // The bytes a normalized URL is known by (fully percent-encoded).
    static QByteArray key(const QUrl &normalized) { return normalized.toEncoded(); }

    bool isTrackingParameter(QStringView name) const;
    const QStringList &trackingParameters() const { return m_parameters; }

private:
    QString withoutTracking(const QString &encodedQuery) const;

    QStringList m_parameters;
    QStringList m_exact; // lower case
    QStringList m_prefixes; // lower case, without the '*'
};
