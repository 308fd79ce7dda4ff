#pragma once

#include <QHostAddress>
#include <QString>

// The one spelling of "host:port" in messages, URLs and labels: an IPv6 address in brackets
// ("[::1]:443"), anything else as it is ("127.0.0.1:443", "db.lan:5432").
namespace HostPort {
QString host(const QString &host); // "[::1]" for an IPv6 literal, else host unchanged
QString join(const QString &host, quint16 port);
QString join(const QHostAddress &address, quint16 port);
} // namespace HostPort
