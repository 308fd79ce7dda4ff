#include "HostPort.h"

QString HostPort::host(const QString &host)
{
    // Only an IPv6 literal holds a colon; one already bracketed is left alone.
    if (host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('[')))
        return QLatin1Char('[') + host + QLatin1Char(']');
    return host;
}

QString HostPort::join(const QString &host, quint16 port)
{
    return HostPort::host(host) + QLatin1Char(':') + QString::number(port);
}

QString HostPort::join(const QHostAddress &address, quint16 port)
{
    return join(address.toString(), port);
}
