#include "AlertMessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace {
QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

// The summary phrase of one kind, for n events: "3 down", "1 still down".
QString phrase(AlertEventKind kind, qsizetype n)
{
    switch (kind) {
    case AlertEventKind::Down:
        return QStringLiteral("%1 down").arg(n);
    case AlertEventKind::Recovered:
        return QStringLiteral("%1 up again").arg(n);
    case AlertEventKind::Degraded:
        return QStringLiteral("%1 degraded").arg(n);
    case AlertEventKind::StillDown:
        return QStringLiteral("%1 still down").arg(n);
    case AlertEventKind::Certificate:
        return n == 1 ? QStringLiteral("1 certificate expiring") : QStringLiteral("%1 certificates expiring").arg(n);
    case AlertEventKind::Test:
        return n == 1 ? QStringLiteral("1 test") : QStringLiteral("%1 tests").arg(n);
    }
    return QString::number(n);
}

std::map<AlertEventKind, qsizetype> countsOf(const QList<AlertEvent> &events)
{
    std::map<AlertEventKind, qsizetype> counts;
    for (const AlertEvent &event : events)
        ++counts[event.kind];
    return counts;
}

QString summaryOf(const QList<AlertEvent> &events)
{
    QStringList parts;
    for (const auto &[kind, n] : countsOf(events))
        parts << phrase(kind, n);
    return parts.join(QStringLiteral(", "));
}

QJsonObject eventJson(const AlertEvent &event)
{
    QJsonObject object{
        {QStringLiteral("event"), alertEventKindName(event.kind)},
        {QStringLiteral("time"), isoTime(event.time)},
        {QStringLiteral("endpoint"), event.endpoint.name},
        {QStringLiteral("endpoint_id"), event.endpoint.id},
        {QStringLiteral("target"), event.endpoint.target},
        {QStringLiteral("tags"), QJsonArray::fromStringList(event.endpoint.tags)},
        {QStringLiteral("status"), endpointStatusName(event.status)},
        {QStringLiteral("previous"), endpointStatusName(event.previous)},
        {QStringLiteral("message"), event.line()},
    };
    if (event.errorKind != ErrorKind::None)
        object.insert(QStringLiteral("error_kind"), errorKindName(event.errorKind));
    if (!event.detail.isEmpty())
        object.insert(QStringLiteral("detail"), event.detail);
    if (event.latencyMs)
        object.insert(QStringLiteral("latency_ms"), *event.latencyMs);
    if (event.since.isValid())
        object.insert(QStringLiteral("since"), isoTime(event.since));
    if (event.durationS)
        object.insert(QStringLiteral("duration_s"), double(*event.durationS));
    if (event.certificateExpiry.isValid())
        object.insert(QStringLiteral("certificate_expiry"), isoTime(event.certificateExpiry));
    return object;
}
} // namespace

QString AlertMessage::title() const
{
    if (events.isEmpty())
        return QStringLiteral("Pingscope");
    if (events.size() == 1)
        return events.first().headline();
    const auto counts = countsOf(events);
    if (counts.size() == 1) {
        const AlertEventKind kind = counts.begin()->first;
        if (kind == AlertEventKind::Down || kind == AlertEventKind::Degraded || kind == AlertEventKind::StillDown)
            return QStringLiteral("%1 endpoints %2")
                .arg(events.size())
                .arg(phrase(kind, 0).section(QLatin1Char(' '), 1));
    }
    return summaryOf(events);
}

QString AlertMessage::neutralTitle() const
{
    return events.isEmpty() ? QStringLiteral("Pingscope") : QStringLiteral("Pingscope: ") + summaryOf(events);
}

QString AlertMessage::text() const
{
    QStringList lines;
    if (events.size() > 1)
        lines << title();
    for (qsizetype i = 0; i < events.size() && i < listedLines; ++i)
        lines << events.at(i).line();
    if (events.size() > listedLines)
        lines << QStringLiteral("… and %1 more").arg(events.size() - listedLines);
    return lines.join(QLatin1Char('\n'));
}

QString AlertMessage::severity() const
{
    const auto counts = countsOf(events);
    if (counts.contains(AlertEventKind::Down) || counts.contains(AlertEventKind::StillDown))
        return QStringLiteral("failure");
    if (counts.contains(AlertEventKind::Degraded) || counts.contains(AlertEventKind::Certificate))
        return QStringLiteral("warning");
    if (counts.contains(AlertEventKind::Recovered))
        return QStringLiteral("success");
    return QStringLiteral("info");
}

QHash<QString, QString> AlertMessage::fields() const
{
    QHash<QString, QString> fields;
    const AlertEvent first = events.isEmpty() ? AlertEvent{} : events.first();
    const auto counts = countsOf(events);
    fields.insert(QStringLiteral("event"),
                  counts.size() == 1 ? alertEventKindName(counts.begin()->first) : QStringLiteral("mixed"));
    fields.insert(QStringLiteral("endpoint_id"), first.endpoint.id);
    fields.insert(QStringLiteral("target"), first.endpoint.target);
    fields.insert(QStringLiteral("tags"), first.endpoint.tags.join(QLatin1Char(',')));
    fields.insert(QStringLiteral("status"), endpointStatusName(first.status));
    fields.insert(QStringLiteral("previous"), endpointStatusName(first.previous));
    fields.insert(QStringLiteral("error_kind"),
                  first.errorKind == ErrorKind::None ? QString() : errorKindName(first.errorKind));
    fields.insert(QStringLiteral("latency_ms"),
                  first.latencyMs ? QString::number(*first.latencyMs, 'f', 1) : QString());
    fields.insert(QStringLiteral("since"), isoTime(first.since));
    fields.insert(QStringLiteral("duration_s"), first.durationS ? QString::number(*first.durationS) : QString());
    fields.insert(QStringLiteral("certificate_expiry"), isoTime(first.certificateExpiry));
    fields.insert(QStringLiteral("time"), isoTime(first.time));
    fields.insert(QStringLiteral("count"), QString::number(events.size()));
    fields.insert(QStringLiteral("title"), title());
    fields.insert(QStringLiteral("text"), text());
    if (events.size() <= 1) {
        fields.insert(QStringLiteral("endpoint"), first.endpoint.name);
        fields.insert(QStringLiteral("message"), events.isEmpty() ? QString() : first.line());
    } else {
        QStringList names;
        for (qsizetype i = 0; i < events.size() && i < 10; ++i)
            names << events.at(i).endpoint.name;
        QString list = names.join(QStringLiteral(", "));
        if (events.size() > 10)
            list += QStringLiteral(" and %1 more").arg(events.size() - 10);
        fields.insert(QStringLiteral("endpoint"), list);
        QStringList lines = text().split(QLatin1Char('\n'));
        lines.removeFirst();
        fields.insert(QStringLiteral("message"), lines.join(QLatin1Char('\n')));
    }
    QJsonArray array;
    for (qsizetype i = 0; i < events.size() && i < listedEvents; ++i)
        array.append(eventJson(events.at(i)));
    fields.insert(QStringLiteral("events"), QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    return fields;
}

QByteArray AlertMessage::json() const
{
    QJsonArray array;
    for (qsizetype i = 0; i < events.size() && i < listedEvents; ++i)
        array.append(eventJson(events.at(i)));
    QJsonObject object{
        {QStringLiteral("title"), title()},       {QStringLiteral("text"), text()},
        {QStringLiteral("severity"), severity()}, {QStringLiteral("count"), int(events.size())},
        {QStringLiteral("events"), array},
    };
    if (events.size() > listedEvents)
        object.insert(QStringLiteral("more"), int(events.size() - listedEvents));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
