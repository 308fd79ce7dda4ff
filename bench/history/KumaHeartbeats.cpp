#include "KumaHeartbeats.h"

#include "BenchSupport.h"
#include "SyntheticResults.h"
#include "history/HistoryText.h"
#include "history/HistoryTypes.h"
#include "history/SqliteDatabase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <unistd.h>
#include <vector>

namespace {

struct WalCount
{
    quint64 frames = 0;
    int last = 0;
};

// Counts the pages appended to the WAL and checkpoints as SQLite's own hook does (passive, at
// 1,000 pages): setting a hook replaces the automatic checkpoint, which Kuma relies on.
int countingWalHook(void *context, sqlite3 *db, const char *name, int frames)
{
    auto *count = static_cast<WalCount *>(context);
    count->frames += quint64(frames >= count->last ? frames - count->last : frames);
    count->last = frames;
    if (frames >= 1000) {
        sqlite3_wal_checkpoint(db, name);
        count->last = 0;
    }
    return SQLITE_OK;
}

QString kumaTime(qint64 ms)
{
    return QString::fromLatin1(HistoryText::isoTime(ms)).replace(QLatin1Char('T'), QLatin1Char(' ')).chopped(1);
}

} // namespace

void KumaHeartbeats::record(const Load &options, const QString &path)
{
    SqliteConnection db;
    db.open(path, SqliteConnection::Mode::Create);
    db.exec(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
        "CREATE TABLE heartbeat (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, important BOOLEAN NOT NULL DEFAULT 0,"
        " monitor_id INTEGER NOT NULL, status SMALLINT NOT NULL, msg TEXT, time DATETIME NOT NULL, ping INTEGER,"
        " duration INTEGER NOT NULL DEFAULT 0, down_count INTEGER NOT NULL DEFAULT 0);"
        "CREATE INDEX important ON heartbeat (important);"
        "CREATE INDEX monitor_id ON heartbeat (monitor_id);"
        "CREATE INDEX monitor_time_index ON heartbeat (monitor_id, time);"
        "CREATE INDEX monitor_important_time_index ON heartbeat (monitor_id, important, time);");
    WalCount wal;
    sqlite3_wal_hook(db.handle(), countingWalHook, &wal);
    SqliteStatement insert
        = db.prepare("INSERT INTO heartbeat (important, monitor_id, status, msg, time, ping, duration)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?)");
    QRandomGenerator random(1);
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    const qint64 intervalS = std::max<qint64>(1, qint64(options.endpoints) / options.rate);
    QElapsedTimer clock;
    clock.start();
    timespec before{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &before);
    const qint64 writtenBefore = BenchSupport::storageWriteBytes();
    qint64 sent = 0;
    qint64 behind = 0;
    const qint64 total = qint64(options.seconds) * options.rate;
    while (sent < total && clock.elapsed() < qint64(options.seconds) * 1000) {
        const qint64 due = clock.elapsed() * options.rate / 1000;
        if (sent >= due) {
            usleep(1000);
            continue;
        }
        const ProbeResult result = SyntheticResults::next(random, start + sent * 1000 / options.rate, options.http);
        insert.bind(1, qint64(0)).bind(2, qint64(sent % options.endpoints)).bind(3, qint64(result.isUp() ? 1 : 0));
        insert.bind(4, result.isUp() ? QStringLiteral("OK") : result.errorMessage);
        insert.bind(5, kumaTime(historyMsOf(result.started)));
        // duration: seconds since the monitor's previous beat.
        insert.bind(6, qint64(result.latency.count() / 1000)).bind(7, intervalS);
        insert.step();
        insert.reset();
        ++sent;
        behind = due - sent;
    }
    const double wallS = BenchSupport::msSince(clock) / 1000;
    timespec after{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &after);
    const double cpu = double(after.tv_sec - before.tv_sec) + double(after.tv_nsec - before.tv_nsec) / 1e9;
    const qint64 written = BenchSupport::storageWriteBytes() - writtenBefore;
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const qint64 used
        = (db.integer("PRAGMA page_count").value_or(0) - db.integer("PRAGMA freelist_count").value_or(0)) * 4096;
    BenchSupport::print(
        QStringLiteral("{\"store\":\"uptime-kuma-v1\",\"endpoints\":%1,\"rate\":%2,\"seconds\":%3,\"wanted\":%4,"
                       "\"stored\":%5,\"behind_at_end\":%6,\"writer_cpu_s\":%7,\"writer_cpu_share\":%8,"
                       "\"wal_bytes_per_s\":%9,\"storage_write_bytes_per_s\":%10,\"file_bytes_per_result\":%11}")
            .arg(options.endpoints)
            .arg(options.rate)
            .arg(wallS, 0, 'f', 1)
            .arg(qint64(wallS * options.rate))
            .arg(sent)
            .arg(behind)
            .arg(cpu, 0, 'f', 2)
            .arg(cpu / wallS, 0, 'f', 3)
            .arg(double(wal.frames) * (4096 + 24) / wallS, 0, 'f', 0)
            .arg(double(written) / wallS, 0, 'f', 0)
            .arg(double(used) / double(std::max<qint64>(1, sent)), 0, 'f', 1)
            .toUtf8());
}

