#include "net/icmp/IcmpPacket.h"

#include <QTest>
#include <QtEndian>

using IcmpPacket::Family;
using Kind = IcmpPacket::Message::Kind;

namespace {

constexpr quint64 kCookie = 0x0123456789abcdefULL;

// A minimal IPv4 header (no options) carrying ICMP, as a raw IPv4 socket delivers it.
QByteArray ipv4Header(int ihlWords = 5)
{
    QByteArray header(ihlWords * 4, '\0');
    header[0] = char(0x40 | ihlWords);
    header[8] = 64; // TTL
    header[9] = 1; // ICMP
    return header;
}

QByteArray ipv6Header()
{
    QByteArray header(40, '\0');
    header[0] = char(0x60);
    header[6] = 58; // ICMPv6
    header[7] = 64;
    return header;
}

// What the peer sends back: the request with the type turned into a reply.
QByteArray replyTo(QByteArray request, quint8 replyType)
{
    request[0] = char(replyType);
    return request;
}

QByteArray icmpError(quint8 type, quint8 code, const QByteArray &quoted)
{
    QByteArray error(8, '\0');
    error[0] = char(type);
    error[1] = char(code);
    return error + quoted;
}

} // namespace

class TestIcmpPacket : public QObject
{
    Q_OBJECT

private slots:
    void checksumFollowsRfc1071()
    {
        // The worked example of RFC 1071 §3: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2, checksum 220d.
        const QByteArray data = QByteArray::fromHex("0001f203f4f5f6f7");
        QCOMPARE(IcmpPacket::checksum(data), quint16(0x220d));
        // Odd length: the last byte is padded with a zero.
        QCOMPARE(IcmpPacket::checksum(QByteArray::fromHex("01")), quint16(~0x0100 & 0xffff));
    }

    void ipv4RequestChecksumVerifies()
    {
        const QByteArray request
            = IcmpPacket::echoRequest(Family::V4, 0x1234, 7, IcmpPacket::echoPayload(kCookie, 56, 42));
        QCOMPARE(request.size(), 8 + 56);
        QCOMPARE(quint8(request[0]), quint8(8));
        QCOMPARE(qFromBigEndian<quint16>(request.constData() + 4), quint16(0x1234));
        QCOMPARE(qFromBigEndian<quint16>(request.constData() + 6), quint16(7));
        QCOMPARE(IcmpPacket::checksum(request), quint16(0)); // a packet with a right checksum sums to zero
    }

    void ipv6RequestLeavesTheChecksumToTheKernel()
    {
        const QByteArray request = IcmpPacket::echoRequest(Family::V6, 1, 2, IcmpPacket::echoPayload(kCookie, 56, 0));
        QCOMPARE(quint8(request[0]), quint8(128));
        QCOMPARE(qFromBigEndian<quint16>(request.constData() + 2), quint16(0));
    }

    void payloadStartsWithTheCookieAndKeepsItsSize()
    {
        const QByteArray payload = IcmpPacket::echoPayload(kCookie, 56, 99);
        QCOMPARE(payload.size(), 56);
        QCOMPARE(qFromBigEndian<quint64>(payload.constData()), kCookie);
        QCOMPARE(qFromBigEndian<quint64>(payload.constData() + 8), quint64(99));
        QCOMPARE(IcmpPacket::echoPayload(kCookie, 0, 99).size(), IcmpPacket::kCookieBytes); // the cookie always fits
        QCOMPARE(IcmpPacket::echoPayload(kCookie, 12, 99).size(), 12);
    }

    void parsesAReplyWithAndWithoutIpHeader()
    {
        const QByteArray request
            = IcmpPacket::echoRequest(Family::V4, 0xbeef, 513, IcmpPacket::echoPayload(kCookie, 56, 0));
        const QByteArray reply = replyTo(request, 0);
        for (const QByteArray &datagram : {reply, ipv4Header() + reply, ipv4Header(6) + reply}) {
            const auto message = IcmpPacket::parse(Family::V4, datagram);
            QVERIFY(message);
            QCOMPARE(message->kind, Kind::EchoReply);
            QCOMPARE(message->identifier, quint16(0xbeef));
            QCOMPARE(message->sequence, quint16(513));
            QCOMPARE(message->cookie, kCookie);
        }
        const QByteArray reply6
            = replyTo(IcmpPacket::echoRequest(Family::V6, 3, 4, IcmpPacket::echoPayload(kCookie, 56, 0)), 129);
        const auto message6 = IcmpPacket::parse(Family::V6, reply6);
        QVERIFY(message6);
        QCOMPARE(message6->kind, Kind::EchoReply);
        QCOMPARE(message6->sequence, quint16(4));
        QCOMPARE(message6->cookie, kCookie);
    }

