#pragma once

#include "endpoint/Setting.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

class JsonFieldReader;

enum class AlertChannelType { Webhook, Apprise, Command, Desktop };

QString alertChannelTypeName(AlertChannelType type); // "webhook", "apprise", "command", "desktop"
std::optional<AlertChannelType> alertChannelTypeFromName(const QString &name);

// Where a channel's secret (a token, a password, a whole URL) is kept instead of the profile: in
// the environment variable env if it is set, else in the OS keychain under keychain. The channel's
// url, headers, body and command use it as the field {secret}.
struct SecretReference
{
    QString keychain; // the entry's name under the service "pingscope"
    QString env; // an environment variable

    bool isSet() const { return !keychain.isEmpty() || !env.isEmpty(); }
    friend bool operator==(const SecretReference &, const SecretReference &) = default;
};

// One way alerts reach people: a webhook, an Apprise URL (90+ services), a program, or the desktop.
struct AlertChannelSettings
{
    static constexpr Setting<double> timeoutSetting{"timeout_s", 10, 0.1, 600};
    static constexpr Setting<int> retriesSetting{"retries", 2, 0, 10};
    // At most one message per this many seconds; what comes in between goes in the next one.
    static constexpr Setting<double> minIntervalSetting{"min_interval_s", 60, 0, 86400};

    QString name;
    AlertChannelType type = AlertChannelType::Webhook;
    bool enabled = true;
    QString url; // webhook, apprise
    QByteArray method = "POST"; // webhook
    QList<std::pair<QString, QString>> headers; // webhook; values are templates
    QString body; // webhook; a template; empty = the standard JSON document
    QStringList command; // command: the program, then its arguments (templates)
    bool sound = false; // desktop: a sound as well as the notification
    QString soundFile; // desktop: played instead of the system's beep
    double timeoutS = timeoutSetting.defaultValue;
    int retries = retriesSetting.defaultValue; // webhook
    double minIntervalS = minIntervalSetting.defaultValue;
    SecretReference secret;

    QJsonObject source;

    bool usesSecret() const; // {secret} appears in what it sends

    static AlertChannelSettings read(JsonFieldReader &fields);
    QJsonObject write() const;

    friend bool operator==(const AlertChannelSettings &a, const AlertChannelSettings &b)
    {
        return a.name == b.name && a.type == b.type && a.enabled == b.enabled && a.url == b.url && a.method == b.method
            && a.headers == b.headers && a.body == b.body && a.command == b.command && a.sound == b.sound
            && a.soundFile == b.soundFile && a.timeoutS == b.timeoutS && a.retries == b.retries
            && a.minIntervalS == b.minIntervalS && a.secret == b.secret;
    }
};
