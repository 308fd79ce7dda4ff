#include "CrawlCommand.h"

#include "CrawlArguments.h"
#include "CrawlText.h"
#include "ExitCode.h"
#include "UnixSignalWatcher.h"
#include "crawl/CrawlEndpoints.h"
#include "crawl/CrawlReport.h"
#include "crawl/Crawler.h"
#include "endpoint/ProfileWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

#include <csignal>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDERR_FILENO) == 1;
#else
    return false;
#endif
}

struct Outcome
{
    std::shared_ptr<const CrawlResults> results;
    QString error; // the crawl could not start
    bool interrupted = false;
};

Outcome crawl(const CrawlOptions &options, UnixSignalWatcher &interrupts, QTextStream &err)
{
    Crawler crawler(options);
    QEventLoop loop;
    Outcome outcome;
    const bool progress = stderrIsTerminal();
    QObject::connect(&crawler, &Crawler::finished, &loop, &QEventLoop::quit);
    QObject::connect(&interrupts, &UnixSignalWatcher::received, &crawler, [&](int) {
        outcome.interrupted = true;
        crawler.cancel(); // what was found so far is still reported
    });
    if (progress) {
        QObject::connect(&crawler, &Crawler::progressed, &loop, [&err](const CrawlProgress &now) {
            err << "\r\x1b[K" << CrawlText::progressLine(now);
            err.flush();
        });
        QObject::connect(&crawler, &Crawler::notice, &loop, [&err](const QString &text) {
            err << "\r\x1b[K"
                << "note: " << text << '\n';
            err.flush();
        });
    }
    if (crawler.start(&outcome.error))
        loop.exec();
    if (progress) {
        err << "\r\x1b[K";
        err.flush();
    }
    outcome.results = crawler.results();
    return outcome;
}

} // namespace

int runCrawlCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    UnixSignalWatcher interrupts({SIGINT, SIGTERM});
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Walks a site from its start URLs and reports every broken link with the pages that link to it."));
    CrawlArguments::addTo(parser);
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        err << "pingscope crawl: " << parser.errorText() << Qt::endl;
        return ExitCode::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        const QString help = parser.helpText();
        out << "Usage: pingscope crawl [options] URL..." << help.mid(help.indexOf(QLatin1Char('\n')));
        return ExitCode::Ok;
    }
    QString error;
    const auto parsed = CrawlArguments::readFrom(parser, &error);
    if (!parsed) {
        err << "pingscope crawl: " << error << Qt::endl;
        return ExitCode::Usage;
    }
    // Patterns are compiled when the crawl starts; a bad one is a usage error, not an empty crawl.
    if (!CrawlScope::make(parsed->options.startUrls, parsed->options.include, parsed->options.exclude, &error)) {
        err << "pingscope crawl: " << error << Qt::endl;
        return ExitCode::Usage;
    }

    const Outcome outcome = crawl(parsed->options, interrupts, err);
    if (!outcome.error.isEmpty()) {
        err << "pingscope crawl: " << outcome.error << Qt::endl;
        return ExitCode::Usage;
    }
    const CrawlResults &results = *outcome.results;
    const QList<CrawlId> listed = parsed->showAll ? CrawlReport::allUrls(results) : CrawlReport::problemUrls(results);
    switch (parsed->format) {
    case CrawlArguments::Format::Text:
        out << CrawlText::text(results, listed);
        break;
    case CrawlArguments::Format::Json:
        out << CrawlReport::json(results, CrawlReport::allUrls(results));
        break;
    case CrawlArguments::Format::Junit:
        out << CrawlText::junit(results);
        break;
    case CrawlArguments::Format::Markdown:
        out << CrawlReport::markdown(results, listed);
        break;
    }
    out.flush();

    if (!parsed->profileOut.isEmpty()) {
        Profile profile;
        profile.name = QStringLiteral("Discovered from %1")
                           .arg(parsed->options.startUrls.isEmpty() ? parsed->options.sitemaps.value(0).toString()
                                                                    : parsed->options.startUrls.first().toString());
        profile.endpoints = CrawlEndpoints::make(results, CrawlEndpoints::alive(results), profile.makeEndpoint());
        if (!ProfileWriter::toFile(profile, parsed->profileOut, &error)) {
            err << "pingscope crawl: cannot write the profile: " << error << Qt::endl;
            return ExitCode::Usage;
        }
    }
    // The crawler's contexts and transfers go with deleteLater; no event loop runs after this one.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (outcome.interrupted)
        return ExitCode::Interrupted;
    return results.problems() > 0 ? ExitCode::Down : ExitCode::Ok;
}
