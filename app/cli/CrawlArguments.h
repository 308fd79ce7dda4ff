#pragma once

#include "crawl/CrawlOptions.h"

#include <QString>

#include <optional>

class QCommandLineParser;

// The command line of `pingscope crawl`: the crawl's options, the output and where a profile of what
// was found goes. docs/crawl.md lists them.
struct CrawlArguments
{
    enum class Format { Text, Json, Junit, Markdown };

    CrawlOptions options;
    Format format = Format::Text;
    bool showAll = false; // text and markdown list every URL, not only the problems
    QString profileOut;

    static void addTo(QCommandLineParser &parser);
    // From a parser that has parsed; on a bad value returns nothing and sets *error to a sentence.
    static std::optional<CrawlArguments> readFrom(const QCommandLineParser &parser, QString *error);
};
