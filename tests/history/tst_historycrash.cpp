#include "HistoryTestSupport.h"
#include "history/HistoryReader.h"
#include "history/SqliteHistoryStore.h"

#include "CoroTest.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace HistoryTest;

// Crash safety: a child recording at a high rate is killed with SIGKILL at random moments. After
// each kill the file passes PRAGMA integrity_check, every result handed to the store at least a
// second before the kill is in it, and the next open is at once.
class TestHistoryCrash final : public QObject
{
    Q_OBJECT

private slots:
    void survivesKillNine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        QRandomGenerator random(QRandomGenerator::global()->generate());
        qint64 slowestOpenMs = 0;
        for (int round = 0; round < 20; ++round) {
            const QString prefix = QStringLiteral("r%1-").arg(round);
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child.start(QStringLiteral(HISTORY_CRASH_CHILD), {path, prefix, QStringLiteral("5000")});
            QVERIFY(child.waitForStarted(5000));
            QVERIFY(child.waitForReadyRead(10000));
            QTest::qWait(1200 + random.bounded(1500)); // past the first second, so each round has results to check
            child.kill(); // SIGKILL
            const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
            QVERIFY(child.waitForFinished(5000));
            qint64 mustHave = -1;
            for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
                const QList<QByteArray> fields = line.split(' ');
                if (fields.size() == 2 && fields[1].toLongLong() <= killedAt - 1000)
                    mustHave = std::max(mustHave, fields[0].toLongLong());
            }
            QVERIFY2(mustHave >= 0, "no result was appended a second before the kill: the round checks nothing");
            QCOMPARE(integrityCheck(path), QStringLiteral("ok"));

            QElapsedTimer opening;
            opening.start();
            auto store = open(path, {});
            QVERIFY(store);
            flush(*store); // the journal is read back by now
            slowestOpenMs = std::max(slowestOpenMs, opening.elapsed());
            store.reset();

            HistoryError error;
            auto reader = HistoryReader::open(path, nullptr, &error);
            QVERIFY2(reader, qPrintable(error.message));
            QStringList keys;
            for (int k = 0; k < 50; ++k)
                keys << prefix + QString::number(k);
            std::set<qint64> stored;
            reader->forEachPoint(keys, {0, std::numeric_limits<qint64>::max() / 2},
                                 [&](const HistoryEndpoint &, const HistoryPoint &point) {
                                     stored.insert(point.latencyUs / 10);
                                     return true;
                                 });
            qint64 missing = 0;
            for (qint64 i = 0; i <= mustHave; ++i)
                missing += stored.count(i) ? 0 : 1;
            QVERIFY2(missing == 0,
                     qPrintable(QStringLiteral("round %1: %2 of the %3 results appended a second "
                                               "before the kill are missing")
                                    .arg(round)
                                    .arg(missing)
                                    .arg(mustHave + 1)));
            QVERIFY2(mustHave < 0 || stored.size() >= std::size_t(mustHave + 1), "fewer results than appended");
        }
        qInfo("slowest open after a kill, journal read back: %lld ms", static_cast<long long>(slowestOpenMs));
        QVERIFY2(slowestOpenMs < 2000, qPrintable(QString::number(slowestOpenMs)));
    }
};

QTEST_GUILESS_MAIN(TestHistoryCrash)
#include "tst_historycrash.moc"
