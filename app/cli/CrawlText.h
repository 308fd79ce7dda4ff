#pragma once

#include "crawl/CrawlProgress.h"
#include "crawl/CrawlResults.h"

#include <QByteArray>
#include <QList>
#include <QString>

// `pingscope crawl`'s own outputs: text for a person (a block per URL, then the totals and the
// notices) and JUnit XML for CI (a test case per URL checked, failing when broken or in error).
namespace CrawlText {
QString text(const CrawlResults &results, const QList<CrawlId> &ids);
QByteArray junit(const CrawlResults &results);
// The progress line on a terminal: "1,234 checked · 56 queued · 3 broken · 120/s · pages 210/10,000"
QString progressLine(const CrawlProgress &progress);
} // namespace CrawlText
