#include "CheckCommand.h"

#include "CheckOutcome.h"
#include "CommonOptions.h"
#include "ExitCode.h"
#include "JUnitReport.h"
#include "ResultJson.h"
#include "ResultTable.h"
#include "UnixSignalWatcher.h"
#include "monitor/Monitor.h"
#include "workspace/MonitorDrain.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTextStream>

#include <csignal>
#include <unordered_map>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace std::chrono_literals;

namespace {

enum class Format { Text, Json, Junit };

bool stdoutIsColourTerminal()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDOUT_FILENO) == 1 && !qEnvironmentVariableIsSet("NO_COLOR");
#else
    return false;
#endif
}

struct Run
{
    QList<CheckOutcome> outcomes;
    double elapsedMs = 0;
    bool interrupted = false;
};

// Both views share one engine: the endpoints go into a monitor that is never started, so nothing is
// scheduled, and "run all now" probes each once under the monitor's concurrency cap.
Run probeAll(const QList<Endpoint> &endpoints, int concurrency, UnixSignalWatcher &interrupts)
{
    Workspace workspace;
    Monitor *monitor = workspace.monitor();
    monitor->setConcurrencyLimit(concurrency);
    const QList<EndpointId> ids = monitor->addEndpoints(endpoints);
    std::unordered_map<EndpointId, qsizetype> indexOf;
    for (qsizetype i = 0; i < ids.size(); ++i)
        indexOf.emplace(ids.at(i), i);

    std::vector<std::optional<ProbeResult>> results(std::size_t(ids.size()));
    qsizetype missing = ids.size();
    QEventLoop loop;
    QObject::connect(monitor, &Monitor::resultsReady, &loop, [&](const QList<EndpointResult> &batch) {
        for (const EndpointResult &result : batch) {
            const auto index = indexOf.find(result.id);
            if (index == indexOf.end() || results[std::size_t(index->second)])
                continue;
            results[std::size_t(index->second)] = result.result;
            --missing;
        }
        if (missing == 0)
            loop.quit();
    });
    Run run;
    QObject::connect(&interrupts, &UnixSignalWatcher::received, &loop, [&](int) {
        run.interrupted = true;
        loop.quit();
    });

    QElapsedTimer clock;
    clock.start();
    monitor->runAllNow();
    if (missing > 0)
        loop.exec();
    if (run.interrupted) {
        monitor->cancelAll();
        // What finished just before the signal is still reported as it finished.
        MonitorDrain::drain(*monitor, Workspace::shutdownLimit);
    }
    run.elapsedMs = double(clock.nsecsElapsed()) / 1e6;

    for (std::size_t i = 0; i < results.size(); ++i) {
        ProbeResult result = results[i]
            ? *results[i]
            : ProbeResult::failure(ErrorKind::Cancelled, QStringLiteral("interrupted before it finished"));
        run.outcomes.append(CheckOutcome{endpoints.at(qsizetype(i)), std::move(result)});
    }
    workspace.shutdown();
    return run;
}

} // namespace

int runCheckCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    // Caught from the first moment: a signal while a large profile loads still ends with 130, not a kill.
    UnixSignalWatcher interrupts({SIGINT, SIGTERM});
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Probes each endpoint once, all at once, and reports."));
    CommonOptions::addTo(parser);
    parser.addOption({QStringLiteral("format"), QStringLiteral("The output: text, json or junit (default: text)."),
                      QStringLiteral("FORMAT"), QStringLiteral("text")});
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        err << "pingscope check: " << parser.errorText() << Qt::endl;
        return ExitCode::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's first line names the executable's path and no command.
        const QString help = parser.helpText();
        out << "Usage: pingscope check [options] [TARGET...]" << help.mid(help.indexOf(QLatin1Char('\n')));
        return ExitCode::Ok;
    }
    QString error;
    const auto options = CommonOptions::readFrom(parser, &error);
    if (!options) {
        err << "pingscope check: " << error << Qt::endl;
        return ExitCode::Usage;
    }
    const QString formatName = parser.value(QStringLiteral("format"));
    Format format = Format::Text;
    if (formatName == QLatin1String("json"))
        format = Format::Json;
    else if (formatName == QLatin1String("junit"))
        format = Format::Junit;
    else if (formatName != QLatin1String("text")) {
        err << "pingscope check: --format wants text, json or junit (got \"" << formatName << "\")" << Qt::endl;
        return ExitCode::Usage;
    }
    const auto endpoints = options->selection.resolve(&error);
    if (!endpoints) {
        err << "pingscope check: " << error << Qt::endl;
        return ExitCode::Usage;
    }
    if (endpoints->isEmpty()) {
        err << "pingscope check: nothing to check; give --profile FILE or targets" << Qt::endl;
        return ExitCode::Usage;
    }

    const Run run = probeAll(*endpoints, options->concurrency, interrupts);
    const CheckSummary summary = CheckSummary::of(run.outcomes, run.elapsedMs);
    switch (format) {
    case Format::Text:
        out << ResultTable::render(run.outcomes, summary, stdoutIsColourTerminal());
        break;
    case Format::Json:
        out << QJsonDocument(ResultJson::document(run.outcomes, summary)).toJson(QJsonDocument::Indented);
        break;
    case Format::Junit:
        out << JUnitReport::render(run.outcomes, summary);
        break;
    }
    out.flush();
    if (run.interrupted)
        return ExitCode::Interrupted;
    return summary.down > 0 ? ExitCode::Down : ExitCode::Ok;
}
