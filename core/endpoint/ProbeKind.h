#pragma once

#include <QString>

#include <optional>

// What a target is asked with. https is the http kind with TLS; the scheme lives in the URL.
enum class ProbeKind { Http, Tcp, Tls, Icmp, Dns };

QString probeKindName(ProbeKind kind);
std::optional<ProbeKind> probeKindFromName(const QString &name);

enum class DnsRecordType { A, AAAA, CNAME, MX, TXT, NS, SRV };

QString dnsRecordTypeName(DnsRecordType type);
std::optional<DnsRecordType> dnsRecordTypeFromName(const QString &name);

enum class IpFamily { Any, V4, V6 };

QString ipFamilyName(IpFamily family);
std::optional<IpFamily> ipFamilyFromName(const QString &name);
