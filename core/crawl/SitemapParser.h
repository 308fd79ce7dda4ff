#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

// The URLs of a sitemap (sitemaps.org): a <urlset>'s <loc>s, a <sitemapindex>'s nested sitemaps,
// or a plain text file of one URL a line. Pure; at most maxEntries are kept (the protocol's own limit
// per file). Gzip-compressed files (.xml.gz) are not read.
namespace SitemapParser {

inline constexpr int maxEntries = 50000;

struct Entry
{
    QString url;
    int line = 0;
};

struct Sitemap
{
    QList<Entry> pages;
    QList<Entry> sitemaps; // of an index
    QString error; // why it could not be read; what was read before stays
};

Sitemap parse(QByteArrayView content);

} // namespace SitemapParser
