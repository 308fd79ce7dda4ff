#include "WatchCommand.h"

#include "CommonOptions.h"
#include "ConstantLabels.h"
#include "EndpointSync.h"
#include "ExitCode.h"
#include "HistoryUptimeGauges.h"
#include "MetricsExporter.h"
#include "RunSummary.h"
#include "Shard.h"
#include "StatusLine.h"
#include "UnixSignalWatcher.h"
#if PINGSCOPE_WITH_WEB_CONFIG
#include "WebConfig.h"
#endif
#include "alert/AlertEngine.h"
#if PINGSCOPE_WITH_KEYCHAIN
#include "alert/KeychainSecretStore.h"
#endif
#include "endpoint/ProfileReader.h"
#include "history/HistoryStore.h"
#include "monitor/Monitor.h"
#include "net/HostPort.h"
#include "workspace/MonitorDrain.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <cmath>
#include <csignal>

using namespace std::chrono_literals;

namespace {

enum class LogFormat { Text, Json, None };

struct WatchOptions
{
    CommonOptions common;
    LogFormat log = LogFormat::Text;
    std::optional<double> durationS;
    bool summary = false;
    bool alerts = true;
    std::optional<MetricsExporter::ListenAddress> metrics;
    QString webConfig; // the exporter toolkit's web configuration file for the metrics server
    ConstantLabels labels;
    Shard shard;
    QString history; // record into this history file
};

// The profile's and the command line's endpoints, this agent's shard of them: at the start and
// again at each reload.
std::optional<QList<Endpoint>> endpointsOf(const WatchOptions &options, QString *error)
{
    auto endpoints = options.common.selection.resolve(error); // not const: returned, it is moved
    if (!endpoints || options.shard.isWhole())
        return endpoints;
    QList<Endpoint> share;
    for (const Endpoint &endpoint : *endpoints) {
        if (options.shard.contains(endpoint.id))
            share.append(endpoint);
    }
    return share;
}

std::optional<double> positiveSeconds(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0)
        return std::nullopt;
    return value;
}

std::optional<WatchOptions> parse(QCommandLineParser &parser, QString *error)
{
    const auto common = CommonOptions::readFrom(parser, error);
    if (!common)
        return std::nullopt;
    WatchOptions options;
    options.common = *common;
    if (parser.isSet(QStringLiteral("interval"))) {
        options.common.selection.intervalS = positiveSeconds(parser.value(QStringLiteral("interval")));
        if (!options.common.selection.intervalS) {
            *error = QStringLiteral("--interval wants a number of seconds above 0 (got \"%1\")")
                         .arg(parser.value(QStringLiteral("interval")));
            return std::nullopt;
        }
    }
    const QString log = parser.value(QStringLiteral("log"));
    if (log == QLatin1String("text"))
        options.log = LogFormat::Text;
    else if (log == QLatin1String("json"))
        options.log = LogFormat::Json;
    else if (log == QLatin1String("none"))
        options.log = LogFormat::None;
    else {
        *error = QStringLiteral("--log wants text, json or none (got \"%1\")").arg(log);
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("duration"))) {
        options.durationS = positiveSeconds(parser.value(QStringLiteral("duration")));
        if (!options.durationS) {
            *error = QStringLiteral("--duration wants a number of seconds above 0 (got \"%1\")")
                         .arg(parser.value(QStringLiteral("duration")));
            return std::nullopt;
        }
    }
    options.summary = parser.isSet(QStringLiteral("summary"));
    options.history = parser.value(QStringLiteral("history"));
    options.alerts = !parser.isSet(QStringLiteral("no-alerts"));
    if (parser.isSet(QStringLiteral("shard"))) {
        const auto shard = Shard::parse(parser.value(QStringLiteral("shard")), error);
        if (!shard)
            return std::nullopt;
        options.shard = *shard;
    }
    const auto labels = ConstantLabels::parse(parser.values(QStringLiteral("label")), error);
    if (!labels)
        return std::nullopt;
    options.labels = *labels;
    options.webConfig = parser.value(QStringLiteral("web-config"));
    if ((!options.labels.isEmpty() || !options.webConfig.isEmpty())
        && !parser.isSet(QStringLiteral("metrics-listen"))) {
        *error = QStringLiteral("--label and --web-config are for the metrics page: give --metrics-listen too");
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("metrics-listen"))) {
        options.metrics = MetricsExporter::parseListenAddress(parser.value(QStringLiteral("metrics-listen")));
        if (!options.metrics) {
            *error = QStringLiteral("--metrics-listen wants ADDR:PORT or PORT, e.g. 127.0.0.1:9464 (got \"%1\")")
                         .arg(parser.value(QStringLiteral("metrics-listen")));
            return std::nullopt;
        }
    }
    return options;
}

