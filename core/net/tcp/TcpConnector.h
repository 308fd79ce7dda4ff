#pragma once

#include "net/dns/HostResolver.h"
#include "probe/ProbeContext.h"
#include "probe/ProbeResult.h"

#include <QAbstractSocket>
#include <QCoroTask>
#include <QHostAddress>

#include <memory>

struct ConnectOutcome
{
    bool connected = false;
    ProbeResult failure; // when not connected: kind, message, started, latency and the phases so far
    PhaseTimings phases; // dns, and connect over every attempt (as curl's time_connect)
    QHostAddress peer;
};

// The first half of the tcp and tls probes: look the host up, then connect to its addresses in
// the resolver's order until one accepts. The addresses are tried one after another, not raced as
// in Happy Eyeballs (RFC 8305): a probe wants the plain answer "does it connect", and a refused or
// unreachable address fails fast, so the next one still gets most of the time left.
class TcpConnector final
{
public:
    static QCoro::Task<ConnectOutcome> connect(QAbstractSocket *socket, std::shared_ptr<HostResolver> resolver,
                                               QString host, quint16 port, IpFamily family,
                                               std::shared_ptr<ProbeContext> context);

    // "127.0.0.1:443" or "[::1]:443"
    static QString hostPort(const QHostAddress &address, quint16 port);

    // A socket error while connecting or talking, as a failure a person understands.
    static ProbeResult socketFailure(QAbstractSocket::SocketError error, const QString &errorString,
                                     const QString &where);
};
