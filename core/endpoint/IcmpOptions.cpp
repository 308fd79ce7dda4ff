#include "IcmpOptions.h"

#include "JsonFieldReader.h"
#include "JsonFieldWriter.h"

IcmpOptions IcmpOptions::read(JsonFieldReader &fields)
{
    IcmpOptions icmp;
    fields.integer(countSetting, &icmp.count);
    fields.integer(spacingSetting, &icmp.spacingMs);
    fields.integer(payloadSetting, &icmp.payloadBytes);
    fields.collectUnknownKeys();
    return icmp;
}

QJsonObject IcmpOptions::write(QJsonObject object) const
{
    const IcmpOptions implied;
    JsonFieldWriter::put(object, countSetting.jsonKey(), count, implied.count);
    JsonFieldWriter::put(object, spacingSetting.jsonKey(), spacingMs, implied.spacingMs);
    JsonFieldWriter::put(object, payloadSetting.jsonKey(), payloadBytes, implied.payloadBytes);
    return object;
}
