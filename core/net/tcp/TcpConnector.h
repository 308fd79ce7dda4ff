#pragma once

#include "net/IpFamily.h"
#include "net/NetContext.h"
#include "net/NetError.h"
#include "net/PhaseTimings.h"
#include "net/dns/HostResolver.h"

#include <QAbstractSocket>
#include <QCoroTask>
#include <QHostAddress>

#include <memory>

struct ConnectOutcome
{
    bool connected = false;
    NetError error; // when not connected
    PhaseTimings phases; // dns, and connect over every attempt (as curl's time_connect), as far as they got
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
                                               std::shared_ptr<NetContext> context);

    // A socket error while connecting or talking, as a failure a person understands.
    static NetError socketFailure(QAbstractSocket::SocketError error, const QString &errorString, const QString &where);
};
