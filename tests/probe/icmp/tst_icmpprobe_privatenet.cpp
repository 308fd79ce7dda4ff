#include "CoroTest.h"
#include "FakeResolver.h"
#include "FakeRouter.h"
#include "IcmpTestSupport.h"
#include "PrivateNetwork.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

using namespace std::chrono_literals;
using namespace IcmpTestSupport;

// The ICMP probe in a network namespace of its own (see PrivateNetwork.h): there the unprivileged
// datagram socket can be allowed, and the loopback host can be told to stop answering, which is the
// only honest way to see a real loss without sending anything beyond loopback.
class TestIcmpProbePrivateNet : public QObject
{
    Q_OBJECT

public:
    explicit TestIcmpProbePrivateNet(QString whyNotIsolated) : m_whyNotIsolated(std::move(whyNotIsolated)) { }

private:
    QString m_whyNotIsolated;
    FakeResolver m_resolver;

    static QString echoIgnorePath(IcmpPacket::Family family)
    {
        return family == IcmpPacket::Family::V4 ? QStringLiteral("/proc/sys/net/ipv4/icmp_echo_ignore_all")
                                                : QStringLiteral("/proc/sys/net/ipv6/icmp/echo_ignore_all");
    }

    static void addModeRows()
    {
        QTest::addColumn<IcmpSocket::Mode>("mode");
        QTest::addColumn<IcmpPacket::Family>("family");
        QTest::newRow("datagram-v4") << IcmpSocket::Mode::Datagram << IcmpPacket::Family::V4;
        QTest::newRow("datagram-v6") << IcmpSocket::Mode::Datagram << IcmpPacket::Family::V6;
        QTest::newRow("raw-v4") << IcmpSocket::Mode::Raw << IcmpPacket::Family::V4;
        QTest::newRow("raw-v6") << IcmpSocket::Mode::Raw << IcmpPacket::Family::V6;
    }

    static QString loopback(IcmpPacket::Family family)
    {
        return family == IcmpPacket::Family::V4 ? QStringLiteral("127.0.0.1") : QStringLiteral("::1");
    }

    // Skips unless the namespace exists and a socket of the kind opens in it.
    void require(IcmpSocket::Mode mode, IcmpPacket::Family family)
    {
        if (family == IcmpPacket::Family::V6 && !hasIpv6Loopback())
            QSKIP("no IPv6 loopback (::1) in the private network namespace");
        const QString why = whyNoSocket(family, {mode});
        if (!why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("this ICMP socket cannot be opened here: ") + why));
    }

