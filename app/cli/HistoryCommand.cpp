#include "HistoryCommand.h"

#include "ExitCode.h"
#include "history/HistoryExport.h"
#include "history/HistoryReader.h"
#include "history/HistoryText.h"
#include "history/SqliteHistoryStore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>
#include <cstdio>

namespace {

const char usage[] = "Usage: pingscope history export FILE [--from T] [--to T] [--endpoint NAME]... --format csv|json\n"
                     "       pingscope history outages FILE [--since SPAN] [--format text|json]\n"
                     "       pingscope history uptime FILE --since 24h|7d|30d|… [--format text|json]\n"
                     "       pingscope history backup FILE DEST\n"
                     "\n"
                     "T is an ISO 8601 time (UTC unless it says otherwise) or a span before now (90m, 24h, 7d).\n";

struct Context
{
    QTextStream &out;
    QTextStream &err;
    qint64 now = QDateTime::currentMSecsSinceEpoch();
};

int usageError(Context &c, const QString &message)
{
    c.err << "pingscope history: " << message << "\n\n" << usage;
    c.err.flush();
    return ExitCode::Usage;
}

int fileError(Context &c, const HistoryError &error)
{
    c.err << "pingscope history: " << error.message << Qt::endl;
    return ExitCode::Usage;
}

// --endpoint NAME matches an endpoint's name, its key (profile id) or its target.
QStringList keysFor(HistoryReader &reader, const QStringList &names, QString *unknown)
{
    if (names.isEmpty())
        return {};
    QStringList keys;
    const QList<HistoryEndpoint> endpoints = reader.endpoints();
    for (const QString &name : names) {
        bool found = false;
        for (const HistoryEndpoint &endpoint : endpoints) {
            if (endpoint.name == name || endpoint.key == name || endpoint.target == name) {
                keys << endpoint.key;
                found = true;
            }
        }
        if (!found) {
            *unknown = name;
            return {};
        }
    }
    return keys;
}

QHash<QString, HistoryEndpoint> byKey(HistoryReader &reader)
{
    QHash<QString, HistoryEndpoint> all;
    for (const HistoryEndpoint &endpoint : reader.endpoints())
        all.insert(endpoint.key, endpoint);
    return all;
}

QString formatFrom(const QCommandLineParser &parser, const QStringList &allowed, QString *error)
{
    // text where it is allowed is the default; export has none and says so before this.
    QString format = parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : allowed.first();
    if (!allowed.contains(format))
        *error = QStringLiteral("--format wants %1 (got \"%2\")").arg(allowed.join(QStringLiteral(" or ")), format);
    return format;
}

int runExport(Context &c, const QCommandLineParser &parser, HistoryReader &reader)
{
    QString error;
    const QString format = formatFrom(parser, {QStringLiteral("csv"), QStringLiteral("json")}, &error);
    if (!error.isEmpty())
        return usageError(c, error);
    HistoryRange range{0, c.now + 86'400'000};
    for (const auto &[option, bound] : {std::pair{"from", &range.fromMs}, std::pair{"to", &range.toMs}}) {
        if (!parser.isSet(QString::fromLatin1(option)))
            continue;
        const auto time = HistoryText::parseTime(parser.value(QString::fromLatin1(option)), c.now);
        if (!time)
            return usageError(c,
                              QStringLiteral("--%1 wants an ISO 8601 time or a span such as 24h (got \"%2\")")
                                  .arg(QString::fromLatin1(option), parser.value(QString::fromLatin1(option))));
        *bound = *time;
    }
    QString unknown;
    const QStringList keys = keysFor(reader, parser.values(QStringLiteral("endpoint")), &unknown);
    if (!unknown.isEmpty())
        return usageError(c, QStringLiteral("no endpoint \"%1\" in this history").arg(unknown));

    // Straight to stdout in large writes: QTextStream would convert every row to UTF-16 and back.
    c.out.flush();
    const auto outcome = HistoryExport::write(
        reader, keys, range, format == QLatin1String("csv") ? HistoryExport::Format::Csv : HistoryExport::Format::Json,
        [](const QByteArray &piece) {
            return std::fwrite(piece.constData(), 1, std::size_t(piece.size()), stdout) == std::size_t(piece.size());
        });
    std::fflush(stdout);
    if (outcome.error)
        c.err << "pingscope history: " << outcome.error.message << Qt::endl;
    const bool writeFailed = outcome.stopped;
    return writeFailed ? ExitCode::Usage : ExitCode::Ok;
}

int runOutages(Context &c, const QCommandLineParser &parser, HistoryReader &reader)
{
    QString error;
    const QString format = formatFrom(parser, {QStringLiteral("text"), QStringLiteral("json")}, &error);
    if (!error.isEmpty())
        return usageError(c, error);
    HistoryRange range{0, c.now + 1};
    if (parser.isSet(QStringLiteral("since"))) {
        const auto since = HistoryText::parseTime(parser.value(QStringLiteral("since")), c.now);
        if (!since)
            return usageError(c, QStringLiteral("--since wants a span such as 24h or an ISO 8601 time"));
        range.fromMs = *since;
    }
    const auto endpoints = byKey(reader);
    const QList<HistoryOutage> outages = reader.outages({}, range);
    if (format == QLatin1String("json")) {
        QJsonArray list;
        for (const HistoryOutage &outage : outages) {
            const HistoryEndpoint endpoint = endpoints.value(outage.key);
            list.append(QJsonObject{
                {QStringLiteral("endpoint"), endpoint.name},
                {QStringLiteral("target"), endpoint.target},
                {QStringLiteral("start"), QString::fromLatin1(HistoryText::isoTime(outage.startMs))},
                {QStringLiteral("end"),
                 outage.endMs ? QJsonValue(QString::fromLatin1(HistoryText::isoTime(*outage.endMs))) : QJsonValue()},
                {QStringLiteral("duration_s"), double(outage.durationMs) / 1000.0},
                {QStringLiteral("error_kind"),
                 outage.errorKind == ErrorKind::None ? QJsonValue() : QJsonValue(errorKindName(outage.errorKind))},
                {QStringLiteral("message"), outage.message.isEmpty() ? QJsonValue() : QJsonValue(outage.message)},
            });
        }
        c.out << QJsonDocument(QJsonObject{{QStringLiteral("outages"), list}}).toJson(QJsonDocument::Compact) << '\n';
        return ExitCode::Ok;
    }
    if (outages.isEmpty())
        c.out << "no outages\n";
    for (const HistoryOutage &outage : outages) {
        const HistoryEndpoint endpoint = endpoints.value(outage.key);
        c.out << HistoryText::isoTime(outage.startMs) << "  "
              << (outage.endMs ? QString::fromLatin1(HistoryText::isoTime(*outage.endMs))
                               : QStringLiteral("(still down)"))
              << "  " << HistoryText::duration(outage.durationMs) << "  " << endpoint.name << " (" << endpoint.target
              << ")";
        if (outage.errorKind != ErrorKind::None)
            c.out << "  " << errorKindName(outage.errorKind) << ": " << outage.message;
        c.out << '\n';
    }
    return ExitCode::Ok;
}

int runUptime(Context &c, const QCommandLineParser &parser, HistoryReader &reader)
{
    QString error;
    const QString format = formatFrom(parser, {QStringLiteral("text"), QStringLiteral("json")}, &error);
    if (!error.isEmpty())
        return usageError(c, error);
    if (!parser.isSet(QStringLiteral("since")))
        return usageError(c, QStringLiteral("uptime needs --since, e.g. --since 24h"));
    const auto since = HistoryText::parseTime(parser.value(QStringLiteral("since")), c.now);
    if (!since)
        return usageError(c, QStringLiteral("--since wants a span such as 24h, 7d or 30d, or an ISO 8601 time"));
    const HistoryRange range{*since, c.now};
    const auto endpoints = byKey(reader);
    const QList<HistoryUptime> uptimes = reader.uptime({}, range);
    if (format == QLatin1String("json")) {
        QJsonArray list;
        for (const HistoryUptime &uptime : uptimes) {
            const HistoryEndpoint endpoint = endpoints.value(uptime.key);
            list.append(QJsonObject{
                {QStringLiteral("endpoint"), endpoint.name},
                {QStringLiteral("target"), endpoint.target},
                {QStringLiteral("uptime_ratio"), uptime.ratio() ? QJsonValue(*uptime.ratio()) : QJsonValue()},
                {QStringLiteral("observed_s"), double(uptime.observedMs()) / 1000.0},
                {QStringLiteral("down_s"), double(uptime.downMs) / 1000.0},
            });
        }
        c.out << QJsonDocument(
                     QJsonObject{{QStringLiteral("since"), QString::fromLatin1(HistoryText::isoTime(range.fromMs))},
                                 {QStringLiteral("until"), QString::fromLatin1(HistoryText::isoTime(range.toMs))},
                                 {QStringLiteral("endpoints"), list}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return ExitCode::Ok;
    }
    for (const HistoryUptime &uptime : uptimes) {
        const HistoryEndpoint endpoint = endpoints.value(uptime.key);
        const QString ratio
            = uptime.ratio() ? QStringLiteral("%1 %").arg(*uptime.ratio() * 100, 0, 'f', 3) : QStringLiteral("–");
        c.out << ratio << " of " << HistoryText::duration(uptime.observedMs()) << " observed ("
              << QString::number(uptime.coverage() * 100, 'f', 1) << " % of the range), down "
              << HistoryText::duration(uptime.downMs) << "  " << endpoint.name << " (" << endpoint.target << ")\n";
    }
    return ExitCode::Ok;
}

} // namespace

int runHistoryCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Context c{out, err};
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("from"), QStringLiteral("Export from this time."), QStringLiteral("T")},
        {QStringLiteral("to"), QStringLiteral("Export up to this time."), QStringLiteral("T")},
        {QStringLiteral("endpoint"), QStringLiteral("Only this endpoint (name, id or target); repeatable."),
         QStringLiteral("NAME")},
        {QStringLiteral("since"), QStringLiteral("From this long ago (24h, 7d, 30d) or this time."),
         QStringLiteral("SPAN")},
        {QStringLiteral("format"), QStringLiteral("csv or json for export; text or json otherwise."),
         QStringLiteral("FORMAT")},
    });
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return usageError(c, parser.errorText());
    const QStringList words = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("help"))) {
        out << usage;
        return ExitCode::Ok;
    }
    const QString verb = words.value(0);
    const QStringList verbs{QStringLiteral("export"), QStringLiteral("outages"), QStringLiteral("uptime"),
                            QStringLiteral("backup")};
    if (!verbs.contains(verb))
        return usageError(c,
                          verb.isEmpty() ? QStringLiteral("which one: export, outages, uptime or backup?")
                                         : QStringLiteral("unknown history command \"%1\"").arg(verb));
    if (words.size() < 2)
        return usageError(c, QStringLiteral("%1 needs the history FILE").arg(verb));
    const QString &file = words.at(1);
    if (verb == QLatin1String("backup")) {
        if (words.size() != 3)
            return usageError(c, QStringLiteral("backup needs FILE and DEST"));
        if (const HistoryError error = SqliteHistoryStore::backup(file, words.at(2)))
            return fileError(c, error);
        out << "backed up " << file << " to " << words.at(2) << Qt::endl;
        return ExitCode::Ok;
    }
    if (words.size() != 2)
        return usageError(c, QStringLiteral("unexpected \"%1\"").arg(words.at(2)));
    if (!parser.isSet(QStringLiteral("format")) && verb == QLatin1String("export"))
        return usageError(c, QStringLiteral("export needs --format csv or --format json"));
    HistoryError error;
    auto reader = HistoryReader::open(file, nullptr, &error);
    if (!reader)
        return fileError(c, error);
    if (verb == QLatin1String("export"))
        return runExport(c, parser, *reader);
    if (verb == QLatin1String("outages"))
        return runOutages(c, parser, *reader);
    return runUptime(c, parser, *reader);
}