    void ignoresOurOwnRequestsAndOtherTraffic()
    {
        // A raw socket on loopback sees the request itself before the reply.
        const QByteArray request = IcmpPacket::echoRequest(Family::V4, 1, 1, IcmpPacket::echoPayload(kCookie, 56, 0));
        QVERIFY(!IcmpPacket::parse(Family::V4, ipv4Header() + request));
        QVERIFY(!IcmpPacket::parse(Family::V6,
                                   IcmpPacket::echoRequest(Family::V6, 1, 1, IcmpPacket::echoPayload(kCookie, 56, 0))));
        QVERIFY(!IcmpPacket::parse(Family::V4, icmpError(5, 1, ipv4Header() + request))); // a redirect
        QVERIFY(!IcmpPacket::parse(Family::V6, replyTo(request, 135))); // neighbour solicitation
    }

    void rejectsTruncatedPackets()
    {
        const QByteArray reply
            = replyTo(IcmpPacket::echoRequest(Family::V4, 1, 1, IcmpPacket::echoPayload(kCookie, 56, 0)), 0);
        QVERIFY(!IcmpPacket::parse(Family::V4, reply.left(12))); // cookie cut short
        QVERIFY(!IcmpPacket::parse(Family::V4, ipv4Header().left(10))); // header cut short
        QVERIFY(!IcmpPacket::parse(Family::V4, QByteArray()));
        QVERIFY(!IcmpPacket::parse(Family::V6, QByteArray(5, '\x81')));
    }

    void parsesErrorsQuotingOurRequest()
    {
        const QByteArray request
            = IcmpPacket::echoRequest(Family::V4, 0x4242, 9, IcmpPacket::echoPayload(kCookie, 56, 0));
        // Host unreachable from a router: its own IP header, then the quote of ours.
        const auto unreachable = IcmpPacket::parse(Family::V4, ipv4Header() + icmpError(3, 1, ipv4Header() + request));
        QVERIFY(unreachable);
        QCOMPARE(unreachable->kind, Kind::Unreachable);
        QCOMPARE(unreachable->code, quint8(1));
        QCOMPARE(unreachable->identifier, quint16(0x4242));
        QCOMPARE(unreachable->sequence, quint16(9));
        QCOMPARE(unreachable->cookie, kCookie);

        const auto exceeded
            = IcmpPacket::parse(Family::V4, ipv4Header() + icmpError(11, 0, ipv4Header() + request.left(16)));
        QVERIFY(exceeded);
        QCOMPARE(exceeded->kind, Kind::TimeExceeded);
        // A quote too short to hold the cookie (only the 8 bytes RFC 792 promises) cannot be told ours.
        QVERIFY(!IcmpPacket::parse(Family::V4, icmpError(3, 1, ipv4Header() + request.left(8))));

        const QByteArray request6 = IcmpPacket::echoRequest(Family::V6, 7, 8, IcmpPacket::echoPayload(kCookie, 56, 0));
        const auto unreachable6 = IcmpPacket::parse(Family::V6, icmpError(1, 3, ipv6Header() + request6));
        QVERIFY(unreachable6);
        QCOMPARE(unreachable6->kind, Kind::Unreachable);
        QCOMPARE(unreachable6->code, quint8(3));
        QCOMPARE(unreachable6->sequence, quint16(8));
        QCOMPARE(unreachable6->cookie, kCookie);
        QCOMPARE(IcmpPacket::parse(Family::V6, icmpError(3, 0, ipv6Header() + request6))->kind, Kind::TimeExceeded);
    }
};

QTEST_GUILESS_MAIN(TestIcmpPacket)
#include "tst_icmppacket.moc"
