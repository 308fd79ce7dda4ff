#include "CoroTest.h"
#include "FakeResolver.h"
#include "IcmpTestSupport.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cerrno>

using namespace std::chrono_literals;
using namespace IcmpTestSupport;

// The ICMP probe against loopback with whatever socket this process may open: on the build machine
// (root, unprivileged ping disabled) that is the raw socket. The datagram socket is tested in
// tst_icmpprobe_privatenet, where it can be allowed without touching the host's settings.
class TestIcmpProbe : public QObject
{
    Q_OBJECT

private:
    FakeResolver m_resolver;

    void requireSocket(IcmpPacket::Family family)
    {
        const QString why = whyNoSocket(family, {IcmpSocket::Mode::Datagram, IcmpSocket::Mode::Raw});
        if (!why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no ICMP socket can be opened here: ") + why));
    }

    static void verifyAllAnswered(const ProbeResult &result, int count)
    {
        QCOMPARE(result.status, ProbeStatus::Up);
        QCOMPARE(result.errorKind, ErrorKind::None);
        QVERIFY(result.errorMessage.isEmpty());
        QVERIFY(result.icmp.has_value());
        QCOMPARE(result.icmp->sent, count);
        QCOMPARE(result.icmp->received, count);
        QCOMPARE(result.icmp->rtts.size(), count);
        QCOMPARE(result.icmp->lossRatio(), 0.0);
        std::chrono::microseconds total{0};
        for (const auto rtt : result.icmp->rtts) {
            QVERIFY2(rtt > 0us && rtt < 50ms, qPrintable(QString::number(rtt.count())));
            total += rtt;
        }
        QCOMPARE(result.latency, total / count); // latency is the average RTT, as ping's "avg"
        QVERIFY(result.started.isValid());
    }

private slots:
    void fallsBackToRawWhenDatagramIsNotAllowed()
    {
        int errorNumber = 0;
        const bool datagramAllowed
            = IcmpSocket::open(IcmpPacket::Family::V4, IcmpSocket::Mode::Datagram, &errorNumber) != nullptr;
        const bool rawAllowed
            = IcmpSocket::open(IcmpPacket::Family::V4, IcmpSocket::Mode::Raw, &errorNumber) != nullptr;
        if (datagramAllowed || !rawAllowed)
            QSKIP("needs a machine where only the raw ICMP socket may be opened (as root with ping_group_range off)");
        IcmpSocketPool pool;
        NetError failure;
        const auto socket = pool.acquire(IcmpPacket::Family::V4, &failure);
        QVERIFY(socket);
        QCOMPARE(socket->mode(), IcmpSocket::Mode::Raw);
        QCOMPARE(pool.acquire(IcmpPacket::Family::V4, &failure), socket); // shared, not one per probe
    }

    void pingsIpv4Loopback()
    {
        requireSocket(IcmpPacket::Family::V4);
        IcmpProbe probe(m_resolver);
        const ProbeSpec e = icmpSpec(QStringLiteral("127.0.0.1")); // defaults: 3 packets, 200 ms apart
        QElapsedTimer clock;
        clock.start();
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        verifyAllAnswered(*result, 3);
        QCOMPARE(result->phases.dns, std::optional(0us)); // a literal needs no lookup
        QVERIFY(clock.elapsed() >= 400); // the spacing is honoured…
        QVERIFY2(clock.elapsed() < 2000,
                 qPrintable(QString::number(clock.elapsed()))); // …and it ends at the last reply, not the 5 s deadline
    }

    void pingsIpv6Loopback()
    {
        if (!hasIpv6Loopback())
            QSKIP("this machine has no IPv6 loopback (::1)");
        requireSocket(IcmpPacket::Family::V6);
        IcmpProbe probe(m_resolver);
        const ProbeSpec e = icmpSpec(QStringLiteral("::1"));
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        verifyAllAnswered(*result, 3);
    }

    void spacingIsHonoured()
    {
        requireSocket(IcmpPacket::Family::V4);
        IcmpProbe probe(m_resolver);
        const ProbeSpec e = icmpSpec(QStringLiteral("127.0.0.1"), 5, 50);
        QElapsedTimer clock;
        clock.start();
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        verifyAllAnswered(*result, 5);
        QVERIFY2(clock.elapsed() >= 200, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    }

    void largePayloadIsAnswered()
    {
        requireSocket(IcmpPacket::Family::V4);
        IcmpProbe probe(m_resolver);
        ProbeSpec e = icmpSpec(QStringLiteral("127.0.0.1"), 2, 20);
        e.icmp.payloadBytes = 1400;
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        verifyAllAnswered(*result, 2);
    }

    void cancelEndsAtOnceAndLeavesNothingBehind()
    {
        requireSocket(IcmpPacket::Family::V4);
        RecordingOpener recorder;
        IcmpSocketPool pool({IcmpSocket::Mode::Datagram, IcmpSocket::Mode::Raw}, recorder.opener());
        IcmpProbe probe(m_resolver, pool);
        const ProbeSpec e = icmpSpec(QStringLiteral("127.0.0.1"), 10, 200, 10000);
        const auto context = contextFor(e);
        QElapsedTimer sinceCancel;
        QTimer::singleShot(300ms, context.get(), [&] {
            sinceCancel.start();
            context->cancel();
        });
        const auto result = CoroTest::await(start(&probe, e, context));
        const qint64 cancelToResult = sinceCancel.elapsed();
        QVERIFY(result);
        QVERIFY2(cancelToResult < 150,
                 qPrintable(QString::number(cancelToResult))); // 50 ms asked, slack for a busy machine
        QCOMPARE(result->status, ProbeStatus::Down);
        QCOMPARE(result->errorKind, ErrorKind::Cancelled);
        QCOMPARE(result->errorMessage, QStringLiteral("cancelled while waiting for echo replies"));
        QVERIFY(result->icmp.has_value());
        QVERIFY2(result->icmp->sent >= 1 && result->icmp->sent <= 3, qPrintable(QString::number(result->icmp->sent)));

        // Nothing of the probe runs on: the session let go of the shared socket, which closed.
        QCOMPARE(recorder.opened->size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.alive(), 0, 1000);
    }

    void concurrentProbesGetOnlyTheirOwnReplies()
    {
        requireSocket(IcmpPacket::Family::V4);
        RecordingOpener recorder;
        IcmpSocketPool pool({IcmpSocket::Mode::Datagram, IcmpSocket::Mode::Raw}, recorder.opener());
        IcmpProbe probe(m_resolver, pool);
        QList<ProbeSpec> endpoints;
        for (int i = 0; i < 100; ++i) // four loopback addresses, so a reply from the wrong host would be noticed too
            endpoints.append(icmpSpec(QStringLiteral("127.0.0.%1").arg(1 + i % 4), 3, 50));
        const auto results = runAllAtOnce(&probe, endpoints);
        QCOMPARE(recorder.opened->size(), 1); // one socket for all of them
        for (const auto &result : results) {
            QVERIFY(result);
            QCOMPARE(result->status, ProbeStatus::Up);
            QCOMPARE(result->icmp->sent, 3);
            QCOMPARE(result->icmp->received, result->icmp->sent);
            QVERIFY(std::all_of(result->icmp->rtts.cbegin(), result->icmp->rtts.cend(),
                                [](auto rtt) { return rtt > 0us && rtt < 1s; }));
        }
        QTRY_COMPARE_WITH_TIMEOUT(recorder.alive(), 0, 1000);
    }

    void permissionErrorSaysHowToAllowIt()
    {
        // The branch where neither kind of socket may be opened, forced: the opener is refused as
        // an unprivileged user would be.
        int attempts = 0;
        IcmpSocketPool pool({IcmpSocket::Mode::Datagram, IcmpSocket::Mode::Raw},
                            [&attempts](IcmpPacket::Family, IcmpSocket::Mode, int *errorNumber) {
                                ++attempts;
                                *errorNumber = attempts == 1 ? EACCES : EPERM;
                                return std::unique_ptr<IcmpSocket>();
                            });
        IcmpProbe probe(m_resolver, pool);
        const ProbeSpec e = icmpSpec(QStringLiteral("127.0.0.1"));
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        QCOMPARE(attempts, 2); // datagram first, then raw
        QCOMPARE(result->status, ProbeStatus::Down);
        QCOMPARE(result->errorKind, ErrorKind::Permission);
        QVERIFY2(
            result->errorMessage.startsWith(QStringLiteral("ICMP needs permission: run `sudo setcap cap_net_raw+ep ")),
            qPrintable(result->errorMessage));
        QVERIFY(result->errorMessage.contains(QCoreApplication::applicationFilePath()));
        QVERIFY(result->errorMessage.contains(
            QStringLiteral("`sudo sysctl -w net.ipv4.ping_group_range=\"0 2147483647\"`")));
        QVERIFY(result->started.isValid());
        QVERIFY(!result->icmp.has_value());
    }

    void resolvesANameFirst()
    {
        requireSocket(IcmpPacket::Family::V4);
        IcmpProbe probe(m_resolver);
        const ProbeSpec e = icmpSpec(QStringLiteral("localhost"), 2, 20, 5000, IpFamily::V4);
        const int lookupsBefore = m_resolver.lookups;
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        QCOMPARE(m_resolver.lookups, lookupsBefore + 1);
        verifyAllAnswered(*result, 2);
        QCOMPARE(result->phases.dns, std::optional(FakeResolver::kLookupTime));
    }

    void honoursTheIpFamily()
    {
        if (!hasIpv6Loopback())
            QSKIP("this machine has no IPv6 loopback (::1)");
        requireSocket(IcmpPacket::Family::V6);
        RecordingOpener recorder;
        IcmpSocketPool pool({IcmpSocket::Mode::Datagram, IcmpSocket::Mode::Raw}, recorder.opener());
        IcmpProbe probe(m_resolver, pool);
        const ProbeSpec e = icmpSpec(QStringLiteral("localhost"), 1, 0, 5000, IpFamily::V6);
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        verifyAllAnswered(*result, 1);
        QCOMPARE(recorder.opened->size(), 1);
        QCOMPARE(recorder.opened->first()->family(), IcmpPacket::Family::V6);
    }

    void aNameThatDoesNotResolveIsADnsError()
    {
        RecordingOpener recorder;
        IcmpSocketPool pool({IcmpSocket::Mode::Datagram, IcmpSocket::Mode::Raw}, recorder.opener());
        IcmpProbe probe(m_resolver, pool);
        const ProbeSpec e = icmpSpec(QStringLiteral("nothing.invalid"));
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        QCOMPARE(result->status, ProbeStatus::Down);
        QCOMPARE(result->errorKind, ErrorKind::Dns);
        QCOMPARE(result->errorMessage, QStringLiteral("nothing.invalid does not resolve (no such name)"));
        QCOMPARE(result->phases.dns, std::optional(FakeResolver::kLookupTime));
        QVERIFY(recorder.opened->isEmpty()); // no socket for a host we could not find
    }

    void anAddressOfTheWrongFamilyIsADnsError()
    {
        IcmpProbe probe(m_resolver);
        const ProbeSpec e = icmpSpec(QStringLiteral("127.0.0.1"), 3, 200, 5000, IpFamily::V6);
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        QCOMPARE(result->status, ProbeStatus::Down);
        QCOMPARE(result->errorKind, ErrorKind::Dns);
        QCOMPARE(result->errorMessage, QStringLiteral("127.0.0.1 has no IPv6 address"));
    }

    // A deadline shorter than count × spacing: 3 packets 200 ms apart in 250 ms. The packets at 0 and
    // 200 ms go out and are answered; the one due at 400 ms is never sent and is not counted, neither
    // as sent nor as lost. The probe then waits out the deadline for the third and is Up, loss 0.
    void deadlineStopsTheLaterPackets()
    {
        requireSocket(IcmpPacket::Family::V4);
        IcmpProbe probe(m_resolver);
        const ProbeSpec e = icmpSpec(QStringLiteral("127.0.0.1"), 3, 200, 250);
        QElapsedTimer clock;
        clock.start();
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        const qint64 took = clock.elapsed();
        QVERIFY(result);
        verifyAllAnswered(*result, 2);
        QVERIFY2(took >= 250 && took < 250 * 105 / 100 + 20 + 200, qPrintable(QString::number(took)));
    }
};

QTEST_GUILESS_MAIN(TestIcmpProbe)
#include "tst_icmpprobe.moc"
