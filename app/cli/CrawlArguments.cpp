#include "CrawlArguments.h"

#include <QCommandLineParser>

namespace {

QCommandLineOption option(const char *name, const QString &description, const char *value = nullptr)
{
    return value ? QCommandLineOption(QString::fromLatin1(name), description, QString::fromLatin1(value))
                 : QCommandLineOption(QString::fromLatin1(name), description);
}

// A whole number of at least minimum from an option, if it is set; false with *error if it is bad.
bool readNumber(const QCommandLineParser &parser, const char *name, qint64 minimum, qint64 *into, QString *error)
{
    const QString key = QString::fromLatin1(name);
    if (!parser.isSet(key))
        return true;
    bool ok = false;
    const qint64 value = parser.value(key).toLongLong(&ok);
    if (!ok || value < minimum) {
        *error = QStringLiteral("--%1 wants a whole number of at least %2 (got \"%3\")")
                     .arg(key)
                     .arg(minimum)
                     .arg(parser.value(key));
        return false;
    }
    *into = value;
    return true;
}

template<typename T>
bool readInto(const QCommandLineParser &parser, const char *name, qint64 minimum, T *into, QString *error)
{
    qint64 value = qint64(*into);
    if (!readNumber(parser, name, minimum, &value, error))
        return false;
    *into = T(value);
    return true;
}

template<typename Duration>
bool readDuration(const QCommandLineParser &parser, const char *name, qint64 minimum, Duration *into, QString *error)
{
    qint64 value = into->count();
    if (!readNumber(parser, name, minimum, &value, error))
        return false;
    *into = Duration(value);
    return true;
}

} // namespace

void CrawlArguments::addTo(QCommandLineParser &parser)
{
    const CrawlOptions defaults;
    parser.addOptions({
        option("sitemap", QStringLiteral("Also crawls the URLs of this sitemap (repeatable)."), "URL"),
        option("depth",
               QStringLiteral("Follows links at most N steps from a start URL (default: %1).").arg(defaults.maxDepth),
               "N"),
        option("max-pages",
               QStringLiteral("Reads at most N pages; links on them are still checked (default: %1).")
                   .arg(defaults.maxPages),
               "N"),
        option("time-limit", QStringLiteral("Stops after S seconds (default: none)."), "S"),
        option("include", QStringLiteral("Crawls what matches REGEX instead of the start URLs' sites (repeatable)."),
               "REGEX"),
        option("exclude", QStringLiteral("Neither fetches nor follows what matches REGEX (repeatable)."), "REGEX"),
        option("no-external", QStringLiteral("Does not check links to other sites.")),
        option("no-robots",
               QStringLiteral("Ignores robots.txt, rel=nofollow and <meta name=robots> (for your own site).")),
        option("no-fragments", QStringLiteral("Does not check #fragment links against the page's ids.")),
        option("per-host",
               QStringLiteral("At most N requests at once to one host (default: %1).").arg(defaults.perHostConnections),
               "N"),
        option("interval",
               QStringLiteral("At least MS between requests to one host, 0 for none (default: %1).")
                   .arg(defaults.perHostInterval.count()),
               "MS"),
        option("concurrency",
               QStringLiteral("At most N requests at once in all (default: %1).").arg(defaults.globalConnections), "N"),
        option("timeout",
               QStringLiteral("Each request's time limit (default: %1).").arg(defaults.requestTimeout.count()), "MS"),
        option("max-wait",
               QStringLiteral("Waits at most S seconds when a host says Retry-After (default: %1).")
                   .arg(defaults.maxRetryWait.count() / 1000),
               "S"),
        option("max-retries",
               QStringLiteral("Asks a URL told to wait at most N more times (default: %1).").arg(defaults.maxRetries),
               "N"),
        option("tracking-params",
               QStringLiteral("The query parameters dropped from URLs, comma-separated, '*' at the end for a prefix "
                              "(default: %1; \"\" for none).")
                   .arg(defaults.trackingParameters.join(QLatin1Char(','))),
               "LIST"),
        option("max-page-bytes",
               QStringLiteral("Reads at most N bytes of a page (default: %1).").arg(defaults.maxPageBytes), "N"),
        option("max-url-length",
               QStringLiteral("Does not read internal pages of longer URLs, taken for traps (default: %1, 0 for none).")
                   .arg(defaults.traps.maxUrlLength),
               "N"),
        option("prefix-budget",
               QStringLiteral("Reads at most N pages under one first path segment (default: %1, 0 for none).")
                   .arg(defaults.traps.prefixBudget),
               "N"),
        option("max-query-variants",
               QStringLiteral("Reads at most N query strings of one path (default: %1, 0 for none).")
                   .arg(defaults.traps.maxQueryVariants),
               "N"),
        option("insecure", QStringLiteral("Does not verify TLS certificates.")),
        option("user-agent", QStringLiteral("The User-Agent to send (default: Pingscope/<version> (link checker))."),
               "TEXT"),
        option("format", QStringLiteral("The output: text, json, junit or markdown (default: text)."), "FORMAT"),
        option("show", QStringLiteral("What text and markdown list: problems or all (default: problems)."), "WHAT"),
        option("profile-out", QStringLiteral("Writes every URL that answered as a profile to FILE."), "FILE"),
    });
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("Where the crawl starts (http:// or https://)."),
                                 QStringLiteral("URL..."));
}

