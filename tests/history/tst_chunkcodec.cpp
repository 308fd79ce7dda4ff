#include "history/BucketCodec.h"
#include "history/ChunkCodec.h"

#include <QRandomGenerator>
#include <QTest>

// The packed chunk: what goes in comes out (to 10 µs), and no input crashes the decoder.
class TestChunkCodec final : public QObject
{
    Q_OBJECT

    static QList<HistoryPoint> somePoints(int count, quint32 seed)
    {
        QRandomGenerator random(seed);
        QList<HistoryPoint> points;
        qint64 time = 1'780'000'000'000;
        for (int i = 0; i < count; ++i) {
            HistoryPoint point;
            time += 1000 + random.bounded(-20, 21);
            point.timeMs = time;
            const int roll = random.bounded(10);
            point.status = roll < 7 ? ProbeStatus::Up : roll < 9 ? ProbeStatus::Degraded : ProbeStatus::Down;
            point.latencyUs = random.bounded(0, 500'000) / 10 * 10;
            if (roll % 2 == 0) {
                point.phasesUs[0] = random.bounded(0, 1000) * 10;
                point.phasesUs[3] = random.bounded(0, 1000) * 10;
                point.httpStatus = 200;
            }
            if (point.status == ProbeStatus::Down) {
                point.errorKind = ErrorKind::Refused;
            }
            if (roll == 5)
                point.icmp = HistoryIcmp{3, 2};
            points << point;
        }
        return points;
    }

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<bool>("deflate");
        QTest::newRow("plain") << false;
        QTest::newRow("deflated") << true;
    }
    void roundTrip()
    {
        QFETCH(bool, deflate);
        const QList<HistoryPoint> points = somePoints(500, 7);
        ChunkEncoder encoder;
        QList<quint32> ids;
        for (qsizetype i = 0; i < points.size(); ++i) {
            const quint32 id = points[i].errorKind == ErrorKind::None ? 0 : quint32(i % 3 + 1);
            encoder.append(points[i], id);
            ids << id;
        }
        QString error;
        const auto decoded = ChunkCodec::decode(encoder.bytes(deflate), &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->points, points);
        QCOMPARE(decoded->messageIds, ids);
    }

    void steadyResultsPackSmall()
    {
        // A steady endpoint (1 s interval, latency within a few hundred µs): a few bytes per result.
        ChunkEncoder encoder;
        QRandomGenerator random(3);
        for (int i = 0; i < 60; ++i) {
            HistoryPoint point;
            point.timeMs = 1'780'000'000'000 + i * 1000 + random.bounded(3);
            point.status = ProbeStatus::Up;
            point.latencyUs = 200 + random.bounded(300);
            encoder.append(point, 0);
        }
        QVERIFY2(encoder.bytes(true).size() < 60 * 4, qPrintable(QString::number(encoder.bytes(true).size())));
    }

    void damagedInputIsRefused()
    {
        ChunkEncoder encoder;
        for (const HistoryPoint &point : somePoints(50, 11))
            encoder.append(point, 0);
        for (const bool deflate : {false, true}) {
            const QByteArray good = encoder.bytes(deflate);
            // Every truncation and many random corruptions: an error or points, never a crash.
            for (qsizetype length = 0; length < good.size(); ++length)
                QVERIFY(!ChunkCodec::decode(QByteArrayView(good).first(length), nullptr));
            QRandomGenerator random(5);
            for (int round = 0; round < 2000; ++round) {
                QByteArray bad = good;
                bad[random.bounded(int(bad.size()))] = char(random.bounded(256));
                ChunkCodec::decode(bad, nullptr);
            }
        }
        QString error;
        QVERIFY(!ChunkCodec::decode(QByteArray("not a chunk at all"), &error));
        QVERIFY(error.contains(QStringLiteral("damaged chunk")));
    }

    void bucketsRoundTrip()
    {
        QList<HistoryBucket> buckets(3);
        for (int i = 0; i < 3; ++i) {
            buckets[i].startMs = 1'780'000'000'000 + i * 60'000;
            for (const HistoryPoint &point : somePoints(40, quint32(i)))
                buckets[i].add(point);
        }
        const auto decoded = BucketCodec::decode(BucketCodec::encode(buckets));
        QVERIFY(decoded);
        QCOMPARE(*decoded, buckets);
        QVERIFY(!BucketCodec::decode(QByteArray("\x05\x01", 2)));
    }

    void histogramPercentilesAndMerge()
    {
        LatencyHistogram a;
        LatencyHistogram b;
        for (int i = 1; i <= 100; ++i)
            (i % 2 ? a : b).record(i * 1000);
        a.merge(b);
        QCOMPARE(a.count(), quint64(100));
        const qint64 p50 = a.percentileUs(50);
        QVERIFY2(std::abs(p50 - 50'000) <= 50'000 / 32, qPrintable(QString::number(p50)));
        const qint64 p99 = a.percentileUs(99);
        QVERIFY2(std::abs(p99 - 99'000) <= 99'000 / 32, qPrintable(QString::number(p99)));
    }
};

QTEST_GUILESS_MAIN(TestChunkCodec)
#include "tst_chunkcodec.moc"
