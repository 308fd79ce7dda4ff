#include "DnsOptions.h"

#include "JsonFieldReader.h"
#include "JsonFieldWriter.h"

DnsOptions DnsOptions::read(JsonFieldReader &fields)
{
    DnsOptions dns;
    fields.string(QStringLiteral("expect"), &dns.expect);
    fields.collectUnknownKeys();
    return dns;
}

QJsonObject DnsOptions::write(QJsonObject object) const
{
    JsonFieldWriter::put(object, QStringLiteral("expect"), expect, QString());
    return object;
}
