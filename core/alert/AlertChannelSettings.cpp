#include "AlertChannelSettings.h"

#include "AlertTemplate.h"
#include "endpoint/HttpOptions.h"
#include "endpoint/JsonFieldReader.h"
#include "endpoint/JsonFieldWriter.h"
#include "net/NameTable.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

using JsonFieldWriter::put;

namespace {
constexpr NameTable<AlertChannelType, 4> typeNames{{
    {AlertChannelType::Webhook, "webhook"},
    {AlertChannelType::Apprise, "apprise"},
    {AlertChannelType::Command, "command"},
    {AlertChannelType::Desktop, "desktop"},
}};

const QString secretField = QStringLiteral("{secret}");

void checkTemplate(JsonFieldReader &fields, const QString &path, const QString &text)
{
    const QStringList unknown = AlertTemplate::unknownFields(text);
    if (!unknown.isEmpty())
        *fields.problems() << QStringLiteral("%1: {%2} is not a field; the fields are {%3}")
                                  .arg(path, unknown.first(), AlertTemplate::fieldNames().join(QStringLiteral("}, {")));
}

// The keys only some types take, and which.
struct TypedKey
{
    const char *key;
    QList<AlertChannelType> types;
};
const QList<TypedKey> typedKeys{
    {"url", {AlertChannelType::Webhook, AlertChannelType::Apprise}},
    {"method", {AlertChannelType::Webhook}},
    {"headers", {AlertChannelType::Webhook}},
    {"body", {AlertChannelType::Webhook}},
    {"retries", {AlertChannelType::Webhook}},
    {"command", {AlertChannelType::Command}},
    {"sound", {AlertChannelType::Desktop}},
    {"sound_file", {AlertChannelType::Desktop}},
};
} // namespace

QString alertChannelTypeName(AlertChannelType type)
{
    return nameIn(typeNames, type);
}

std::optional<AlertChannelType> alertChannelTypeFromName(const QString &name)
{
    return valueIn(typeNames, name);
}

bool AlertChannelSettings::usesSecret() const
{
    if (url.contains(secretField) || body.contains(secretField))
        return true;
    for (const auto &[name, value] : headers) {
        if (value.contains(secretField))
            return true;
    }
    for (const QString &part : command) {
        if (part.contains(secretField))
            return true;
    }
    return false;
}

