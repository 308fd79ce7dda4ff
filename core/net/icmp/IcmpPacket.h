#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

// Echo requests and what comes back, as bytes on the wire. Pure functions, so the parsing of
// every reply a socket can see (our own requests on loopback, other programs' replies, ICMP errors
// quoting our request) is tested without a network.
namespace IcmpPacket {

enum class Family { V4, V6 };

// Every echo payload starts with this: a per-probe random cookie, so a reply is ours even when
// the kernel rewrote the identifier (datagram sockets) or another program uses the same one.
constexpr int kCookieBytes = 8;
constexpr int kHeaderBytes = 8; // type, code, checksum, identifier, sequence

// The Internet checksum (RFC 1071) of data.
quint16 checksum(QByteArrayView data);

// An echo request with the payload after the header. ICMPv4 carries our checksum; ICMPv6's is left
// zero because the kernel must compute it over the IPv6 pseudo-header (RFC 3542 §3.1).
QByteArray echoRequest(Family family, quint16 identifier, quint16 sequence, QByteArrayView payload);

// A payload of the given size starting with the cookie (and the send time, when it fits),
// padded the way ping pads. Never shorter than the cookie.
QByteArray echoPayload(quint64 cookie, int payloadBytes, quint64 sentAtNs);

struct Message
{
    enum class Kind {
        EchoReply, // an answer: identifier, sequence and cookie are the reply's
        Unreachable, // an error quoting one of our echo requests: identifier, sequence and cookie are the request's
        TimeExceeded, // likewise, a TTL (hop limit) ran out on the way
    };
    Kind kind = Kind::EchoReply;
    quint8 code = 0;
    quint16 identifier = 0;
    quint16 sequence = 0;
    quint64 cookie = 0;
};

// Reads one datagram from an ICMP socket. IPv4 raw sockets (and macOS datagram ones) deliver the
// IP header first; it is skipped when present. Returns nothing for anything that is neither an echo
// reply nor an error quoting an echo request with a cookie (our own requests seen on loopback, other
// ICMP traffic, truncated packets).
std::optional<Message> parse(Family family, QByteArrayView datagram);

} // namespace IcmpPacket
