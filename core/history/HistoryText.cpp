#include "HistoryText.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>

#include <charconv>

namespace {

// Days since 1970-01-01 to a civil date (proleptic Gregorian), after Howard Hinnant's algorithm.
void civilFromDays(qint64 days, int &year, int &month, int &day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    day = int(doy - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

void digits(QByteArray &out, qint64 value, int width)
{
    char buffer[24];
    for (int i = width - 1; i >= 0; --i) {
        buffer[i] = char('0' + value % 10);
        value /= 10;
    }
    out.append(buffer, width);
}

void appendNumber(QByteArray &out, double value)
{
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
    if (error == std::errc())
        out.append(buffer, int(end - buffer));
}

const char *statusName(ProbeStatus status)
{
    return status == ProbeStatus::Up ? "up" : status == ProbeStatus::Degraded ? "degraded" : "down";
}

bool needsQuotes(const QByteArray &field)
{
    for (const char c : field) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r')
            return true;
    }
    return false;
}

void appendCsvField(QByteArray &out, const QByteArray &field)
{
    if (!needsQuotes(field)) {
        out += field;
        return;
    }
    out += '"';
    for (const char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

void HistoryText::appendIsoTime(QByteArray &out, qint64 ms)
{
    const qint64 dayMs = 86'400'000;
    qint64 days = ms / dayMs;
    qint64 rest = ms % dayMs;
    if (rest < 0) {
        rest += dayMs;
        --days;
    }
    int year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, year, month, day);
    digits(out, year, 4);
    out += '-';
    digits(out, month, 2);
    out += '-';
    digits(out, day, 2);
    out += 'T';
    digits(out, rest / 3'600'000, 2);
    out += ':';
    digits(out, rest / 60'000 % 60, 2);
    out += ':';
    digits(out, rest / 1000 % 60, 2);
    out += '.';
    digits(out, rest % 1000, 3);
    out += 'Z';
}

QByteArray HistoryText::isoTime(qint64 ms)
{
    QByteArray out;
    appendIsoTime(out, ms);
    return out;
}

std::optional<qint64> HistoryText::parseSpan(const QString &text)
{
    static const QRegularExpression span(QStringLiteral("\\A(\\d+)([smhdw])\\z"));
    const auto match = span.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 count = match.captured(1).toLongLong();
    const QChar unit = match.captured(2).at(0);
    const qint64 unitMs = unit == QLatin1Char('s') ? 1000
        : unit == QLatin1Char('m')                 ? 60'000
        : unit == QLatin1Char('h')                 ? 3'600'000
        : unit == QLatin1Char('d')                 ? 86'400'000
                                                   : 7 * 86'400'000LL;
    if (count <= 0 || count > 100'000)
        return std::nullopt;
    return count * unitMs;
}

std::optional<qint64> HistoryText::parseTime(const QString &text, qint64 nowMs)
{
    if (const auto span = parseSpan(text))
        return nowMs - *span;
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC); // a time without a zone is UTC, as the export writes them
    return time.toMSecsSinceEpoch();
}

QByteArray HistoryText::csvHeader()
{
    return "time,endpoint,target,kind,status,latency_ms,error_kind,message\n";
}

HistoryText::EndpointFields HistoryText::endpointFields(const HistoryEndpoint &endpoint)
{
    EndpointFields fields;
    appendCsvField(fields.csv, endpoint.name.toUtf8());
    fields.csv += ',';
    appendCsvField(fields.csv, endpoint.target.toUtf8());
    fields.csv += ',' + probeKindName(endpoint.kind).toLatin1() + ',';
    fields.json = ",\"endpoint\":" + jsonString(endpoint.name) + ",\"target\":" + jsonString(endpoint.target)
        + ",\"kind\":\"" + probeKindName(endpoint.kind).toLatin1() + '"';
    return fields;
}

void HistoryText::appendCsvRow(QByteArray &out, const EndpointFields &endpoint, const HistoryPoint &point)
{
    appendIsoTime(out, point.timeMs);
    out += ',';
    out += endpoint.csv;
    out += statusName(point.status);
    out += ',';
    if (point.status != ProbeStatus::Down)
        appendNumber(out, double(point.latencyUs) / 1000.0);
    out += ',';
    if (point.errorKind != ErrorKind::None)
        out += errorKindName(point.errorKind).toLatin1();
    out += ',';
    appendCsvField(out, point.message.toUtf8());
    out += '\n';
}

QByteArray HistoryText::jsonString(const QString &text)
{
    // QJsonDocument escapes as JSON wants; an array of one, without its brackets.
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

void HistoryText::appendJsonRow(QByteArray &out, const EndpointFields &endpoint, const HistoryPoint &point)
{
    out += "{\"time\":\"";
    appendIsoTime(out, point.timeMs);
    out += '"';
    out += endpoint.json;
    out += ",\"status\":\"";
    out += statusName(point.status);
    out += "\",\"latency_ms\":";
    if (point.status != ProbeStatus::Down)
        appendNumber(out, double(point.latencyUs) / 1000.0);
    else
        out += "null";
    out += ",\"error_kind\":";
    if (point.errorKind != ErrorKind::None)
        out += '"' + errorKindName(point.errorKind).toLatin1() + '"';
    else
        out += "null";
    out += ",\"message\":";
    if (point.message.isEmpty())
        out += "null";
    else
        out += jsonString(point.message);
    out += "}\n";
}

QString HistoryText::duration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s >= 86'400)
        return QStringLiteral("%1 d %2 h").arg(s / 86'400).arg(s % 86'400 / 3600);
    if (s >= 3600)
        return QStringLiteral("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
    if (s >= 60)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60);
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}
