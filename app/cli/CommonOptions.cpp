#include "CommonOptions.h"

#include "monitor/Monitor.h"

#include <QCommandLineParser>

void CommonOptions::addTo(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("profile"), QStringLiteral("Adds the endpoints of the profile FILE."), QStringLiteral("FILE")},
        {QStringLiteral("timeout"),
         QStringLiteral("Each probe's time limit, for every endpoint (default: 5000 for targets, the profile's own "
                        "for its endpoints)."),
         QStringLiteral("MS")},
        {QStringLiteral("concurrency"),
         QStringLiteral("At most N probes at once (default: %1).").arg(Monitor::concurrencySetting.defaultValue),
         QStringLiteral("N")},
        {QStringLiteral("insecure"), QStringLiteral("Does not verify TLS certificates of the targets given here.")},
    });
    parser.addPositionalArgument(QStringLiteral("TARGET"),
                                 QStringLiteral("https://host/path, tcp://host:port, tls://host:port, icmp://host, "
                                                "dns://name?type=A&server=IP"),
                                 QStringLiteral("[TARGET...]"));
}

std::optional<CommonOptions> CommonOptions::readFrom(const QCommandLineParser &parser, QString *error)
{
    CommonOptions options;
    options.concurrency = Monitor::concurrencySetting.defaultValue;
    options.selection.profilePath = parser.value(QStringLiteral("profile"));
    options.selection.targets = parser.positionalArguments();
    options.selection.insecure = parser.isSet(QStringLiteral("insecure"));
    bool ok = true;
    if (parser.isSet(QStringLiteral("timeout"))) {
        const int timeout = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || !ProbeSpec::timeoutSetting.allows(timeout)) {
            *error = QStringLiteral("--timeout wants a whole number of milliseconds from %1 to %2 (got \"%3\")")
                         .arg(ProbeSpec::timeoutSetting.minimum)
                         .arg(ProbeSpec::timeoutSetting.maximum)
                         .arg(parser.value(QStringLiteral("timeout")));
            return std::nullopt;
        }
        options.selection.timeoutMs = timeout;
    }
    if (parser.isSet(QStringLiteral("concurrency"))) {
        options.concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
        if (!ok || !Monitor::concurrencySetting.allows(options.concurrency)) {
            *error = QStringLiteral("--concurrency wants a whole number from %1 to %2 (got \"%3\")")
                         .arg(Monitor::concurrencySetting.minimum)
                         .arg(Monitor::concurrencySetting.maximum)
                         .arg(parser.value(QStringLiteral("concurrency")));
            return std::nullopt;
        }
    }
    return options;
}
