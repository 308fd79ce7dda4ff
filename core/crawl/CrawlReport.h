#pragma once

#include "CrawlResults.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// A crawl's results as text for people and programs, shared by `pingscope crawl --format json|markdown`
// and the window's export: JSON (every field of every URL given, with its referrers), Markdown (a
// table of the URLs given, then the totals). docs/crawl.md describes both.
namespace CrawlReport {

// The URLs a report lists: every one, or the problems (broken, error) and then what a person
// should look at besides (blocked), in the order found.
QList<CrawlId> allUrls(const CrawlResults &results);
QList<CrawlId> problemUrls(const CrawlResults &results);

QJsonObject urlJson(const CrawlResults &results, CrawlId id);
QJsonObject summaryJson(const CrawlResults &results);
QByteArray json(const CrawlResults &results, const QList<CrawlId> &ids);

QString markdown(const CrawlResults &results, const QList<CrawlId> &ids);

// The status column: the HTTP status; of a redirect, the status that sent it on; the error's kind
// ("refused"); "#" for a fragment; "-" for none.
QString statusColumn(const CrawlRecord &record);
// "404 Not Found", "refused: connection refused by …", "redirected to …": what a verdict is, in a cell.
QString detail(const CrawlRecord &record);
// "http://h/ (line 12), http://h/about (line 4) and 17 more"
QString referrerText(const CrawlResults &results, const CrawlRecord &record, int shown = 3);
// "Crawled http://h/ in 12.3 s: 1,234 URLs checked, 210 pages read; 3 broken, 1 error, 2 blocked, 5 redirected, 4
// excluded."
QString summaryLine(const CrawlResults &results);

} // namespace CrawlReport
