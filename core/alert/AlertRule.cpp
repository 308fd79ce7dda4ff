#include "AlertRule.h"

#include "endpoint/JsonFieldReader.h"
#include "endpoint/JsonFieldWriter.h"

#include <QJsonArray>

AlertRule AlertRule::read(JsonFieldReader &fields, const QStringList &knownChannels)
{
    AlertRule rule;
    rule.source = fields.object();
    if (!fields.has(QStringLiteral("channels")))
        *fields.problems() << QStringLiteral("%1: is missing; a rule names the channels it sends to")
                                  .arg(fields.pathOf(QStringLiteral("channels")));
    fields.stringList(QStringLiteral("channels"), &rule.channels);
    for (qsizetype i = 0; i < rule.channels.size(); ++i) {
        if (!knownChannels.contains(rule.channels.at(i)))
            *fields.problems() << QStringLiteral("%1[%2]: no channel is named \"%3\"")
                                      .arg(fields.pathOf(QStringLiteral("channels")))
                                      .arg(i)
                                      .arg(rule.channels.at(i));
    }
    QStringList eventNames;
    if (fields.has(QStringLiteral("events"))) {
        fields.stringList(QStringLiteral("events"), &eventNames);
        rule.events.clear();
        for (qsizetype i = 0; i < eventNames.size(); ++i) {
            const auto kind = alertEventKindFromName(eventNames.at(i));
            if (!kind || !ruleEventKinds().contains(*kind))
                *fields.problems() << QStringLiteral("%1[%2]: \"%3\" is not an event; events are down, recovered, "
                                                     "degraded, still_down and certificate")
                                          .arg(fields.pathOf(QStringLiteral("events")))
                                          .arg(i)
                                          .arg(eventNames.at(i));
            else if (!rule.events.contains(*kind))
                rule.events << *kind;
        }
    }
    rule.filter.read(fields);
    fields.integer(remindSetting, &rule.remindEveryMin);
    fields.integer(certificateDaysSetting, &rule.certificateDays);
    fields.collectUnknownKeys();
    return rule;
}

QJsonObject AlertRule::write() const
{
    QJsonObject object = source;
    object.insert(QStringLiteral("channels"), QJsonArray::fromStringList(channels));
    QStringList names;
    for (const AlertEventKind kind : events)
        names << alertEventKindName(kind);
    if (object.contains(QStringLiteral("events")) || events != defaultEvents())
        object.insert(QStringLiteral("events"), QJsonArray::fromStringList(names));
    filter.write(object);
    const AlertRule implied;
    JsonFieldWriter::put(object, remindSetting.jsonKey(), remindEveryMin, implied.remindEveryMin);
    JsonFieldWriter::put(object, certificateDaysSetting.jsonKey(), certificateDays, implied.certificateDays);
    return object;
}
