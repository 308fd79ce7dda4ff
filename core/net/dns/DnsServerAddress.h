#pragma once

#include <QHostAddress>

// One DNS server to ask instead of the system's resolvers (from /etc/resolv.conf).
struct DnsServerAddress
{
    QHostAddress address;
    quint16 port = 53;
};