private slots:
    void initTestCase()
    {
        if (!m_whyNotIsolated.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no private network namespace: ") + m_whyNotIsolated));
    }

    void cleanup()
    {
        // Only this process's namespace is touched, but keep each test's starting state the same.
        PrivateNetwork::writeSysctl(echoIgnorePath(IcmpPacket::Family::V4), "0");
        PrivateNetwork::writeSysctl(echoIgnorePath(IcmpPacket::Family::V6), "0");
    }

    void pingsLoopback_data() { addModeRows(); }
    void pingsLoopback()
    {
        QFETCH(IcmpSocket::Mode, mode);
        QFETCH(IcmpPacket::Family, family);
        require(mode, family);
        RecordingOpener recorder;
        IcmpSocketPool pool({mode}, recorder.opener());
        IcmpProbe probe(m_resolver, pool);
        const ProbeSpec e = icmpSpec(loopback(family), 3, 50);
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        QCOMPARE(recorder.opened->size(), 1);
        QCOMPARE(result->status, ProbeStatus::Up);
        QCOMPARE(result->icmp->sent, 3);
        QCOMPARE(result->icmp->received, 3);
        for (const auto rtt : result->icmp->rtts)
            QVERIFY2(rtt > 0us && rtt < 50ms, qPrintable(QString::number(rtt.count())));
    }

    void concurrentProbesGetOnlyTheirOwnReplies_data() { addModeRows(); }
    void concurrentProbesGetOnlyTheirOwnReplies()
    {
        QFETCH(IcmpSocket::Mode, mode);
        QFETCH(IcmpPacket::Family, family);
        require(mode, family);
        IcmpSocketPool pool({mode});
        IcmpProbe probe(m_resolver, pool);
        const auto results = runAllAtOnce(&probe, QList<ProbeSpec>(50, icmpSpec(loopback(family), 3, 30)));
        for (const auto &result : results) {
            QVERIFY(result);
            QCOMPARE(result->status, ProbeStatus::Up);
            QCOMPARE(result->icmp->sent, 3);
            QCOMPARE(result->icmp->received, 3);
        }
    }

    // Loopback told to ignore echo requests: nothing comes back, the probe waits out its deadline and
    // is Down with kind timeout, every request sent and counted lost.
    void silentHostIsDownWithTimeout_data() { addModeRows(); }
    void silentHostIsDownWithTimeout()
    {
        QFETCH(IcmpSocket::Mode, mode);
        QFETCH(IcmpPacket::Family, family);
        require(mode, family);
        const QString failed = PrivateNetwork::writeSysctl(echoIgnorePath(family), "1");
        if (!failed.isEmpty())
            QSKIP(qPrintable(failed));
        IcmpSocketPool pool({mode});
        IcmpProbe probe(m_resolver, pool);
        const ProbeSpec e = icmpSpec(loopback(family), 3, 100, 600);
        QElapsedTimer clock;
        clock.start();
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        const qint64 took = clock.elapsed();
        QVERIFY(result);
        QCOMPARE(result->status, ProbeStatus::Down);
        QCOMPARE(result->errorKind, ErrorKind::Timeout);
        QCOMPARE(result->errorMessage,
                 QStringLiteral("no echo reply from %1 (3 sent, 0 received)").arg(loopback(family)));
        QCOMPARE(result->icmp->sent, 3);
        QCOMPARE(result->icmp->received, 0);
        QCOMPARE(result->icmp->lossRatio(), 1.0);
        QVERIFY(result->latency >= 600ms);
        QVERIFY2(took >= 600 && took < 600 * 105 / 100 + 20 + 200, qPrintable(QString::number(took)));
    }

    // A router on the way answers with an ICMP error quoting our request (raw sockets only: a
    // datagram socket is not told). Every request is settled by its error, so the probe ends at
    // once instead of waiting out the deadline, Down with kind unreachable and who said so.
    void icmpErrorsMeanUnreachable_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("host unreachable")
            << 3 << 1 << QStringLiteral("127.0.0.1 is unreachable: host unreachable (reported by 127.0.0.9)");
        QTest::newRow("prohibited")
            << 3 << 13
            << QStringLiteral("127.0.0.1 is unreachable: administratively prohibited (reported by 127.0.0.9)");
        QTest::newRow("time exceeded") << 11 << 0
                                       << QStringLiteral(
                                              "127.0.0.1 did not answer: the time to live ran out at 127.0.0.9");
    }
    void icmpErrorsMeanUnreachable()
    {
        QFETCH(int, type);
        QFETCH(int, code);
        QFETCH(QString, message);
        require(IcmpSocket::Mode::Raw, IcmpPacket::Family::V4);
        const QString failed = PrivateNetwork::writeSysctl(echoIgnorePath(IcmpPacket::Family::V4), "1");
        if (!failed.isEmpty())
            QSKIP(qPrintable(failed));
        FakeRouter router(QHostAddress(QStringLiteral("127.0.0.9")), quint8(type), quint8(code));
        QVERIFY(router.isListening());
        IcmpSocketPool pool({IcmpSocket::Mode::Raw});
        IcmpProbe probe(m_resolver, pool);
        const ProbeSpec e = icmpSpec(QStringLiteral("127.0.0.1"), 3, 50, 5000);
        QElapsedTimer clock;
        clock.start();
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        QCOMPARE(router.errorsSent(), 3);
        QCOMPARE(result->status, ProbeStatus::Down);
        QCOMPARE(result->errorKind, ErrorKind::Unreachable);
        QCOMPARE(result->errorMessage, message);
        QCOMPARE(result->icmp->sent, 3);
        QCOMPARE(result->icmp->received, 0);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed()))); // not the 5 s deadline
    }

    // The host stops answering half-way: the replies that came are kept, the deadline ends the
    // wait for the rest, and the probe is Up with its loss (a host that answers is up).
    void partialLossIsUpWithTheLoss()
    {
        require(IcmpSocket::Mode::Datagram, IcmpPacket::Family::V4);
        IcmpSocketPool pool({IcmpSocket::Mode::Datagram});
        IcmpProbe probe(m_resolver, pool);
        // Packets at 0, 400, 800 and 1200 ms; answering stops at 600 ms, 200 ms from either side.
        const ProbeSpec e = icmpSpec(QStringLiteral("127.0.0.1"), 4, 400, 1500);
        QTimer::singleShot(600ms, this,
                           [] { PrivateNetwork::writeSysctl(echoIgnorePath(IcmpPacket::Family::V4), "1"); });
        const auto result = CoroTest::await(start(&probe, e, contextFor(e)));
        QVERIFY(result);
        QCOMPARE(result->status, ProbeStatus::Up);
        QCOMPARE(result->errorKind, ErrorKind::None);
        QCOMPARE(result->icmp->sent, 4);
        QCOMPARE(result->icmp->received, 2);
        QCOMPARE(result->icmp->lossRatio(), 0.5);
        QCOMPARE(result->latency, (result->icmp->rtts[0] + result->icmp->rtts[1]) / 2);
    }
};

int main(int argc, char **argv)
{
    const QString whyNotIsolated = PrivateNetwork::enter(); // before QCoreApplication starts any thread
    QCoreApplication app(argc, argv);
    TestIcmpProbePrivateNet test(whyNotIsolated);
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_icmpprobe_privatenet.moc"