AlertChannelSettings AlertChannelSettings::read(JsonFieldReader &fields)
{
    AlertChannelSettings channel;
    channel.source = fields.object();
    if (!fields.has(QStringLiteral("name")))
        *fields.problems() << QStringLiteral("%1: is missing; rules name the channels they send to")
                                  .arg(fields.pathOf(QStringLiteral("name")));
    else if (fields.string(QStringLiteral("name"), &channel.name) && channel.name.trimmed().isEmpty())
        fields.problem(QStringLiteral("name"), QStringLiteral("must not be empty"));

    QString typeText;
    if (!fields.has(QStringLiteral("type"))) {
        *fields.problems() << QStringLiteral("%1: is missing; it is webhook, apprise, command or desktop")
                                  .arg(fields.pathOf(QStringLiteral("type")));
    } else if (fields.string(QStringLiteral("type"), &typeText)) {
        if (const auto type = alertChannelTypeFromName(typeText))
            channel.type = *type;
        else
            fields.problem(QStringLiteral("type"), QStringLiteral("must be webhook, apprise, command or desktop"));
    }
    for (const TypedKey &typed : typedKeys) {
        const QString key = QLatin1String(typed.key);
        if (channel.source.contains(key) && !typed.types.contains(channel.type)) {
            QStringList names;
            for (const AlertChannelType type : typed.types)
                names << alertChannelTypeName(type);
            fields.problem(
                key, QStringLiteral("only %1 channels take \"%2\"").arg(names.join(QStringLiteral(" and ")), key));
        }
    }
    fields.boolean(QStringLiteral("enabled"), &channel.enabled);

    const bool needsUrl = channel.type == AlertChannelType::Webhook || channel.type == AlertChannelType::Apprise;
    if (needsUrl && !fields.has(QStringLiteral("url"))) {
        *fields.problems() << QStringLiteral("%1: is missing; a %2 channel sends to a URL")
                                  .arg(fields.pathOf(QStringLiteral("url")), alertChannelTypeName(channel.type));
    } else if (fields.string(QStringLiteral("url"), &channel.url) && needsUrl) {
        const QUrl url(QString(channel.url).replace(secretField, QStringLiteral("secret")));
        const QString scheme = url.scheme().toLower();
        // A URL that is all secret (a Slack hook) can only be checked once the secret is known.
        const bool secretUrl = channel.url.startsWith(secretField);
        if (channel.type == AlertChannelType::Webhook && !secretUrl
            && (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
                || url.host().isEmpty()))
            fields.problem(QStringLiteral("url"), QStringLiteral("must be an http:// or https:// URL"));
        if (channel.type == AlertChannelType::Apprise && !secretUrl && !channel.url.contains(QLatin1String("://")))
            fields.problem(QStringLiteral("url"),
                           QStringLiteral("must be an Apprise URL, as \"ntfys://ntfy.example.com/topic\""));
    }
    QString method;
    if (fields.string(QStringLiteral("method"), &method)) {
        if (HttpOptions::isMethod(method))
            channel.method = method.toUpper().toLatin1();
        else
            fields.problem(QStringLiteral("method"), QStringLiteral("must be an HTTP method such as POST or PUT"));
    }
    if (const auto headers = fields.object(QStringLiteral("headers"))) {
        for (auto it = headers->begin(); it != headers->end(); ++it) {
            const QString path = fields.pathOf(QStringLiteral("headers.")) + it.key();
            if (!HttpOptions::isHeaderName(it.key()))
                *fields.problems() << QStringLiteral("%1: is not a valid header name").arg(path);
            else if (!it.value().isString() || it.value().toString().contains(QLatin1Char('\n'))
                     || it.value().toString().contains(QLatin1Char('\r')))
                *fields.problems() << QStringLiteral("%1: must be a one-line string (got %2)")
                                          .arg(path, JsonFieldReader::describe(it.value()));
            else {
                checkTemplate(fields, path, it.value().toString());
                channel.headers.append({it.key(), it.value().toString()});
            }
        }
    }
    if (fields.string(QStringLiteral("body"), &channel.body))
        checkTemplate(fields, fields.pathOf(QStringLiteral("body")), channel.body);

    if (channel.type == AlertChannelType::Command && !fields.has(QStringLiteral("command"))) {
        *fields.problems() << QStringLiteral(
                                  "%1: is missing; a command channel runs a program, as [\"/usr/bin/logger\", "
                                  "\"-t\", \"pingscope\"]")
                                  .arg(fields.pathOf(QStringLiteral("command")));
    } else {
        fields.stringList(QStringLiteral("command"), &channel.command);
        if (channel.type == AlertChannelType::Command
            && (channel.command.isEmpty() || channel.command.first().isEmpty()))
            fields.problem(QStringLiteral("command"), QStringLiteral("must name a program, then its arguments"));
        for (qsizetype i = 0; i < channel.command.size(); ++i)
            checkTemplate(fields, QStringLiteral("%1[%2]").arg(fields.pathOf(QStringLiteral("command"))).arg(i),
                          channel.command.at(i));
    }
    fields.boolean(QStringLiteral("sound"), &channel.sound);
    fields.string(QStringLiteral("sound_file"), &channel.soundFile);
    fields.number(timeoutSetting, &channel.timeoutS);
    if (channel.timeoutS > timeoutSetting.maximum)
        fields.problem(timeoutSetting.jsonKey(), QStringLiteral("must be at most %1 s").arg(timeoutSetting.maximum));
    fields.integer(retriesSetting, &channel.retries);
    fields.number(minIntervalSetting, &channel.minIntervalS);
    if (channel.minIntervalS > minIntervalSetting.maximum)
        fields.problem(minIntervalSetting.jsonKey(),
                       QStringLiteral("must be at most %1 s").arg(minIntervalSetting.maximum));

    if (const auto secret = fields.object(QStringLiteral("secret"))) {
        JsonFieldReader secretFields = fields.nested(QStringLiteral("secret"), *secret);
        secretFields.string(QStringLiteral("keychain"), &channel.secret.keychain);
        if (secretFields.string(QStringLiteral("env"), &channel.secret.env)) {
            static const QRegularExpression variable(QStringLiteral("\\A[A-Za-z_][A-Za-z0-9_]*\\z"));
            if (!variable.match(channel.secret.env).hasMatch())
                secretFields.problem(QStringLiteral("env"),
                                     QStringLiteral("must be the name of an environment variable"));
        }
        if (!channel.secret.isSet())
            fields.problem(QStringLiteral("secret"),
                           QStringLiteral("must name a \"keychain\" entry or an \"env\" variable"));
        secretFields.collectUnknownKeys();
    }
    if (channel.usesSecret() && !channel.secret.isSet())
        *fields.problems() << QStringLiteral(
                                  "%1: uses {secret}, but the channel has no \"secret\" saying where it is kept")
                                  .arg(fields.pathOf(QStringLiteral("secret")));
    fields.collectUnknownKeys();
    return channel;
}

QJsonObject AlertChannelSettings::write() const
{
    QJsonObject object = source;
    const AlertChannelSettings implied;
    object.insert(QStringLiteral("name"), name);
    object.insert(QStringLiteral("type"), alertChannelTypeName(type));
    put(object, QStringLiteral("enabled"), enabled, true);
    put(object, QStringLiteral("url"), url, QString());
    if (type == AlertChannelType::Webhook) {
        put(object, QStringLiteral("method"), QString::fromLatin1(method), QString::fromLatin1(implied.method));
        QJsonObject headerObject;
        for (const auto &[key, value] : headers)
            headerObject.insert(key, value);
        JsonFieldWriter::putSection(object, QStringLiteral("headers"), headerObject);
        put(object, QStringLiteral("body"), body, QString());
        put(object, retriesSetting.jsonKey(), retries, implied.retries);
    }
    if (type == AlertChannelType::Command || object.contains(QStringLiteral("command")))
        object.insert(QStringLiteral("command"), QJsonArray::fromStringList(command));
    if (type == AlertChannelType::Desktop) {
        put(object, QStringLiteral("sound"), sound, false);
        put(object, QStringLiteral("sound_file"), soundFile, QString());
    }
    put(object, timeoutSetting.jsonKey(), timeoutS, implied.timeoutS);
    put(object, minIntervalSetting.jsonKey(), minIntervalS, implied.minIntervalS);
    if (secret.isSet()) {
        QJsonObject secretObject = source.value(QStringLiteral("secret")).toObject();
        put(secretObject, QStringLiteral("keychain"), secret.keychain, QString());
        put(secretObject, QStringLiteral("env"), secret.env, QString());
        if (secret.keychain.isEmpty())
            secretObject.remove(QStringLiteral("keychain"));
        if (secret.env.isEmpty())
            secretObject.remove(QStringLiteral("env"));
        object.insert(QStringLiteral("secret"), secretObject);
    } else {
        object.remove(QStringLiteral("secret"));
    }
    // A channel whose type changed keeps no key of its old type, which a reader would refuse.
    for (const TypedKey &typed : typedKeys) {
        if (!typed.types.contains(type))
            object.remove(QLatin1String(typed.key));
    }
    return object;
}
