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

#include <ctime>
#include <unistd.h>

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
    SqliteStatement insert
        = db.prepare("INSERT INTO heartbeat (important, monitor_id, status, msg, time, ping, duration)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?)");
    QRandomGenerator random(1);
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer clock;
    clock.start();
    timespec before{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &before);
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
        insert.bind(5,
                    QString::fromLatin1(HistoryText::isoTime(historyMsOf(result.started)))
                        .replace(QLatin1Char('T'), QLatin1Char(' '))
                        .chopped(1));
        insert.bind(6, qint64(result.latency.count() / 1000)).bind(7, qint64(1));
        insert.step();
        insert.reset();
        ++sent;
        behind = due - sent;
    }
    const double wallS = BenchSupport::msSince(clock) / 1000;
    timespec after{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &after);
    const double cpu = double(after.tv_sec - before.tv_sec) + double(after.tv_nsec - before.tv_nsec) / 1e9;
    const qint64 walBytes = QFileInfo(path + QStringLiteral("-wal")).size();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const qint64 used
        = (db.integer("PRAGMA page_count").value_or(0) - db.integer("PRAGMA freelist_count").value_or(0)) * 4096;
    QElapsedTimer query;
    query.start();
    SqliteStatement uptime
        = db.prepare("SELECT count(*), sum(status = 1) FROM heartbeat WHERE monitor_id = ? AND time > ?");
    uptime.bind(1, qint64(0)).bind(2, QStringLiteral("1970-01-01 00:00:00"));
    uptime.step();
    const double oneMs = BenchSupport::msSince(query);
    BenchSupport::print(
        QStringLiteral(
            "{\"store\":\"uptime-kuma-v1\",\"rate\":%1,\"seconds\":%2,\"wanted\":%3,\"stored\":%4,"
            "\"behind_at_end\":%5,\"writer_cpu_share\":%6,\"wal_file_bytes\":%7,\"file_bytes_per_result\":%8,"
            "\"uptime_one_endpoint_all_time_ms\":%9}")
            .arg(options.rate)
            .arg(wallS, 0, 'f', 1)
            .arg(qint64(wallS * options.rate))
            .arg(sent)
            .arg(behind)
            .arg(cpu / wallS, 0, 'f', 3)
            .arg(walBytes)
            .arg(double(used) / double(std::max<qint64>(1, sent)), 0, 'f', 1)
            .arg(oneMs, 0, 'f', 2)
            .toUtf8());
}
