#pragma once

#include <QString>

#include <optional>

// The record types a dns query can ask for.
enum class DnsRecordType { A, AAAA, CNAME, MX, TXT, NS, SRV };

QString dnsRecordTypeName(DnsRecordType type); // "A", "AAAA", …
std::optional<DnsRecordType> dnsRecordTypeFromName(const QString &name); // any case
