#pragma once

#include <QMetaType>

// Where a running crawl stands, for a progress line or bar.
struct CrawlProgress
{
    int checked = 0; // URLs with a verdict, excluded ones not counted
    int queued = 0; // waiting for their turn
    int inFlight = 0;
    int problems = 0; // broken or error
    int pagesRead = 0;
    int pageBudget = 0; // CrawlOptions::maxPages
    int records = 0;
    double perSecond = 0; // URLs checked a second, over the last few seconds
    qint64 elapsedMs = 0;
    bool finished = false;
};
Q_DECLARE_METATYPE(CrawlProgress)
