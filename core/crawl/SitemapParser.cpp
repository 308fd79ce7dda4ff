#include "SitemapParser.h"

#include "ByteView.h"

#include <QXmlStreamReader>

namespace SitemapParser {

namespace {

Sitemap parseText(QByteArrayView content)
{
    Sitemap sitemap;
    int line = 0;
    for (const QByteArrayView raw : ByteView::split(content, '\n')) {
        ++line;
        const QByteArrayView text = raw.trimmed();
        if (!text.startsWith("http://") && !text.startsWith("https://"))
            continue;
        if (sitemap.pages.size() >= maxEntries)
            break;
        sitemap.pages.append(Entry{QString::fromUtf8(text), line});
    }
    return sitemap;
}

} // namespace

Sitemap parse(QByteArrayView content)
{
    if (content.startsWith("\x1f\x8b"))
        return Sitemap{{}, {}, QStringLiteral("a gzip-compressed sitemap, which is not read")};
    if (!content.trimmed().startsWith('<'))
        return parseText(content);

    Sitemap sitemap;
    QXmlStreamReader xml(content.toByteArray());
    bool index = false;
    bool inEntry = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QStringView name = xml.name();
            if (name == u"sitemapindex")
                index = true;
            else if (name == u"url" || name == u"sitemap")
                inEntry = true;
            else if (name == u"loc" && inEntry) {
                const int line = int(xml.lineNumber());
                const QString url = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
                QList<Entry> &entries = index ? sitemap.sitemaps : sitemap.pages;
                if (sitemap.pages.size() + sitemap.sitemaps.size() >= maxEntries)
                    break;
                if (!url.isEmpty())
                    entries.append(Entry{url, line});
            }
        } else if (xml.isEndElement() && (xml.name() == u"url" || xml.name() == u"sitemap")) {
            inEntry = false;
        }
    }
    if (xml.hasError() && xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
        sitemap.error
            = QStringLiteral("not well-formed XML at line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return sitemap;
}

} // namespace SitemapParser
