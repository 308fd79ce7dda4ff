#include "IcmpSocket.h"

#include <QRandomGenerator>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <net/if.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <linux/icmp.h>
#endif

namespace {

constexpr int kReceiveBufferBytes = 4 * 1024 * 1024; // room for the replies of thousands of probes in one burst

bool makeNonBlocking(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    return flags >= 0 && ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 && ::fcntl(fd, F_SETFD, FD_CLOEXEC) == 0;
}

// A raw socket would otherwise wake us for every ICMP packet of the host, including each of our own
// requests on loopback. Only echo replies and the errors that can quote a request get through.
void filterRawTypes(int fd, IcmpPacket::Family family)
{
    if (family == IcmpPacket::Family::V6) {
        icmp6_filter filter;
        ICMP6_FILTER_SETBLOCKALL(&filter);
        ICMP6_FILTER_SETPASS(ICMP6_ECHO_REPLY, &filter);
        ICMP6_FILTER_SETPASS(ICMP6_DST_UNREACH, &filter);
        ICMP6_FILTER_SETPASS(ICMP6_TIME_EXCEEDED, &filter);
        ::setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, &filter, sizeof filter);
    } else {
#ifdef Q_OS_LINUX
        icmp_filter filter{};
        filter.data = ~((1U << ICMP_ECHOREPLY) | (1U << ICMP_DEST_UNREACH) | (1U << ICMP_TIME_EXCEEDED));
        ::setsockopt(fd, SOL_RAW, ICMP_FILTER, &filter, sizeof filter);
#endif
    }
}

QHostAddress addressOf(const sockaddr_storage &storage)
{
    QHostAddress address;
    address.setAddress(reinterpret_cast<const sockaddr *>(&storage));
    return address;
}

} // namespace

std::unique_ptr<IcmpSocket> IcmpSocket::open(IcmpPacket::Family family, Mode mode, int *errorNumber)
{
    const bool v6 = family == IcmpPacket::Family::V6;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, mode == Mode::Raw ? SOCK_RAW : SOCK_DGRAM,
                            v6 ? int(IPPROTO_ICMPV6) : int(IPPROTO_ICMP));
    if (fd < 0) {
        *errorNumber = errno;
        return nullptr;
    }
    if (!makeNonBlocking(fd)) {
        *errorNumber = errno;
        ::close(fd);
        return nullptr;
    }
    // No IPV6_CHECKSUM here: the kernel always computes the ICMPv6 checksum on ICMPv6 sockets, and
    // Linux refuses the option on them (EINVAL).
#ifdef SO_RCVBUFFORCE
    // Beyond net.core.rmem_max when the process may (CAP_NET_ADMIN); the plain request otherwise.
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &kReceiveBufferBytes, sizeof kReceiveBufferBytes) != 0)
#endif
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &kReceiveBufferBytes, sizeof kReceiveBufferBytes);
    if (mode == Mode::Raw)
        filterRawTypes(fd, family);
    *errorNumber = 0;
    return std::unique_ptr<IcmpSocket>(new IcmpSocket(fd, family, mode));
}

IcmpSocket::IcmpSocket(int fd, IcmpPacket::Family family, Mode mode)
    : m_fd(fd)
    , m_family(family)
    , m_mode(mode)
    , m_identifier(quint16(QRandomGenerator::global()->generate()))
    , m_nextSequence(quint16(QRandomGenerator::global()->generate()))
    , m_notifier(new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this))
    , m_buffer(64LL * 1024, Qt::Uninitialized)
{
    connect(m_notifier, &QSocketNotifier::activated, this, &IcmpSocket::readPending);
}

IcmpSocket::~IcmpSocket()
{
    m_notifier->setEnabled(false);
    ::close(m_fd);
}

int IcmpSocket::send(const QHostAddress &to, const QByteArray &packet)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (m_family == IcmpPacket::Family::V4) {
        auto *address = reinterpret_cast<sockaddr_in *>(&storage);
        address->sin_family = AF_INET;
        address->sin_addr.s_addr = htonl(to.toIPv4Address());
        length = sizeof(sockaddr_in);
    } else {
        auto *address = reinterpret_cast<sockaddr_in6 *>(&storage);
        address->sin6_family = AF_INET6;
        const Q_IPV6ADDR bytes = to.toIPv6Address();
        std::memcpy(&address->sin6_addr, bytes.c, sizeof bytes.c);
        const QString scope = to.scopeId();
        if (!scope.isEmpty()) {
            bool numeric = false;
            const uint index = scope.toUInt(&numeric);
            address->sin6_scope_id = numeric ? index : ::if_nametoindex(scope.toLocal8Bit().constData());
        }
        length = sizeof(sockaddr_in6);
    }
    const ssize_t sent = ::sendto(m_fd, packet.constData(), size_t(packet.size()), 0,
                                  reinterpret_cast<const sockaddr *>(&storage), length);
    return sent < 0 ? errno : 0;
}

void IcmpSocket::subscribe(quint64 cookie, Listener *listener)
{
    m_listeners.insert(cookie, listener);
}

void IcmpSocket::unsubscribe(quint64 cookie)
{
    m_listeners.remove(cookie);
}

void IcmpSocket::readPending()
{
    // One time for the whole batch: the moment we learned the socket was readable. Reading first and
    // stamping each datagram afterwards would charge a reply for the parsing of the ones before it.
    const EngineClock::time_point at = EngineClock::now();
    for (;;) {
        sockaddr_storage from{};
        socklen_t fromLength = sizeof from;
        const ssize_t got = ::recvfrom(m_fd, m_buffer.data(), size_t(m_buffer.size()), 0,
                                       reinterpret_cast<sockaddr *>(&from), &fromLength);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return; // EAGAIN: all read; anything else: nothing more to read now either
        }
        const auto message = IcmpPacket::parse(m_family, QByteArrayView(m_buffer.constData(), got));
        if (!message)
            continue;
        // A datagram socket's identifier is the kernel's; a raw socket sees everyone's.
        if (m_mode == Mode::Raw && message->identifier != m_identifier)
            continue;
        if (Listener *listener = m_listeners.value(message->cookie))
            listener->icmpMessage(*message, addressOf(from), at);
    }
}