// systemctl reload: the profile read again; what changed is applied, the rest keeps its state. A
// profile that no longer reads leaves the one running as it was.
void reload(const WatchOptions &options, EndpointSync &sync, MetricsExporter *exporter, QTextStream &err)
{
#if PINGSCOPE_WITH_WEB_CONFIG
    // Certificates are renewed in place (certbot, an internal CA): read again like the profile.
    if (exporter && !options.webConfig.isEmpty()) {
        QString problem;
        const auto config = WebConfig::fromFile(options.webConfig, &problem);
        if (!config || !exporter->reconfigure(*config, &problem))
            err << "pingscope watch: reload of the web configuration failed, still serving as before: " << problem
                << Qt::endl;
        else
            err << "pingscope watch: reloaded " << options.webConfig << Qt::endl;
    }
#else
    Q_UNUSED(exporter)
#endif
    const QString &path = options.common.selection.profilePath;
    if (path.isEmpty()) {
        err << "pingscope watch: SIGHUP: no --profile to read again; still watching the same targets" << Qt::endl;
        return;
    }
    QString error;
    const auto endpoints = endpointsOf(options, &error);
    if (!endpoints) {
        err << "pingscope watch: reload failed, still watching the profile as it was: " << error << Qt::endl;
        return;
    }
    const EndpointSync::Change change = sync.apply(*endpoints);
    err << "pingscope watch: reloaded " << path << ": " << change.added << " added, " << change.changed << " changed, "
        << change.removed << " removed, " << change.unchanged << " unchanged (alerts are read at start only)"
        << Qt::endl;
}

