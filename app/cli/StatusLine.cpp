#include "StatusLine.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

double milliseconds(std::chrono::microseconds duration)
{
    return double(duration.count()) / 1000.0;
}

} // namespace

QByteArray StatusLine::text(const StatusChange &change, const Endpoint &endpoint, const QDateTime &time)
{
    QString line = timestamp(time) + QLatin1String("  ") + endpoint.displayName();
    if (!endpoint.name.isEmpty())
        line += QLatin1String(" (") + endpoint.probe.target.toString() + QLatin1Char(')');
    line += QLatin1String("  ") + endpointStatusName(change.from) + QLatin1String(" -> ")
        + endpointStatusName(change.to);
    if (change.result) {
        const ProbeResult &result = *change.result;
        if (!result.isUp())
            line += QLatin1String("  ") + errorKindName(result.errorKind) + QLatin1String(": ") + result.errorMessage;
        else
            line += QLatin1String("  ") + QString::number(milliseconds(result.latency), 'f', 1) + QLatin1String(" ms");
        if (!result.degradedReason.isEmpty())
            line += QLatin1String(" (") + result.degradedReason + QLatin1Char(')');
    }
    return line.toUtf8();
}

QByteArray StatusLine::json(const StatusChange &change, const Endpoint &endpoint, const QDateTime &time)
{
    QJsonObject object{{QStringLiteral("time"), timestamp(time)},
                       {QStringLiteral("name"), endpoint.displayName()},
                       {QStringLiteral("target"), endpoint.probe.target.toString()},
                       {QStringLiteral("kind"), probeKindName(endpoint.probe.target.kind)},
                       {QStringLiteral("from"), endpointStatusName(change.from)},
                       {QStringLiteral("to"), endpointStatusName(change.to)},
                       {QStringLiteral("latency_ms"), QJsonValue::Null},
                       {QStringLiteral("error"), QJsonValue::Null},
                       {QStringLiteral("degraded_reason"), QJsonValue::Null}};
    if (change.result) {
        const ProbeResult &result = *change.result;
        if (result.isUp())
            object.insert(QStringLiteral("latency_ms"), std::round(double(result.latency.count())) / 1000.0);
        else
            object.insert(QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("kind"), errorKindName(result.errorKind)},
                                      {QStringLiteral("message"), result.errorMessage}});
        if (!result.degradedReason.isEmpty())
            object.insert(QStringLiteral("degraded_reason"), result.degradedReason);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
