#pragma once

#include "IcmpSocket.h"
#include "net/NetError.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

// Hands out the one ICMP socket per family that all running probes share, opening it on first use
// and closing it when the last probe using it ends. Tries the socket kinds in order (by default the
// unprivileged datagram socket, then a raw one) and, when none opens, says how to allow ICMP.
// Not thread-safe: probes and the pool live on one thread (the monitor's).
class IcmpSocketPool final
{
    Q_DISABLE_COPY_MOVE(IcmpSocketPool)

public:
    using Opener = std::function<std::unique_ptr<IcmpSocket>(IcmpPacket::Family, IcmpSocket::Mode, int *errorNumber)>;

    // Tests narrow the order (datagram only, raw only, none) or replace how a socket is opened.
    explicit IcmpSocketPool(QList<IcmpSocket::Mode> order = {IcmpSocket::Mode::Datagram, IcmpSocket::Mode::Raw},
                            Opener opener = &IcmpSocket::open);

    // The pool of the application's thread, used by probes that are not given one.
    static IcmpSocketPool &shared();

    // The shared socket of the family, or nothing with *failure set.
    std::shared_ptr<IcmpSocket> acquire(IcmpPacket::Family family, NetError *failure);

    // The one-line message of the permission failure, naming this program.
    static QString permissionMessage();

private:
    QList<IcmpSocket::Mode> m_order;
    Opener m_opener;
    std::weak_ptr<IcmpSocket> m_v4;
    std::weak_ptr<IcmpSocket> m_v6;
};
