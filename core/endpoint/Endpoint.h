#pragma once

#include "StatusCodeSet.h"
#include "Target.h"
#include "net/IpFamily.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

struct HttpOptions
{
    QByteArray method = "GET";
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    StatusCodeSet expectStatus;
    QString expectBody; // the body must contain this
    QString expectBodyRegex; // the body must match this
    QString rejectBody; // the body must not contain this
    int maxRedirects = 5; // 0 = do not follow
    bool verifyTls = true;
    QString caFile;
    qint64 maxBodyBytes = 1024 * 1024;
    bool reuseConnection = false; // by default every probe opens a fresh connection and looks the name up anew

    friend bool operator==(const HttpOptions &, const HttpOptions &) = default;
};

struct IcmpOptions
{
    int count = 3;
    int spacingMs = 200; // between the packets of one probe
    int payloadBytes = 56; // as ping's default

    friend bool operator==(const IcmpOptions &, const IcmpOptions &) = default;
};

struct DnsOptions
{
    QString expect; // an answer that must be among the records; empty = any answer

    friend bool operator==(const DnsOptions &, const DnsOptions &) = default;
};

// One thing the user watches, with every setting resolved (profile defaults already applied).
struct Endpoint
{
    QString name;
    Target target;
    bool enabled = true;
    double intervalS = 30;
    std::optional<double> downIntervalS; // probe a Down endpoint this often instead
    int timeoutMs = 5000;
    int failureThreshold = 2;
    std::optional<int> degradedMs;
    int certWarningDays = 14;
    IpFamily ipFamily = IpFamily::Any;
    QStringList tags;
    HttpOptions http;
    IcmpOptions icmp;
    DnsOptions dns;

    // The JSON object this endpoint was read from, so keys this version does not know survive a save.
    QJsonObject source;

    // The name if set, else the target's text.
    QString displayName() const { return name.isEmpty() ? target.toString() : name; }
};
