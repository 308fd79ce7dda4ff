#pragma once

#include "net/icmp/IcmpPacket.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QSocketNotifier>

#include <cstring>
#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// Plays a router on IPv4 loopback: watches for echo requests (with a raw socket, which sees every
// ICMP packet of the namespace) and answers each with an ICMP error quoting it, sent from its own
// loopback address. Only for a private network namespace whose loopback ignores echo requests, so
// that the error is the only answer. Not a QObject subclass: the notifier's lambda has this as context.
class FakeRouter final
{
public:
    FakeRouter(QHostAddress from, quint8 type, quint8 code) : m_type(type), m_code(code)
    {
        // Two sockets: one bound to the router's address would only see packets sent to that address.
        m_fd = ::socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
        m_sender = ::socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
        sockaddr_in source{};
        source.sin_family = AF_INET;
        source.sin_addr.s_addr = htonl(from.toIPv4Address());
        if (m_fd < 0 || m_sender < 0 || ::bind(m_sender, reinterpret_cast<sockaddr *>(&source), sizeof source) != 0) {
            close();
            return;
        }
        m_notifier = std::make_unique<QSocketNotifier>(qintptr(m_fd), QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] { answer(); });
    }

    ~FakeRouter() { close(); }

    bool isListening() const { return m_fd >= 0; }
    int errorsSent() const { return m_errorsSent; }

private:
    void close()
    {
        m_notifier.reset();
        for (int *fd : {&m_fd, &m_sender}) {
            if (*fd >= 0)
                ::close(*fd);
            *fd = -1;
        }
    }

    void answer()
    {
        QByteArray buffer(65536, Qt::Uninitialized);
        for (;;) {
            sockaddr_in peer{};
            socklen_t peerLength = sizeof peer;
            const ssize_t got = ::recvfrom(m_fd, buffer.data(), size_t(buffer.size()), MSG_DONTWAIT,
                                           reinterpret_cast<sockaddr *>(&peer), &peerLength);
            if (got <= 0)
                return;
            const QByteArray datagram = buffer.left(got);
            const int ipLength = (quint8(datagram[0]) & 0x0f) * 4;
            if (got < ipLength + 8 || quint8(datagram[ipLength]) != 8)
                continue; // not an echo request (our own errors come by here too)
            // The error: type, code, checksum, 4 unused bytes, then the request's IP header and data.
            QByteArray error(8, '\0');
            error[0] = char(m_type);
            error[1] = char(m_code);
            error += datagram.left(ipLength + 64);
            const quint16 sum = IcmpPacket::checksum(error);
            error[2] = char(sum >> 8);
            error[3] = char(sum & 0xff);
            if (::sendto(m_sender, error.constData(), size_t(error.size()), 0, reinterpret_cast<sockaddr *>(&peer),
                         peerLength)
                > 0)
                ++m_errorsSent;
        }
    }

    int m_fd = -1; // sees the requests
    int m_sender = -1; // sends the errors from the router's address
    quint8 m_type;
    quint8 m_code;
    int m_errorsSent = 0;
    std::unique_ptr<QSocketNotifier> m_notifier;
};
