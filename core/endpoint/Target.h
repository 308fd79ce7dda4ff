#pragma once

#include "ProbeKind.h"
#include "net/dns/DnsRecordType.h"

#include <QString>
#include <QUrl>

#include <optional>

// Where and how one endpoint is asked: the parsed form of a profile's "target" string.
struct Target
{
    ProbeKind kind = ProbeKind::Http;
    QString host; // without IPv6 brackets
    quint16 port = 0; // 0 where the kind has none (icmp, dns)
    QUrl url; // http and https only
    DnsRecordType dnsType = DnsRecordType::A; // dns only
    QString dnsServer; // dns only; empty = the system's resolver
    quint16 dnsServerPort = 53; // dns only

    bool isHttps() const { return kind == ProbeKind::Http && url.scheme() == QLatin1String("https"); }

    // The canonical text form, e.g. "tcp://db.lan:5432" or "icmp://[::1]"; parse(toString()) gives this target back.
    QString toString() const;

    // Parses the profile forms (http://, https://, tcp://host:port, tls://host[:port], icmp://host,
    // dns://name?type=T&server=IP[:port]) and what a user would type by hand: a bare host is pinged,
    // host:port is a TCP connect, host/path is fetched over https. On failure returns nothing and
    // sets *error to a sentence saying what is wrong.
    static std::optional<Target> parse(const QString &text, QString *error = nullptr);

    friend bool operator==(const Target &, const Target &) = default;
};
