// LinkExtractor::extract, the crawler's reading of a page someone else wrote: gumbo behind
// HtmlInputGuard, the charset decoded first. Beyond not crashing nor hanging: no more links than
// the cap, each on a line of the page, and a page cut short says why.

#include "FuzzSupport.h"
#include "crawl/LinkExtractor.h"

namespace {
constexpr qsizetype maxBytes = 64 * 1024;
constexpr int maxLinks = 500;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView body(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString detail = Fuzz::shown(data, size);
    const PageLinks page = LinkExtractor::extract(
        body, "text/html", QUrl(QStringLiteral("http://fuzz.test/dir/page.html")), maxBytes, maxLinks);
    FUZZ_CHECK(page.links.size() <= maxLinks, detail);
    FUZZ_CHECK(qsizetype(size) <= maxBytes || !page.truncated.isEmpty(), detail);
    const qsizetype lines = body.count('\n') + body.count('\r') + 1;
    for (const ExtractedLink &link : page.links)
        FUZZ_CHECK(link.line >= 1 && link.line <= lines, detail);
    return 0;
}