std::optional<CrawlArguments> CrawlArguments::readFrom(const QCommandLineParser &parser, QString *error)
{
    CrawlArguments arguments;
    CrawlOptions &options = arguments.options;
    for (const QString &text : parser.positionalArguments()) {
        const QUrl url = QUrl::fromUserInput(text);
        options.startUrls.append(url.isValid() && !url.scheme().isEmpty() ? url : QUrl(text));
    }
    for (const QString &text : parser.values(QStringLiteral("sitemap")))
        options.sitemaps.append(QUrl(text));
    options.include = parser.values(QStringLiteral("include"));
    options.exclude = parser.values(QStringLiteral("exclude"));
    options.checkExternal = !parser.isSet(QStringLiteral("no-external"));
    options.respectRobots = !parser.isSet(QStringLiteral("no-robots"));
    options.checkFragments = !parser.isSet(QStringLiteral("no-fragments"));
    options.verifyTls = !parser.isSet(QStringLiteral("insecure"));
    if (parser.isSet(QStringLiteral("user-agent")))
        options.userAgent = parser.value(QStringLiteral("user-agent")).toUtf8();
    if (parser.isSet(QStringLiteral("tracking-params")))
        options.trackingParameters
            = parser.value(QStringLiteral("tracking-params")).split(QLatin1Char(','), Qt::SkipEmptyParts);

    std::chrono::seconds maxWait = std::chrono::duration_cast<std::chrono::seconds>(options.maxRetryWait);
    const bool numbers = readInto(parser, "depth", 0, &options.maxDepth, error)
        && readInto(parser, "max-pages", 1, &options.maxPages, error)
        && readDuration(parser, "time-limit", 0, &options.timeLimit, error)
        && readInto(parser, "per-host", 1, &options.perHostConnections, error)
        && readDuration(parser, "interval", 0, &options.perHostInterval, error)
        && readInto(parser, "concurrency", 1, &options.globalConnections, error)
        && readDuration(parser, "timeout", 1, &options.requestTimeout, error)
        && readDuration(parser, "max-wait", 0, &maxWait, error)
        && readInto(parser, "max-retries", 0, &options.maxRetries, error)
        && readInto(parser, "max-page-bytes", 1024, &options.maxPageBytes, error)
        && readInto(parser, "max-url-length", 0, &options.traps.maxUrlLength, error)
        && readInto(parser, "prefix-budget", 0, &options.traps.prefixBudget, error)
        && readInto(parser, "max-query-variants", 0, &options.traps.maxQueryVariants, error);
    if (!numbers)
        return std::nullopt;
    options.maxRetryWait = maxWait;

    const QString format
        = parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("text");
    if (format == QLatin1String("text"))
        arguments.format = Format::Text;
    else if (format == QLatin1String("json"))
        arguments.format = Format::Json;
    else if (format == QLatin1String("junit"))
        arguments.format = Format::Junit;
    else if (format == QLatin1String("markdown"))
        arguments.format = Format::Markdown;
    else {
        *error = QStringLiteral("--format wants text, json, junit or markdown (got \"%1\")").arg(format);
        return std::nullopt;
    }
    const QString show
        = parser.isSet(QStringLiteral("show")) ? parser.value(QStringLiteral("show")) : QStringLiteral("problems");
    if (show != QLatin1String("problems") && show != QLatin1String("all")) {
        *error = QStringLiteral("--show wants problems or all (got \"%1\")").arg(show);
        return std::nullopt;
    }
    arguments.showAll = show == QLatin1String("all");
    arguments.profileOut = parser.value(QStringLiteral("profile-out"));

    if (options.startUrls.isEmpty() && options.sitemaps.isEmpty()) {
        *error = QStringLiteral("nothing to crawl: give a start URL (or --sitemap URL)");
        return std::nullopt;
    }
    if (const QString problem = options.problem(); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return arguments;
}
