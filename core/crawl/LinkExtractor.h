#pragma once

#include "LinkSource.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

// Every link of an HTML page, found by a real HTML5 parser (gumbo), with the line it is on:
// a/area/link@href, img/script/iframe/frame/source/video/audio/track/embed@src, video@poster,
// input[type=image]@src, img/source@srcset, <meta http-equiv=refresh>, and url() and @import in
// <style> and style attributes, each resolved against the page's URL or its first <base href>.
// Also what a crawler asks of a page besides: its ids and <a name>s (for #fragment links), its
// <title> and whether a <meta name="robots"> says nofollow.
//
// Pure and bounded, so it can be fuzzed on its own: at most maxBytes of the page are read, the
// text is decoded to UTF-8 first (HtmlText), HtmlInputGuard cuts what would make gumbo's time
// grow without bound, and no more than maxLinks links are kept. Gumbo's own README says security
// is not among its goals: nothing unbounded ever reaches it.
struct ExtractedLink
{
    QUrl url; // absolute, with its fragment; may be any scheme (mailto:, javascript:…)
    int line = 0; // 1-based, in the page as it was sent
    LinkSource source = LinkSource::Anchor;
    bool nofollow = false; // rel="nofollow"
};

struct PageLinks
{
    QList<ExtractedLink> links; // in document order
    QStringList anchors; // ids, and the names of <a>
    QString title;
    QByteArray charset; // as decoded
    bool noFollow = false; // <meta name="robots" content="nofollow"> (or "none")
    QString truncated; // why not all of the page was read; empty when it was
};

namespace LinkExtractor {

inline constexpr qsizetype defaultMaxBytes = 4LL * 1024 * 1024;
inline constexpr int defaultMaxLinks = 10000;

PageLinks extract(QByteArrayView body, QByteArrayView contentType, const QUrl &pageUrl,
                  qsizetype maxBytes = defaultMaxBytes, int maxLinks = defaultMaxLinks);

} // namespace LinkExtractor
