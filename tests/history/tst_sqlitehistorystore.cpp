#include "CoroTest.h"
#include "HistoryTestSupport.h"
#include "history/HistoryOptions.h"
#include "history/HistoryPoints.h"
#include "history/HistoryReader.h"
#include "history/HistoryWriter.h"
#include "history/SqliteDatabase.h"
#include "history/SqliteHistoryStore.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <csignal>
#include <linux/capability.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace HistoryTest;

namespace {
constexpr qint64 minute = 60'000;
constexpr qint64 hour = 3'600'000;
constexpr qint64 day = 86'400'000;
const qint64 now = 1'780'000'000'000 / day * day + 10 * hour; // a fixed "now" for the writer's clock

HistoryOptions fixedClock()
{
    HistoryOptions options;
    options.clock = [] { return now; };
    return options;
}

QList<HistoryPoint> expected(const QList<ProbeResult> &results)
{
    QList<HistoryPoint> points;
    for (const ProbeResult &result : results)
        points << HistoryPoints::fromResult(result);
    std::stable_sort(points.begin(), points.end(),
                     [](const HistoryPoint &a, const HistoryPoint &b) { return a.timeMs < b.timeMs; });
    return points;
}

// Root writes read-only files: drop the capability that lets it, for the threads started from now on
// (capabilities are per thread and inherited), and give it back after.
class WithoutDacOverride final
{
public:
    WithoutDacOverride()
    {
        if (geteuid() != 0)
            return;
        __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
        if (syscall(SYS_capget, &header, m_saved) != 0)
            return;
        __user_cap_data_struct dropped[2] = {m_saved[0], m_saved[1]};
        dropped[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH) | (1u << CAP_FOWNER));
        m_dropped = syscall(SYS_capset, &header, dropped) == 0;
    }
    ~WithoutDacOverride()
    {
        if (!m_dropped)
            return;
        __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
        syscall(SYS_capset, &header, m_saved);
    }
    Q_DISABLE_COPY_MOVE(WithoutDacOverride)
    bool works() const { return geteuid() != 0 || m_dropped; }

private:
    __user_cap_data_struct m_saved[2]{};
    bool m_dropped = false;
};
} // namespace

class TestSqliteHistoryStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { std::signal(SIGXFSZ, SIG_IGN); }

    void resultsComeBackFromMemoryFromChunksAndAfterReopening()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        QList<ProbeResult> a;
        QList<ProbeResult> b;
        for (int i = 0; i < 300; ++i) {
            const qint64 t = now - 2 * hour + i * 1000;
            a << (i % 10 == 3 ? result(t, ProbeStatus::Down, 5000, ErrorKind::Refused,
                                       QStringLiteral("connection refused by 127.0.0.1:%1").arg(i % 3))
                              : result(t, ProbeStatus::Up, 200 + i));
            b << result(t + 7, ProbeStatus::Degraded, 90'000 + i * 10);
        }
        const HistoryRange all{now - day, now + hour};
        {
            auto store = open(path, fixedClock());
            QVERIFY(store);
            store->beginRun(now - 3 * hour);
            store->append(entries(QStringLiteral("a"), a, EndpointStatus::Up)
                          + entries(QStringLiteral("b"), b, EndpointStatus::Degraded));
            flush(*store);
            QCOMPARE(series(*store, QStringLiteral("a"), all, HistoryResolution::Raw).points, expected(a));
            // Outside the writer's process the open part comes from the journal.
            HistoryError error;
            auto reader = HistoryReader::open(path, nullptr, &error);
            QVERIFY2(reader, qPrintable(error.message));
            QCOMPARE(reader->series(QStringLiteral("b"), all, HistoryResolution::Raw).points, expected(b));
            compact(*store);
            QCOMPARE(series(*store, QStringLiteral("a"), all, HistoryResolution::Raw).points, expected(a));
            QCOMPARE(reader->series(QStringLiteral("a"), all, HistoryResolution::Raw).points, expected(a));
            store->endRun(now);
        }
        // Messages are stored once each, not per row.
        QCOMPARE(sqliteInteger(path, "SELECT count(*) FROM message"), std::optional<qint64>(3));
        auto store = open(path, fixedClock());
        QVERIFY(store);
        QCOMPARE(series(*store, QStringLiteral("b"), all, HistoryResolution::Raw).points, expected(b));
        QCOMPARE(integrityCheck(path), QStringLiteral("ok"));
    }

    void rollupsEqualADirectComputationOverTheRawRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        auto store = open(path, fixedClock());
        QVERIFY(store);
        QRandomGenerator random(42);
        QList<ProbeResult> results;
        // Three days up to a day ago, every 37 s, in batches as the monitor would send them.
        for (qint64 t = now - 4 * day + 123; t < now - day; t += 37'000) {
            const int roll = random.bounded(20);
            results << result(t,
                              roll == 0      ? ProbeStatus::Down
                                  : roll < 3 ? ProbeStatus::Degraded
                                             : ProbeStatus::Up,
                              random.bounded(100, 900'000));
        }
        for (qsizetype i = 0; i < results.size(); i += 500)
            store->append(entries(QStringLiteral("k"), results.mid(i, 500), EndpointStatus::Up));
        compact(*store);
        const QList<HistoryPoint> raw = expected(results);
        const HistoryRange range{now - 5 * day, now};
        QCOMPARE(series(*store, QStringLiteral("k"), range, HistoryResolution::Raw).points, raw);
        for (const auto resolution : {HistoryResolution::Minute, HistoryResolution::Hour, HistoryResolution::Day}) {
            const QList<HistoryBucket> direct = HistoryPoints::series(raw, resolution).buckets;
            const QList<HistoryBucket> stored = series(*store, QStringLiteral("k"), range, resolution).buckets;
            QCOMPARE(stored.size(), direct.size());
            QCOMPARE(stored, direct);
        }
        // The hours and days really were rolled up, not computed from minutes on the fly.
        QVERIFY(*sqliteInteger(path, "SELECT count(*) FROM rollup WHERE level = 1") >= 70);
        QVERIFY(*sqliteInteger(path, "SELECT count(*) FROM rollup WHERE level = 2") >= 3);
    }

    void retentionDropsExactlyWhatItShould()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        auto store = open(path, fixedClock());
        QVERIFY(store);
        // One result per age, each packed in a chunk of its own.
        const QList<qint64> ages{800 * day, 100 * day, 20 * day, 13 * day, hour};
        QList<ProbeResult> results;
        for (const qint64 age : ages) {
            results << result(now - age, ProbeStatus::Up, 1000);
            store->append(entries(QStringLiteral("k"), {results.last()}, EndpointStatus::Up));
            compact(*store);
        }
        compact(*store);
        const HistoryRange range{now - 1000 * day, now};
        auto times = [](const HistoryPoint &p) { return p.timeMs; };
        QList<qint64> rawTimes;
        for (const HistoryPoint &point : series(*store, QStringLiteral("k"), range, HistoryResolution::Raw).points)
            rawTimes << times(point);
        QCOMPARE(rawTimes, (QList<qint64>{now - 13 * day, now - hour})); // raw: 14 days
        auto bucketStarts = [&](HistoryResolution resolution) {
            QList<qint64> starts;
            for (const HistoryBucket &bucket : series(*store, QStringLiteral("k"), range, resolution).buckets)
                starts << bucket.startMs;
            return starts;
        };
        auto at = [](qint64 t, HistoryResolution r) { return HistoryPoints::bucketStart(t, r); };
        QCOMPARE(
            bucketStarts(HistoryResolution::Minute), // minutes: 90 days
            (QList<qint64>{at(now - 20 * day, HistoryResolution::Minute), at(now - 13 * day, HistoryResolution::Minute),
                           at(now - hour, HistoryResolution::Minute)}));
        QCOMPARE(bucketStarts(HistoryResolution::Hour).size(), 4); // hours: 2 years
        QCOMPARE(bucketStarts(HistoryResolution::Day).size(), 5); // days: for ever
    }

    // settle() does at once what the writer's turns would do by its clock, and no more: a segment
    // closes only once the clock is past it, an hour rolls up only once it is over, and retention
    // looks again only after retentionIntervalMs. (The benchmark's backfill writes a year this way.)
    void settleDoesWhatTheClockHasMadeDueAndNoMore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        const qint64 start = now - 3 * hour; // on the hour
        std::atomic<qint64> clock{start};
        HistoryOptions options;
        options.clock = [&clock] { return clock.load(); };
        options.rawDays = 0; // every packed chunk is past raw retention at once
        options.retentionIntervalMs = hour;
        auto store = open(path, options);
        QVERIFY(store);
        auto settle = [&] { QVERIFY(CoroTest::run(store->settle())); };
        auto count = [&](const char *sql) { return sqliteInteger(path, sql).value_or(-1); };
        store->beginRun(start);
        auto minuteOfResults = [&](qint64 from) {
            QList<ProbeResult> results;
            for (qint64 t = from; t < from + minute; t += 10'000)
                results << result(t, ProbeStatus::Up, 300);
            store->append(entries(QStringLiteral("k"), results, EndpointStatus::Up));
        };

        minuteOfResults(start);
        flush(*store); // the writer has opened the file at the clock's start
        clock = start + 30'000;
        settle(); // half the segment: committed, nothing packed; retention ran (with nothing to drop)
        QCOMPARE(count("SELECT count(*) FROM journal0") + count("SELECT count(*) FROM journal1"), 6);
        QCOMPARE(count("SELECT count(*) FROM chunk"), 0);
        clock = start + minute;
        settle(); // the segment is over: packed
        QCOMPARE(count("SELECT count(*) FROM chunk"), 1);
        minuteOfResults(start + minute);
        clock = start + 2 * minute;
        settle(); // packed again; retention looks again only an hour after it last did: the data stays
        QCOMPARE(count("SELECT count(*) FROM chunk"), 2);
        QCOMPARE(count("SELECT count(*) FROM chunk_data"), 2);
        QCOMPARE(count("SELECT count(*) FROM rollup"), 0); // the hour is not over
        minuteOfResults(start + hour); // the next hour's first results
        clock = start + hour + minute;
        settle(); // packed; retention is due again and drops all raw data; the hour waits for late results
        QCOMPARE(count("SELECT count(*) FROM chunk"), 3);
        QCOMPARE(count("SELECT count(*) FROM chunk_data"), 0);
        QCOMPARE(count("SELECT count(*) FROM rollup"), 0);
        clock = start + hour + 6 * minute; // the hour and its late margin are over
        settle();
        QCOMPARE(count("SELECT count(*) FROM rollup WHERE level = 1"), 1);
        const HistorySeries hours = series(*store, QStringLiteral("k"), {start, start + hour}, HistoryResolution::Hour);
        QCOMPARE(hours.buckets.size(), 1);
        QCOMPARE(hours.buckets.first().up, 12u);
    }

    // Packing frees the journal's pages; they must not be written into the WAL again (SQLite's
    // secure_delete, on in Debian's build, would write each of them back as zeros).
    void packingDoesNotWriteTheFreedJournalAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        auto store = open(path, fixedClock());
        QVERIFY(store);
        QList<ProbeResult> results;
        for (int i = 0; i < 20'000; ++i)
            results << result(now - 6 * hour + i * 1000, ProbeStatus::Up, 200 + i % 300);
        store->append(entries(QStringLiteral("k"), results, EndpointStatus::Up));
        flush(*store);
        const qint64 journalPages
            = sqliteInteger(path, "SELECT count(*) FROM dbstat WHERE name IN ('journal0', 'journal1')").value_or(0);
        QVERIFY2(journalPages > 100, qPrintable(QString::number(journalPages)));
        const quint64 before = store->counters().walFrames;
        compact(*store);
        const quint64 packing = store->counters().walFrames - before;
        QVERIFY2(packing < quint64(journalPages) / 2,
                 qPrintable(QStringLiteral("%1 WAL pages to pack %2 journal pages").arg(packing).arg(journalPages)));
        QCOMPARE(series(*store, QStringLiteral("k"), {now - day, now}, HistoryResolution::Raw).points.size(), 20'000);
    }

    // Every start describes the profile's endpoints again; the writer knows the file's from opening
    // it, and a change made while it was closed is still written.
    void describingAgainAfterReopeningWritesWhatChanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        QList<HistoryEndpoint> endpoints;
        for (int i = 0; i < 300; ++i)
            endpoints << HistoryEndpoint{QStringLiteral("id-%1").arg(i), QStringLiteral("endpoint %1").arg(i),
                                         QStringLiteral("tcp://10.0.0.1:%1").arg(1000 + i), ProbeKind::Tcp};
        {
            auto store = open(path, fixedClock());
            QVERIFY(store);
            store->describe(endpoints);
            flush(*store);
        }
        endpoints[7].name = QStringLiteral("renamed");
        endpoints[8].target = QStringLiteral("tcp://10.0.0.2:1008");
        endpoints[9].kind = ProbeKind::Tls;
        {
            auto store = open(path, fixedClock());
            QVERIFY(store);
            store->describe(endpoints);
            store->append(
                entries(QStringLiteral("id-9"), {result(now - 1000, ProbeStatus::Up, 100)}, EndpointStatus::Up));
            flush(*store);
        }
        auto store = open(path, fixedClock());
        QVERIFY(store);
        const auto described = CoroTest::await(store->endpoints());
        QVERIFY(described);
        QCOMPARE(described->size(), 300);
        for (const HistoryEndpoint &endpoint : endpoints)
            QVERIFY2(described->contains(endpoint), qPrintable(endpoint.key));
        QCOMPARE(series(*store, QStringLiteral("id-9"), {now - hour, now}, HistoryResolution::Raw).points.size(), 1);
    }

    // While recording goes on, the WAL is checkpointed into the file and starts again from its
    // beginning, so it does not grow for as long as recording lasts.
    void theWalIsCheckpointedWhileRecording()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        auto store = open(path, fixedClock());
        QVERIFY(store);
        const QString wal = path + QStringLiteral("-wal");
        qint64 walMostBytes = 0;
        // Each batch its own commit: several times the WAL pages that ask for a checkpoint in all.
        for (int batch = 0; batch < 400; ++batch) {
            QList<ProbeResult> results;
            for (int i = 0; i < 2000; ++i)
                results << result(now - 12 * hour + (batch * 2000 + i) * 50, ProbeStatus::Up, 200 + i);
            store->append(entries(QStringLiteral("k%1").arg(batch % 7), results, EndpointStatus::Up));
            flush(*store);
            walMostBytes = std::max(walMostBytes, QFileInfo(wal).size());
        }
        const quint64 walBytesWritten = store->counters().walFrames * (4096 + 24);
        QVERIFY2(walBytesWritten > 3 * quint64(HistoryWriter::checkpointFrames) * (4096 + 24),
                 qPrintable(QString::number(walBytesWritten)));
        QTRY_VERIFY2(QFileInfo(path).size() > 1'000'000, qPrintable(QString::number(QFileInfo(path).size())));
        QVERIFY2(walMostBytes < qint64(walBytesWritten) / 2,
                 qPrintable(
                     QStringLiteral("the WAL reached %1 bytes of %2 written").arg(walMostBytes).arg(walBytesWritten)));
        QCOMPARE(series(*store, QStringLiteral("k0"), {now - day, now}, HistoryResolution::Raw).points.size(),
                 58 * 2000);
    }

    void renamesKeepHistory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        auto store = open(path, fixedClock());
        QVERIFY(store);
        store->describe({HistoryEndpoint{QStringLiteral("id-1"), QStringLiteral("old name"),
                                         QStringLiteral("https://a.test/"), ProbeKind::Http}});
        store->append(entries(QStringLiteral("id-1"), {result(now - 2000, ProbeStatus::Up, 100)}, EndpointStatus::Up));
        flush(*store);
        store->describe({HistoryEndpoint{QStringLiteral("id-1"), QStringLiteral("new name"),
                                         QStringLiteral("https://b.test/"), ProbeKind::Http}});
        store->append(entries(QStringLiteral("id-1"), {result(now - 1000, ProbeStatus::Up, 200)}, EndpointStatus::Up));
        flush(*store);
        const auto endpoints = CoroTest::await(store->endpoints());
        QVERIFY(endpoints);
        QCOMPARE(endpoints->size(), 1);
        QCOMPARE(endpoints->first().name, QStringLiteral("new name"));
        QCOMPARE(endpoints->first().target, QStringLiteral("https://b.test/"));
        QCOMPARE(series(*store, QStringLiteral("id-1"), {now - hour, now}, HistoryResolution::Raw).points.size(), 2);
    }

    void uptimeAndOutagesFromTheStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        auto store = open(path, fixedClock());
        QVERIFY(store);
        const qint64 t0 = now - 10 * minute;
        store->beginRun(t0);
        store->append(entries(QStringLiteral("k"), {result(t0 + minute, ProbeStatus::Up, 100)}, EndpointStatus::Up));
        store->append(
            entries(QStringLiteral("k"),
                    {result(t0 + 3 * minute, ProbeStatus::Down, 100, ErrorKind::Timeout, QStringLiteral("late"))},
                    EndpointStatus::Down));
        store->append(
            entries(QStringLiteral("k"), {result(t0 + 4 * minute, ProbeStatus::Up, 100)}, EndpointStatus::Up));
        store->endRun(t0 + 5 * minute);
        flush(*store);
        const HistoryRange range{t0, t0 + 10 * minute};
        const auto uptime = CoroTest::await(store->uptime({}, range));
        QVERIFY(uptime && uptime->size() == 1);
        QCOMPARE(uptime->first().upMs, 3 * minute); // 1–3 and 4–5
        QCOMPARE(uptime->first().downMs, minute);
        const auto outages = CoroTest::await(store->outages({QStringLiteral("k")}, range));
        QVERIFY(outages && outages->size() == 1);
        QCOMPARE(outages->first().startMs, t0 + 3 * minute);
        QCOMPARE(*outages->first().endMs, t0 + 4 * minute);
        QCOMPARE(outages->first().errorKind, ErrorKind::Timeout);
        QCOMPARE(outages->first().message, QStringLiteral("late"));
    }

    void refusesWhatIsNotItsOwnAndLeavesItUntouched()
    {
        QTemporaryDir dir;
        HistoryError error;
        // Not SQLite at all.
        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        {
            QFile file(text);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("these are my notes, not a database\n");
        }
        QVERIFY(!SqliteHistoryStore::open(text, {}, &error));
        QCOMPARE(error.kind, HistoryError::Kind::Foreign);
        QVERIFY2(error.message.contains(text) && error.message.contains(QStringLiteral("not a Pingscope history")),
                 qPrintable(error.message));
        QCOMPARE(fileBytes(text), QByteArray("these are my notes, not a database\n"));

        // Another program's database.
        const QString other = dir.filePath(QStringLiteral("other.db"));
        {
            SqliteConnection db;
            QVERIFY(!db.open(other, SqliteConnection::Mode::Create));
            QVERIFY(!db.exec("CREATE TABLE t(x); INSERT INTO t VALUES(1);"));
        }
        const QByteArray otherBytes = fileBytes(other);
        QVERIFY(!SqliteHistoryStore::open(other, {}, &error));
        QCOMPARE(error.kind, HistoryError::Kind::Foreign);
        QCOMPARE(fileBytes(other), otherBytes);

        // A history from a newer Pingscope.
        const QString newer = dir.filePath(QStringLiteral("newer.sqlite"));
        {
            auto store = open(newer, fixedClock());
            QVERIFY(store);
            store->append(entries(QStringLiteral("k"), {result(now, ProbeStatus::Up, 1)}, EndpointStatus::Up));
            flush(*store);
        }
        {
            SqliteConnection db;
            QVERIFY(!db.open(newer, SqliteConnection::Mode::ReadWrite));
            QVERIFY(!db.exec("PRAGMA user_version = 99"));
        }
        const QByteArray newerBytes = fileBytes(newer);
        QVERIFY(!SqliteHistoryStore::open(newer, {}, &error));
        QCOMPARE(error.kind, HistoryError::Kind::NewerSchema);
        QVERIFY2(error.message.contains(QStringLiteral("newer")), qPrintable(error.message));
        QCOMPARE(fileBytes(newer), newerBytes);

        // A damaged one: the schema page overwritten.
        const QString damaged = dir.filePath(QStringLiteral("damaged.sqlite"));
        {
            auto store = open(damaged, fixedClock());
            QVERIFY(store);
            store->append(entries(QStringLiteral("k"), {result(now, ProbeStatus::Up, 1)}, EndpointStatus::Up));
            flush(*store);
        }
        {
            QFile file(damaged);
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.seek(100);
            file.write(QByteArray(3000, '\x5a'));
        }
        const QByteArray damagedBytes = fileBytes(damaged);
        QVERIFY(!SqliteHistoryStore::open(damaged, {}, &error));
        QCOMPARE(error.kind, HistoryError::Kind::Corrupt);
        QVERIFY2(error.message.contains(QStringLiteral("damaged")), qPrintable(error.message));
        QCOMPARE(fileBytes(damaged), damagedBytes);
    }

    void aReadOnlyFileIsReportedAndKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        {
            auto store = open(path, fixedClock());
            QVERIFY(store);
            store->append(entries(QStringLiteral("k"), {result(now - 1000, ProbeStatus::Up, 10)}, EndpointStatus::Up));
            flush(*store);
        }
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const QByteArray before = fileBytes(path);
        {
            WithoutDacOverride unprivileged;
            if (!unprivileged.works())
                QSKIP("running as root without the right to drop CAP_DAC_OVERRIDE");
            auto store = open(path, fixedClock());
            QVERIFY(store);
            QSignalSpy failed(store.get(), &HistoryStore::failed);
            QVERIFY(failed.wait(5000));
            const auto error = failed.first().first().value<HistoryError>();
            QCOMPARE(error.kind, HistoryError::Kind::ReadOnly);
            QVERIFY2(error.message.contains(path) && error.message.contains(QStringLiteral("read-only")),
                     qPrintable(error.message));
            // Reading still works.
            QCOMPARE(series(*store, QStringLiteral("k"), {now - hour, now}, HistoryResolution::Raw).points.size(), 1);
        }
        QCOMPARE(fileBytes(path), before);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void aFullDiskLosesNothingAlreadyWrittenNorWhatWaits()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        auto store = open(path, fixedClock());
        QVERIFY(store);
        QSignalSpy failed(store.get(), &HistoryStore::failed);
        QList<ProbeResult> first;
        for (int i = 0; i < 1000; ++i)
            first << result(now - hour + i, ProbeStatus::Up, i * 10);
        store->append(entries(QStringLiteral("k"), first, EndpointStatus::Up));
        flush(*store);
        const qint64 size = QFileInfo(path).size();
        const qint64 walSize = QFileInfo(path + QStringLiteral("-wal")).size();

        // Limit the size any file may grow to, so the next commits fail (EFBIG), even for root.
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        rlimit small = old;
        small.rlim_cur = rlim_t(std::max(size, walSize) + 4096);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        QList<ProbeResult> second;
        for (int i = 0; i < 50'000; ++i)
            second << result(now - hour + 1000 + i, ProbeStatus::Down, 10, ErrorKind::Refused,
                             QStringLiteral("refused %1").arg(i % 500));
        store->append(entries(QStringLiteral("k"), second, EndpointStatus::Down));
        flush(*store);
        const bool reported = failed.count() > 0 || failed.wait(5000);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);
        QVERIFY(reported);
        const auto error = failed.first().first().value<HistoryError>();
        QCOMPARE(error.kind, HistoryError::Kind::DiskFull);
        QVERIFY2(error.message.contains(path), qPrintable(error.message));
        QCOMPARE(integrityCheck(path), QStringLiteral("ok"));

        // With room again, what waited is written too.
        flush(*store);
        QCOMPARE(series(*store, QStringLiteral("k"), {now - 2 * hour, now}, HistoryResolution::Raw).points,
                 expected(first + second));
    }

    void backupCopiesAConsistentFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        auto store = open(path, fixedClock());
        QVERIFY(store);
        store->append(entries(QStringLiteral("k"), {result(now - 1000, ProbeStatus::Up, 10)}, EndpointStatus::Up));
        flush(*store);
        const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
        QVERIFY(!SqliteHistoryStore::backup(path, copy));
        QCOMPARE(integrityCheck(copy), QStringLiteral("ok"));
        HistoryError error;
        auto reader = HistoryReader::open(copy, nullptr, &error);
        QVERIFY(reader);
        QCOMPARE(reader->series(QStringLiteral("k"), {now - hour, now}, HistoryResolution::Raw).points.size(), 1);
        QCOMPARE(SqliteHistoryStore::backup(path, copy).kind, HistoryError::Kind::Io); // never overwrites
    }
};

QTEST_GUILESS_MAIN(TestSqliteHistoryStore)
#include "tst_sqlitehistorystore.moc"
