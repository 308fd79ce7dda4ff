// SitemapParser::parse, a sitemap (XML, an index of sitemaps, or plain text) from any site. Beyond
// not crashing: at most the protocol's number of entries, each named with a line of the file.

#include "FuzzSupport.h"
#include "crawl/SitemapParser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView content(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString detail = Fuzz::shown(data, size);
    const SitemapParser::Sitemap sitemap = SitemapParser::parse(content);
    FUZZ_CHECK(sitemap.pages.size() + sitemap.sitemaps.size() <= SitemapParser::maxEntries, detail);
    for (const auto &entries : {sitemap.pages, sitemap.sitemaps}) {
        for (const SitemapParser::Entry &entry : entries)
            FUZZ_CHECK(entry.line >= 1 && !entry.url.isEmpty(), detail);
    }
    return 0;
}
