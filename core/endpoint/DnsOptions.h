#pragma once

#include <QJsonObject>
#include <QString>

class JsonFieldReader;

// The options of a dns endpoint (the record type and server are part of its target).
struct DnsOptions
{
    QString expect; // an answer that must be among the records; empty = any answer

    static DnsOptions read(JsonFieldReader &fields); // the "dns" object of an endpoint
    QJsonObject write(QJsonObject source) const;

    friend bool operator==(const DnsOptions &, const DnsOptions &) = default;
};
