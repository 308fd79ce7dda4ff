#include "DnsRecordType.h"

#include "net/NameTable.h"

namespace {
constexpr NameTable<DnsRecordType, 7> recordTypes{{
    {DnsRecordType::A, "A"},
    {DnsRecordType::AAAA, "AAAA"},
    {DnsRecordType::CNAME, "CNAME"},
    {DnsRecordType::MX, "MX"},
    {DnsRecordType::TXT, "TXT"},
    {DnsRecordType::NS, "NS"},
    {DnsRecordType::SRV, "SRV"},
}};
} // namespace

QString dnsRecordTypeName(DnsRecordType type)
{
    return nameIn(recordTypes, type);
}

std::optional<DnsRecordType> dnsRecordTypeFromName(const QString &name)
{
    return valueIn(recordTypes, name, Qt::CaseInsensitive);
}
