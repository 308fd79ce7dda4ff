#pragma once

#include "Setting.h"

#include <QJsonObject>

class JsonFieldReader;

// The options of an icmp endpoint: how many echo requests one probe sends, how far apart, how big.
struct IcmpOptions
{
    static constexpr Setting<int> countSetting{"count", 3, 1, 100};
    static constexpr Setting<int> spacingSetting{"interval_ms", 200, 10, 10000};
    static constexpr Setting<int> payloadSetting{"payload_bytes", 56, 16, 1400}; // 56 as ping's default

    int count = countSetting.defaultValue;
    int spacingMs = spacingSetting.defaultValue; // between the packets of one probe
    int payloadBytes = payloadSetting.defaultValue;

    static IcmpOptions read(JsonFieldReader &fields); // the "icmp" object of an endpoint
    QJsonObject write(QJsonObject source) const;

    friend bool operator==(const IcmpOptions &, const IcmpOptions &) = default;
};
