// IcmpPacket::parse, every datagram an ICMP socket delivers (raw IPv4 with its IP header, IPv6 and
// datagram sockets without). The first byte picks the family (even: IPv4, odd: IPv6), the rest is
// the datagram. Beyond not crashing: an echo reply is read from the bytes where the header puts it,
// and an echo request built from the same bytes as payload reads back as the reply it would get.

#include "FuzzSupport.h"
#include "net/icmp/IcmpPacket.h"

#include <QtEndian>

using IcmpPacket::Family;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const Family family = data[0] % 2 == 0 ? Family::V4 : Family::V6;
    const QByteArray datagram(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const auto message = IcmpPacket::parse(family, datagram);
    if (message && message->kind == IcmpPacket::Message::Kind::EchoReply) {
        // The ICMP header starts after the IPv4 header, if any: its length is in the first byte.
        const qsizetype at = family == Family::V4 && (quint8(datagram[0]) >> 4) == 4 ? (datagram[0] & 0x0f) * 4 : 0;
        FUZZ_CHECK(datagram.size() >= at + IcmpPacket::kHeaderBytes + IcmpPacket::kCookieBytes, datagram.toHex());
        FUZZ_CHECK(message->identifier == qFromBigEndian<quint16>(datagram.constData() + at + 4), datagram.toHex());
        FUZZ_CHECK(message->sequence == qFromBigEndian<quint16>(datagram.constData() + at + 6), datagram.toHex());
        FUZZ_CHECK(message->cookie == qFromBigEndian<quint64>(datagram.constData() + at + 8), datagram.toHex());
    }

    // Our own request, with the datagram's bytes as payload, and the reply a peer makes of it.
    const quint16 identifier = size >= 3 ? quint16(data[1] << 8 | data[2]) : 0;
    const quint64 cookie = 0x0123456789abcdefULL;
    QByteArray payload = IcmpPacket::echoPayload(cookie, 8, 0) + datagram;
    QByteArray request = IcmpPacket::echoRequest(family, identifier, quint16(size), payload);
    if (family == Family::V4)
        FUZZ_CHECK(IcmpPacket::checksum(request) == 0, request.toHex());
    FUZZ_CHECK(!IcmpPacket::parse(family, request), request.toHex()); // our own request, seen on loopback
    request[0] = char(family == Family::V4 ? 0 : 129);
    const auto reply = IcmpPacket::parse(family, request);
    FUZZ_CHECK(reply && reply->kind == IcmpPacket::Message::Kind::EchoReply && reply->identifier == identifier
                   && reply->sequence == quint16(size) && reply->cookie == cookie,
               request.toHex());
    return 0;
}
