#include "PageScan.h"

#include "LinkExtractor.h"

#include <algorithm>

namespace PageScanner {

size_t anchorHash(const QString &anchor)
{
    return qHash(anchor, 0);
}

bool hasAnchor(const std::vector<size_t> &anchors, const QString &fragment)
{
    return std::binary_search(anchors.begin(), anchors.end(), anchorHash(fragment));
}

bool isCheckable(const QString &fragment)
{
    return !fragment.isEmpty() && fragment.compare(QLatin1String("top"), Qt::CaseInsensitive) != 0
        && !fragment.startsWith(QLatin1Char('/')) && !fragment.startsWith(QLatin1Char('!'))
        && !fragment.startsWith(QLatin1String(":~:"));
}

PageScan scan(QByteArray body, const QByteArray &contentType, const QUrl &pageUrl, const QByteArray &pageKey,
              const UrlNormalizer &normalizer, qint64 maxBytes, int maxLinks)
{
    PageLinks page = LinkExtractor::extract(body, contentType, pageUrl, maxBytes, maxLinks);
    body.clear(); // the largest thing held: gone before the links are built

    PageScan scan;
    scan.title = std::move(page.title);
    scan.truncated = std::move(page.truncated);
    scan.noFollow = page.noFollow;
    scan.anchors.reserve(std::size_t(page.anchors.size()));
    for (const QString &anchor : std::as_const(page.anchors))
        scan.anchors.push_back(anchorHash(anchor));
    std::sort(scan.anchors.begin(), scan.anchors.end());
    scan.anchors.erase(std::unique(scan.anchors.begin(), scan.anchors.end()), scan.anchors.end());

    scan.links.reserve(page.links.size());
    for (const ExtractedLink &link : std::as_const(page.links)) {
        const QUrl url = normalizer.normalized(link.url);
        if (!url.isValid())
            continue; // mailto:, javascript:, data:, tel:…
        ScannedLink scanned{url, UrlNormalizer::key(url), QString(), quint32(link.line), link.source, link.nofollow};
        const QString fragment = link.url.fragment(QUrl::FullyDecoded);
        if (isCheckable(fragment))
            scanned.fragment = fragment;
        if (scanned.key == pageKey) {
            // A link to the page itself says nothing new unless it names an id the page lacks.
            if (scanned.fragment.isEmpty() || hasAnchor(scan.anchors, scanned.fragment))
                continue;
        }
        scan.links.append(std::move(scanned));
    }
    return scan;
}

} // namespace PageScanner
