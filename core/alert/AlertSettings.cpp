#include "AlertSettings.h"

#include "endpoint/Endpoint.h"
#include "endpoint/JsonFieldReader.h"
#include "endpoint/JsonFieldWriter.h"

#include <QJsonArray>

namespace {
// Calls read(itemFields) for each object in the list under key; other items are problems.
template<typename Read> void readList(JsonFieldReader &fields, const QString &key, const QString &what, Read read)
{
    if (!fields.has(key))
        return;
    const QJsonValue value = fields.object().value(key);
    if (!value.isArray())
        return fields.problem(key, QStringLiteral("must be a list of %1").arg(what));
    const QJsonArray items = value.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemKey = QStringLiteral("%1[%2]").arg(key).arg(i);
        if (!items.at(i).isObject()) {
            *fields.problems() << QStringLiteral("%1: must be an object (got %2)")
                                      .arg(fields.pathOf(itemKey), JsonFieldReader::describe(items.at(i)));
            continue;
        }
        JsonFieldReader item = fields.nested(itemKey, items.at(i).toObject());
        read(item);
    }
}

template<typename T> QJsonArray writeList(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.write());
    return array;
}
} // namespace

const AlertChannelSettings *AlertSettings::channel(const QString &name) const
{
    for (const AlertChannelSettings &channel : channels) {
        if (channel.name == name)
            return &channel;
    }
    return nullptr;
}

bool AlertSettings::inMaintenance(const AlertEndpoint &endpoint, const QDateTime &time) const
{
    for (const MaintenanceWindow &window : maintenance) {
        if (window.covers(endpoint, time))
            return true;
    }
    return false;
}

bool AlertSettings::inMaintenance(const Endpoint &endpoint, const QDateTime &time) const
{
    return inMaintenance(AlertEndpoint::of(endpoint), time);
}

std::optional<QDateTime> AlertSettings::nextMaintenanceChange(const QDateTime &time) const
{
    std::optional<QDateTime> next;
    for (const MaintenanceWindow &window : maintenance) {
        const auto change = window.nextChangeAfter(time);
        if (change && (!next || *change < *next))
            next = change;
    }
    return next;
}

AlertSettings AlertSettings::read(JsonFieldReader &fields)
{
    AlertSettings settings;
    settings.source = fields.object();
    QStringList names;
    readList(fields, QStringLiteral("channels"), QStringLiteral("channels"), [&](JsonFieldReader &item) {
        AlertChannelSettings channel = AlertChannelSettings::read(item);
        if (!channel.name.isEmpty() && names.contains(channel.name))
            item.problem(QStringLiteral("name"), QStringLiteral("another channel has this name"));
        names << channel.name;
        settings.channels << channel;
    });
    readList(fields, QStringLiteral("rules"), QStringLiteral("rules"),
             [&](JsonFieldReader &item) { settings.rules << AlertRule::read(item, names); });
    readList(fields, QStringLiteral("maintenance"), QStringLiteral("maintenance windows"),
             [&](JsonFieldReader &item) { settings.maintenance << MaintenanceWindow::read(item); });
    fields.number(groupSetting, &settings.groupS);
    if (settings.groupS > groupSetting.maximum)
        fields.problem(groupSetting.jsonKey(), QStringLiteral("must be at most %1 s").arg(groupSetting.maximum));
    fields.collectUnknownKeys();
    return settings;
}

QJsonObject AlertSettings::write() const
{
    QJsonObject object = source;
    const auto putList = [&](const QString &key, const QJsonArray &array) {
        if (!array.isEmpty() || object.contains(key))
            object.insert(key, array);
    };
    putList(QStringLiteral("channels"), writeList(channels));
    putList(QStringLiteral("rules"), writeList(rules));
    putList(QStringLiteral("maintenance"), writeList(maintenance));
    JsonFieldWriter::put(object, groupSetting.jsonKey(), groupS, groupSetting.defaultValue);
    return object;
}
