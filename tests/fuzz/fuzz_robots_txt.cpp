// RobotsTxt::parse and allows, a robots.txt from any site the crawler visits. Beyond not crashing:
// the rules stay within the cap, a Crawl-delay is never negative, and a path is matched in bounded
// time however the patterns are written (libFuzzer's -timeout catches a pattern that explodes).

#include "FuzzSupport.h"
#include "crawl/RobotsTxt.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString detail = Fuzz::shown(data, size);
    const RobotsTxt robots = RobotsTxt::parse(text);
    FUZZ_CHECK(robots.ruleCount() <= RobotsTxt::maxRules, detail);
    FUZZ_CHECK(!robots.crawlDelay() || robots.crawlDelay()->count() >= 0, detail);
    for (const QByteArrayView path : {QByteArrayView("/"), QByteArrayView("/a/b/c.html?x=1&y=%2F"),
                                      QByteArrayView("/****************************************$")})
        (void)robots.allows(path);
    return 0;
}
