#pragma once

#include "LinkSource.h"
#include "UrlNormalizer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <vector>

// What the crawler takes from a page it read, made on a worker thread: the links as the crawl
// knows URLs (normalised, deduplicated by key), with their fragments apart; the hashes of the page's
// ids and names, for fragment links that arrive later; its title and robots directive.
struct ScannedLink
{
    QUrl url; // normalised, no fragment
    QByteArray key; // UrlNormalizer::key(url)
    QString fragment; // decoded; empty when there is none to check
    quint32 line = 0;
    LinkSource source = LinkSource::Anchor;
    bool nofollow = false;
};

struct PageScan
{
    QList<ScannedLink> links; // http and https only
    std::vector<size_t> anchors; // sorted hashes (anchorHash) of the page's ids and names
    QString title;
    QString truncated; // why the page was read only in part; empty when it was read whole
    bool noFollow = false;
};

namespace PageScanner {

// pageKey is the page's own key: a link to one of its own ids is checked here and then dropped. The
// body is taken by value to be freed before the links are built; QtConcurrent::run keeps copies of the rest.
PageScan scan(QByteArray body, const QByteArray &contentType, const QUrl &pageUrl, const QByteArray &pageKey,
              const UrlNormalizer &normalizer, qint64 maxBytes, int maxLinks);

size_t anchorHash(const QString &anchor);
bool hasAnchor(const std::vector<size_t> &anchors, const QString &fragment);
// A fragment that names no element to look for: empty, "top", a route of a script ("#/a", "#!a"),
// a text fragment ("#:~:text=").
bool isCheckable(const QString &fragment);

} // namespace PageScanner