int watch(const WatchOptions &options, const QList<Endpoint> &endpoints, const AlertSettings &alerts, QTextStream &out,
          QTextStream &err, UnixSignalWatcher &interrupts)
{
    Workspace workspace;
    Monitor *monitor = workspace.monitor();
    monitor->setConcurrencyLimit(options.common.concurrency);
    monitor->watchNetwork(); // with no network at all, endpoints show as offline, not down
    EndpointSync sync(monitor);
    sync.apply(endpoints);

    RunSummary summary;
    QObject::connect(monitor, &Monitor::resultsReady, monitor, [&](const QList<EndpointResult> &results) {
        for (const EndpointResult &result : results) {
            if (const auto kind = sync.kindOf(result.id))
                summary.record(*kind, result.result);
        }
    });
    if (options.log != LogFormat::None) {
        QObject::connect(monitor, &Monitor::statusesChanged, monitor, [&](const QList<StatusChange> &changes) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (const StatusChange &change : changes) {
                const auto endpoint = monitor->endpoint(change.id);
                if (!endpoint)
                    continue;
                out << (options.log == LogFormat::Json ? StatusLine::json(change, *endpoint, now)
                                                       : StatusLine::text(change, *endpoint, now))
                    << '\n';
            }
            out.flush();
        });
    }

    if (!options.history.isEmpty()) {
        HistoryError refused;
        if (!workspace.openHistory(options.history, &refused)) {
            err << "pingscope watch: " << refused.message << Qt::endl;
            return ExitCode::Usage;
        }
        QObject::connect(&workspace, &Workspace::historyFailed, monitor, [&err](const HistoryError &failure) {
            err << "pingscope watch: history: " << failure.message << Qt::endl;
        });
    }

    // The profile's alerts; secrets from the environment variables it names, else the keychain.
    std::unique_ptr<AlertEngine> alertEngine;
    if (options.alerts && !alerts.isEmpty()) {
        alertEngine = std::make_unique<AlertEngine>(monitor, alerts);
#if PINGSCOPE_WITH_KEYCHAIN // not in pingscope-cli: there, secrets come from the environment only
        alertEngine->setSecretStore(std::make_shared<KeychainSecretStore>());
#endif
        QObject::connect(alertEngine.get(), &AlertEngine::delivered, alertEngine.get(),
                         [&err](const QString &channel, const AlertMessage &, const AlertDelivery &delivery) {
                             if (!delivery.ok)
                                 err << "pingscope watch: alert to " << channel << " failed: " << delivery.error
                                     << Qt::endl;
                         });
    }

    std::unique_ptr<MetricsExporter> exporter;
    std::unique_ptr<HistoryUptimeGauges> uptimeGauges;
    if (options.metrics) {
        exporter = std::make_unique<MetricsExporter>(monitor);
        exporter->setAlertEngine(alertEngine.get());
        exporter->setConstantLabels(options.labels);
        QString problem;
        quint16 port = 0;
        bool tls = false;
#if PINGSCOPE_WITH_WEB_CONFIG
        if (!options.webConfig.isEmpty()) {
            const auto config = WebConfig::fromFile(options.webConfig, &problem);
            if (!config) {
                err << "pingscope watch: " << problem << Qt::endl;
                return ExitCode::Usage;
            }
            tls = config->hasTls();
            port = exporter->listen(*options.metrics, *config, &problem);
        } else
#endif
            port = exporter->listen(*options.metrics, &problem);
        if (port == 0) {
            err << "pingscope watch: " << problem << Qt::endl;
            return ExitCode::Usage;
        }
        const QHostAddress &address = options.metrics->address;
        // Announced on stderr, so a port picked with :0 can be found; stdout stays the status log.
        err << "pingscope watch: metrics at " << (tls ? "https" : "http") << "://" << HostPort::join(address, port)
            << "/metrics" << Qt::endl;
        if (HistoryStore *history = workspace.history()) {
            uptimeGauges = std::make_unique<HistoryUptimeGauges>(
                history, monitor, [monitor](EndpointId id) { return monitor->keyOf(id); });
            exporter->setExtra([gauges = uptimeGauges.get()] { return gauges->text(); });
        }
    }

    QEventLoop loop;
    int exitCode = ExitCode::Ok;
    QObject::connect(&interrupts, &UnixSignalWatcher::received, &loop, [&](int signalNumber) {
#ifdef Q_OS_UNIX
        if (signalNumber == SIGHUP) {
            reload(options, sync, exporter.get(), err);
            return;
        }
#else
        Q_UNUSED(signalNumber)
#endif
        exitCode = ExitCode::Interrupted;
        loop.quit();
    });
    QTimer duration;
    duration.setSingleShot(true);
    duration.setTimerType(Qt::PreciseTimer);
    QObject::connect(&duration, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (options.durationS)
        duration.start(std::chrono::milliseconds(qint64(std::llround(*options.durationS * 1000))));

    QElapsedTimer elapsed;
    elapsed.start();
    if (alertEngine) {
        alertEngine->start();
        for (const AlertChannelSettings &channel : alerts.channels) {
            if (const QString reason = alertEngine->unavailableReason(channel.name); !reason.isEmpty())
                err << "pingscope watch: alert channel " << channel.name << " cannot send: " << reason << Qt::endl;
        }
    }
    monitor->start(); // and the history's run with it
    loop.exec();
    monitor->stop();
    const double ranS = double(elapsed.nsecsElapsed()) / 1e9;
    MonitorDrain::drain(*monitor, Workspace::shutdownLimit);

    if (options.summary)
        out << summary.render(ranS, monitor->endpointCount(), monitor->counters()) << Qt::endl;
    out.flush();
    exporter.reset();
    uptimeGauges.reset();
    if (alertEngine)
        alertEngine->shutdown(); // its transfers and processes end now, not at exit
    alertEngine.reset(); // before the monitor it follows
    workspace.shutdown(); // commits the history and closes it
    // Probe contexts go with deleteLater; no event loop runs after this one to delete them.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return exitCode;
}

} // namespace

int runWatchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    // Caught from the first moment: a signal while a large profile loads still ends with 130, not a kill.
    // SIGHUP reloads the profile (systemctl reload); one watcher for all three, as they share one pipe.
#ifdef Q_OS_UNIX
    UnixSignalWatcher interrupts({SIGINT, SIGTERM, SIGHUP});
#else
    UnixSignalWatcher interrupts({SIGINT, SIGTERM});
#endif
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs the monitor until stopped and prints a line per change of status."));
    CommonOptions::addTo(parser);
    parser.addOptions({
        {QStringLiteral("interval"), QStringLiteral("Probes the targets given here every S seconds (default: 30)."),
         QStringLiteral("S")},
        {QStringLiteral("log"), QStringLiteral("The status log on stdout: text, json or none (default: text)."),
         QStringLiteral("FORMAT"), QStringLiteral("text")},
        {QStringLiteral("metrics-listen"),
         QStringLiteral("Serves /metrics for Prometheus on ADDR:PORT (address 127.0.0.1 unless given)."),
         QStringLiteral("ADDR:PORT")},
        {QStringLiteral("shard"),
         QStringLiteral("Probes only share K of N of the endpoints, split by their ids: N agents given the same "
                        "profile and 1/N to N/N probe each endpoint once."),
         QStringLiteral("K/N")},
        {QStringLiteral("label"),
         QStringLiteral("Adds the label NAME=VALUE to every series of /metrics (repeatable), e.g. site=office."),
         QStringLiteral("NAME=VALUE")},
        {QStringLiteral("web-config"),
         QStringLiteral("Serves /metrics as this web configuration file says (Prometheus exporter toolkit's "
                        "format: TLS certificate and key, basic-auth users with bcrypt hashes)."),
         QStringLiteral("FILE")},
        {QStringLiteral("duration"), QStringLiteral("Stops after S seconds."), QStringLiteral("S")},
        {QStringLiteral("summary"), QStringLiteral("Prints a JSON summary of the run at exit, as the last line.")},
        {QStringLiteral("history"), QStringLiteral("Records every result into this history file (created if missing)."),
         QStringLiteral("FILE")},
        {QStringLiteral("no-alerts"), QStringLiteral("Sends none of the profile's alerts.")},
    });
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        err << "pingscope watch: " << parser.errorText() << Qt::endl;
        return ExitCode::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's first line names the executable's path and no command.
        const QString help = parser.helpText();
        out << "Usage: pingscope watch [--profile FILE | TARGET...] [options]"
            << help.mid(help.indexOf(QLatin1Char('\n')));
        return ExitCode::Ok;
    }
    QString error;
    const auto options = parse(parser, &error);
    if (!options) {
        err << "pingscope watch: " << error << Qt::endl;
        return ExitCode::Usage;
    }
#if !PINGSCOPE_WITH_WEB_CONFIG
    if (!options->webConfig.isEmpty()) {
        err << "pingscope watch: --web-config is not supported on this system (Linux only)" << Qt::endl;
        return ExitCode::Usage;
    }
#endif
    const auto endpoints = endpointsOf(*options, &error);
    if (!endpoints) {
        err << "pingscope watch: " << error << Qt::endl;
        return ExitCode::Usage;
    }
    if (endpoints->isEmpty() && options->shard.isWhole()) {
        err << "pingscope watch: nothing to watch; give --profile FILE or targets" << Qt::endl;
        return ExitCode::Usage;
    }
    // An empty shard is not an error: a profile may have fewer endpoints than agents for now, and
    // a reload may bring this agent its share.
    if (endpoints->isEmpty())
        err << "pingscope watch: shard " << options->shard.toString() << " has none of the endpoints yet" << Qt::endl;
    AlertSettings alerts;
    if (!options->common.selection.profilePath.isEmpty()) {
        // Read once more for its alerts: the selection gives endpoints only. It read the file a moment ago.
        const ProfileReadResult read = ProfileReader::fromFile(options->common.selection.profilePath);
        if (read.ok())
            alerts = read.profile->alerts;
    }
    return watch(*options, *endpoints, alerts, out, err, interrupts);
}
