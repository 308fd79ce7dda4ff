#pragma once

#include "CrawlVerdict.h"
#include "LinkSource.h"
#include "net/ErrorKind.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

using CrawlId = quint32;
inline constexpr CrawlId noCrawlId = 0xFFFFFFFFu;

// One place a URL was linked from: the page (a record) and the line.
struct CrawlReferrer
{
    CrawlId page = noCrawlId;
    quint32 line : 24 = 0; // 0 where there is none (a redirect, a start URL)
    quint32 source : 8 = 0; // a LinkSource

    LinkSource linkSource() const { return LinkSource(source); }
};

// One step of a redirect chain: the status that sent us on and where to.
struct CrawlHop
{
    int status = 0;
    QByteArray url;
};

// What the crawl knows of one URL. Kept small, with no body: a crawl of 100,000 pages holds a few
// hundred thousand of these.
struct CrawlRecord
{
    QByteArray url; // normalised, fully encoded; "…#name" for a fragment that was not found
    QString title; // of a page that was read
    QString message; // why, for anything but ok; a note otherwise (a page read only in part)
    QByteArray mediaType; // "text/html", shared between records
    QList<CrawlHop> redirects;
    std::vector<CrawlReferrer> referrers; // the first CrawlOptions::maxReferrers
    quint32 referrerCount = 0; // all of them
    CrawlId fragmentOf = noCrawlId; // the page a fragment record is of
    qint32 elapsedMs = -1; // of the last request
    quint16 status = 0; // the last HTTP status, 0 if none
    quint16 depth = 0; // links from a start URL
    ErrorKind errorKind = ErrorKind::None;
    CrawlVerdict verdict = CrawlVerdict::Pending;
    LinkSource source = LinkSource::Anchor; // how it was first found
    bool internal = false;
    bool read = false; // fetched and parsed as a page
};
