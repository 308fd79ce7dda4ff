#include "IcmpPacket.h"

#include <QtEndian>

namespace IcmpPacket {

namespace {

constexpr quint8 kV4EchoReply = 0;
constexpr quint8 kV4Unreachable = 3;
constexpr quint8 kV4EchoRequest = 8;
constexpr quint8 kV4TimeExceeded = 11;
constexpr quint8 kV6Unreachable = 1;
constexpr quint8 kV6TimeExceeded = 3;
constexpr quint8 kV6EchoRequest = 128;
constexpr quint8 kV6EchoReply = 129;
constexpr int kIpv6HeaderBytes = 40;
constexpr quint8 kIpv4ProtocolIcmp = 1;
constexpr quint8 kIpv6NextHeaderIcmp = 58;

quint16 read16(QByteArrayView data, qsizetype at)
{
    return qFromBigEndian<quint16>(data.data() + at);
}

// The IPv4 header's length when data starts with one, else 0; -1 when it is cut short.
qsizetype ipv4HeaderLength(QByteArrayView data)
{
    if (data.isEmpty() || (quint8(data[0]) >> 4) != 4)
        return 0; // no ICMP type has 4 in its high nibble, so this cannot be mistaken for ICMP
    const qsizetype length = qsizetype(quint8(data[0]) & 0x0f) * 4;
    return length >= 20 && length <= data.size() ? length : -1;
}

// The echo request an ICMP error quotes (after its own 8-byte header): the original IP header,
// then at least the first 8 bytes of our request; Linux quotes far more, which brings the cookie.
std::optional<Message> quotedRequest(Family family, QByteArrayView quoted)
{
    qsizetype at = 0;
    if (family == Family::V4) {
        const qsizetype ipLength = ipv4HeaderLength(quoted);
        if (ipLength <= 0 || quint8(quoted[9]) != kIpv4ProtocolIcmp)
            return std::nullopt;
        at = ipLength;
    } else {
        if (quoted.size() < kIpv6HeaderBytes || (quint8(quoted[0]) >> 4) != 6
            || quint8(quoted[6]) != kIpv6NextHeaderIcmp)
            return std::nullopt; // a request of ours never carries extension headers
        at = kIpv6HeaderBytes;
    }
    const QByteArrayView request = quoted.sliced(at);
    if (request.size() < kHeaderBytes + kCookieBytes)
        return std::nullopt;
    if (quint8(request[0]) != (family == Family::V4 ? kV4EchoRequest : kV6EchoRequest))
        return std::nullopt;
    Message message;
    message.identifier = read16(request, 4);
    message.sequence = read16(request, 6);
    message.cookie = qFromBigEndian<quint64>(request.data() + kHeaderBytes);
    return message;
}

} // namespace

quint16 checksum(QByteArrayView data)
{
    quint32 sum = 0;
    qsizetype i = 0;
    for (; i + 1 < data.size(); i += 2)
        sum += read16(data, i);
    if (i < data.size())
        sum += quint32(quint8(data[i])) << 8;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(~sum);
}

QByteArray echoRequest(Family family, quint16 identifier, quint16 sequence, QByteArrayView payload)
{
    QByteArray packet(kHeaderBytes, '\0');
    packet[0] = char(family == Family::V4 ? kV4EchoRequest : kV6EchoRequest);
    qToBigEndian<quint16>(identifier, packet.data() + 4);
    qToBigEndian<quint16>(sequence, packet.data() + 6);
    packet.append(payload.data(), payload.size());
    if (family == Family::V4)
        qToBigEndian<quint16>(checksum(packet), packet.data() + 2);
    return packet;
}

QByteArray echoPayload(quint64 cookie, int payloadBytes, quint64 sentAtNs)
{
    QByteArray payload(qMax(payloadBytes, kCookieBytes), '\0');
    qToBigEndian<quint64>(cookie, payload.data());
    qsizetype at = kCookieBytes;
    if (payload.size() >= at + 8) {
        qToBigEndian<quint64>(sentAtNs, payload.data() + at);
        at += 8;
    }
    for (qsizetype i = at; i < payload.size(); ++i)
        payload[i] = char(i & 0xff);
    return payload;
}

std::optional<Message> parse(Family family, QByteArrayView datagram)
{
    if (family == Family::V4) {
        const qsizetype ipLength = ipv4HeaderLength(datagram);
        if (ipLength < 0)
            return std::nullopt;
        datagram = datagram.sliced(ipLength);
    }
    if (datagram.size() < kHeaderBytes)
        return std::nullopt;
    const quint8 type = quint8(datagram[0]);
    const quint8 code = quint8(datagram[1]);

    const bool isReply = type == (family == Family::V4 ? kV4EchoReply : kV6EchoReply);
    if (isReply) {
        if (datagram.size() < kHeaderBytes + kCookieBytes)
            return std::nullopt;
        Message message;
        message.kind = Message::Kind::EchoReply;
        message.code = code;
        message.identifier = read16(datagram, 4);
        message.sequence = read16(datagram, 6);
        message.cookie = qFromBigEndian<quint64>(datagram.data() + kHeaderBytes);
        return message;
    }

    const bool isUnreachable = type == (family == Family::V4 ? kV4Unreachable : kV6Unreachable);
    const bool isTimeExceeded = type == (family == Family::V4 ? kV4TimeExceeded : kV6TimeExceeded);
    if (!isUnreachable && !isTimeExceeded)
        return std::nullopt;
    auto message = quotedRequest(family, datagram.sliced(kHeaderBytes));
    if (!message)
        return std::nullopt;
    message->kind = isUnreachable ? Message::Kind::Unreachable : Message::Kind::TimeExceeded;
    message->code = code;
    return message;
}

} // namespace IcmpPacket
