#include "ResultJson.h"

#include <QJsonArray>

#include <chrono>
#include <cmath>

namespace {

// Milliseconds rounded to the microsecond, the precision the probes measure.
double milliseconds(std::chrono::microseconds duration)
{
    return std::round(double(duration.count())) / 1000.0;
}

QJsonValue nullOr(bool present, const QJsonValue &value)
{
    return present ? value : QJsonValue(QJsonValue::Null);
}

QString isoMillis(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject phases(const PhaseTimings &timings)
{
    QJsonObject object;
    const auto add = [&object](const char *name, const std::optional<std::chrono::microseconds> &value) {
        if (value)
            object.insert(QLatin1String(name), milliseconds(*value));
    };
    add("dns", timings.dns);
    add("connect", timings.connect);
    add("tls", timings.tls);
    add("ttfb", timings.ttfb);
    add("transfer", timings.transfer);
    return object;
}

} // namespace

QJsonObject ResultJson::outcome(const CheckOutcome &outcome)
{
    const ProbeResult &result = outcome.result;
    const bool down = result.status == ProbeStatus::Down;
    QJsonObject object;
    object.insert(QStringLiteral("name"), outcome.endpoint.displayName());
    object.insert(QStringLiteral("target"), outcome.endpoint.probe.target.toString());
    object.insert(QStringLiteral("kind"), probeKindName(outcome.endpoint.probe.target.kind));
    object.insert(QStringLiteral("status"), probeStatusName(result.status));
    // A failed probe has no latency to speak of; how long it took to fail is elapsed_ms.
    object.insert(QStringLiteral("latency_ms"), nullOr(!down, milliseconds(result.latency)));
    object.insert(QStringLiteral("elapsed_ms"), milliseconds(result.latency));
    object.insert(QStringLiteral("phases_ms"), phases(result.phases));
    object.insert(QStringLiteral("http_status"), nullOr(result.httpStatus.has_value(), result.httpStatus.value_or(0)));
    object.insert(QStringLiteral("bytes"), double(result.bytes));
    object.insert(QStringLiteral("cert_expires"),
                  nullOr(result.certificate.has_value(),
                         result.certificate ? result.certificate->notAfter.toUTC().toString(Qt::ISODate) : QString()));
    if (result.icmp) {
        QJsonArray rtts;
        for (const auto rtt : result.icmp->rtts)
            rtts.append(milliseconds(rtt));
        object.insert(QStringLiteral("icmp"),
                      QJsonObject{{QStringLiteral("sent"), result.icmp->sent},
                                  {QStringLiteral("received"), result.icmp->received},
                                  {QStringLiteral("rtt_ms"), rtts}});
    } else {
        object.insert(QStringLiteral("icmp"), QJsonValue::Null);
    }
    if (!result.dnsAnswers.isEmpty())
        object.insert(QStringLiteral("dns_answers"), QJsonArray::fromStringList(result.dnsAnswers));
    object.insert(QStringLiteral("error"),
                  nullOr(down,
                         QJsonObject{{QStringLiteral("kind"), errorKindName(result.errorKind)},
                                     {QStringLiteral("message"), result.errorMessage}}));
    object.insert(QStringLiteral("degraded_reason"), nullOr(!result.degradedReason.isEmpty(), result.degradedReason));
    object.insert(QStringLiteral("started"), nullOr(result.started.isValid(), isoMillis(result.started)));
    return object;
}

QJsonObject ResultJson::document(const QList<CheckOutcome> &outcomes, const CheckSummary &summary)
{
    QJsonArray results;
    for (const CheckOutcome &item : outcomes)
        results.append(outcome(item));
    return QJsonObject{{QStringLiteral("results"), results},
                       {QStringLiteral("summary"),
                        QJsonObject{{QStringLiteral("up"), summary.up},
                                    {QStringLiteral("degraded"), summary.degraded},
                                    {QStringLiteral("down"), summary.down},
                                    {QStringLiteral("elapsed_ms"), std::round(summary.elapsedMs * 1000) / 1000}}}};
}