void KumaHeartbeats::query(const Load &load, const QString &path, int repeat)
{
    SqliteConnection db;
    if (db.open(path, SqliteConnection::Mode::ReadOnly))
        return;
    const QString since = kumaTime(QDateTime::currentMSecsSinceEpoch() - 86'400'000);
    // A beat's duration counts in full, or the part of it inside the window.
    SqliteStatement uptime = db.prepare(
        "SELECT sum(CASE WHEN (julianday(time) - julianday(?1)) * 86400 < duration"
        "                THEN (julianday(time) - julianday(?1)) * 86400 ELSE duration END),"
        "       sum(CASE WHEN status = 1 THEN CASE WHEN (julianday(time) - julianday(?1)) * 86400 < duration"
        "                THEN (julianday(time) - julianday(?1)) * 86400 ELSE duration END END)"
        " FROM heartbeat WHERE time > ?1 AND monitor_id = ?2");
    auto uptimeOf = [&](int monitor) {
        uptime.bind(1, since).bind(2, qint64(monitor));
        uptime.step();
        const double ratio = uptime.isNull(0) ? 0 : double(uptime.integer(1)) / std::max<qint64>(1, uptime.integer(0));
        uptime.reset();
        return ratio;
    };
    auto timed = [&](auto run) {
        std::vector<double> ms;
        for (int i = 0; i < std::max(1, repeat); ++i) {
            QElapsedTimer timer;
            timer.start();
            run();
            ms.push_back(BenchSupport::msSince(timer));
        }
        std::sort(ms.begin(), ms.end());
        return ms[ms.size() / 2];
    };
    const double oneMs = timed([&] { uptimeOf(0); });
    const double allMs = timed([&] {
        for (int monitor = 0; monitor < load.endpoints; ++monitor)
            uptimeOf(monitor);
    });
    SqliteStatement beats
        = db.prepare("SELECT status, time, msg, ping, duration FROM heartbeat WHERE monitor_id = ? AND time > ?"
                     " ORDER BY time");
    qint64 points = 0;
    const double chartMs = timed([&] {
        points = 0;
        beats.bind(1, qint64(0)).bind(2, since);
        while (beats.step())
            ++points;
        beats.reset();
    });
    SqliteStatement everything = db.prepare("SELECT monitor_id, status, time, msg, ping FROM heartbeat ORDER BY id");
    QElapsedTimer exporting;
    exporting.start();
    qint64 rows = 0;
    qint64 bytes = 0; // of CSV lines formatted as the store's export formats them
    while (everything.step()) {
        const QByteArray line = QByteArray::number(everything.integer(0)) + ',' + everything.text(2).toUtf8() + ','
            + QByteArray::number(everything.integer(1)) + ',' + everything.text(3).toUtf8() + ','
            + QByteArray::number(everything.integer(4)) + '\n';
        bytes += line.size();
        ++rows;
    }
    BenchSupport::print(QStringLiteral("{\"store\":\"uptime-kuma-v1\",\"query\":\"uptime 24h\",\"one_endpoint_ms\":%1,"
                                       "\"all_ms\":%2,\"chart_24h_ms\":%3,\"chart_points\":%4,\"export_rows\":%5,"
                                       "\"export_rows_per_s\":%6,\"export_bytes\":%7}")
                            .arg(oneMs, 0, 'f', 2)
                            .arg(allMs, 0, 'f', 1)
                            .arg(chartMs, 0, 'f', 2)
                            .arg(points)
                            .arg(rows)
                            .arg(double(rows) / (BenchSupport::msSince(exporting) / 1000), 0, 'f', 0)
                            .arg(bytes)
                            .toUtf8());
}
