#include "cli/Shard.h"

#include <QTest>

#include <vector>

namespace {

// Ids of the shapes profiles hold: derived (16 hex digits), typed by hand, and not ASCII.
QStringList manyIds()
{
    QStringList ids;
    for (int i = 0; i < 4000; ++i) {
        ids << QString::number(quint64(i) * 0x9E3779B97F4A7C15ULL, 16).rightJustified(16, QLatin1Char('0'))
            << QStringLiteral("web-%1").arg(i) << QStringLiteral("zürich.%1").arg(i);
    }
    return ids;
}

} // namespace

class TestShard : public QObject
{
    Q_OBJECT

private slots:
    void everyIdInExactlyOneShard()
    {
        const QStringList ids = manyIds();
        for (int count = 1; count <= 7; ++count) {
            std::vector<int> sizes(std::size_t(count), 0);
            for (const QString &id : ids) {
                int holders = 0;
                for (int index = 1; index <= count; ++index) {
                    if (Shard(index, count).contains(id)) {
                        ++holders;
                        ++sizes[std::size_t(index - 1)];
                    }
                }
                QVERIFY2(holders == 1,
                         qPrintable(QStringLiteral("%1 in %2 of %3 shards").arg(id).arg(holders).arg(count)));
            }
            // And shared about evenly: within 10% of a fair share for 12,000 ids.
            const double fair = double(ids.size()) / count;
            for (const int size : sizes)
                QVERIFY2(size > fair * 0.9 && size < fair * 1.1,
                         qPrintable(QStringLiteral("%1 of %2").arg(size).arg(fair)));
        }
    }

    // Another agent joining moves only what the new agent takes: nothing moves between the old shards.
    void growingMovesOnlyToTheNewShard()
    {
        const QStringList ids = manyIds();
        for (int count = 1; count < 7; ++count) {
            int moved = 0;
            for (const QString &id : ids) {
                const int before = Shard::shardOf(id, count);
                const int after = Shard::shardOf(id, count + 1);
                if (before != after) {
                    QCOMPARE(after, count + 1);
                    ++moved;
                }
            }
            const double expected = double(ids.size()) / (count + 1);
            QVERIFY2(moved > expected * 0.9 && moved < expected * 1.1, qPrintable(QString::number(moved)));
        }
    }

    // The hash must never change: agents of two versions sharing a profile would overlap and leave gaps.
    // FNV-1a's published test vectors, and assignments worked out by an independent implementation
    // (a few lines of Python of the same two functions), not by this code.
    void hashIsFixed()
    {
        QCOMPARE(Shard::fnv1a64(""), 0xcbf29ce484222325ULL);
        QCOMPARE(Shard::fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
        QCOMPARE(Shard::fnv1a64("foobar"), 0x85944171f73967e8ULL);
        const QList<std::pair<QString, QList<int>>> known{
            {QStringLiteral("office-gw"), {2, 2, 2, 2, 99}},
            {QStringLiteral("db-eu-1"), {2, 2, 2, 6, 42}},
            {QStringLiteral("0123456789abcdef"), {2, 2, 2, 2, 27}},
            {QStringLiteral("ünïcode"), {1, 1, 5, 5, 85}},
            {QStringLiteral("a"), {2, 3, 3, 3, 32}},
        };
        const QList<int> counts{2, 3, 5, 7, 100};
        for (const auto &[id, shards] : known) {
            for (qsizetype i = 0; i < counts.size(); ++i)
                QCOMPARE(Shard::shardOf(id, counts.at(i)), shards.at(i));
        }
    }

    void parsesGoodValues()
    {
        QString error;
        const auto shard = Shard::parse(QStringLiteral("2/3"), &error);
        QVERIFY(shard);
        QCOMPARE(shard->index(), 2);
        QCOMPARE(shard->count(), 3);
        QCOMPARE(shard->toString(), QStringLiteral("2/3"));
        QVERIFY(Shard::parse(QStringLiteral("1/1"), &error)->isWhole());
        QVERIFY(Shard::parse(QStringLiteral("10000/10000"), &error));
    }

    void refusesBadValues_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad :
             {"0/0", "3/2", "0/3", "x", "", "1/", "/2", "1/2/3", "-1/2", "1.5/2", " 1/2", "1/10001", "1/99999999999"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void refusesBadValues()
    {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!Shard::parse(text, &error));
        QVERIFY2(error.startsWith(QLatin1String("--shard wants K/N")), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("\"%1\"").arg(text)));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestShard)
#include "tst_shard.moc"
