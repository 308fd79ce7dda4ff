// The history store under load (issue #12): synthetic results fed into the real SqliteHistoryStore
// at a fixed rate, as the monitor's batches would be, then queries and an export; and the same load
// into Uptime Kuma v1's one-row-per-check heartbeat table (its schema and four indexes, one
// autocommit insert per check). Prints one line of JSON per measurement; docs/benchmarks.md keeps
// the figures with the command that made them.
//
//   history_bench [--endpoints N] [--rate R] [--seconds S] [--kind tcp|http] [--kuma] [--dir D]
#include "history/HistoryExport.h"
#include "history/HistoryPoints.h"
#include "history/HistoryReader.h"
#include "history/HistoryText.h"
#include "history/SqliteDatabase.h"
#include "history/SqliteHistoryStore.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace {

struct Options
{
    int endpoints = 10'000;
    int rate = 10'000;
    int seconds = 60;
    bool http = false;
    bool kuma = false;
    QString dir;
};

// CPU seconds of this process's thread named name (Qt names the OS thread after the QThread's objectName).
double threadCpuSeconds(const QByteArray &name)
{
    const long ticks = sysconf(_SC_CLK_TCK);
    for (const QString &task : QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name)
            continue;
        QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(task));
        if (!stat.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(ticks);
    }
    return -1;
}

ProbeResult synthetic(QRandomGenerator &random, qint64 startedMs, bool http)
{
    ProbeResult result;
    result.started = QDateTime::fromMSecsSinceEpoch(startedMs, Qt::UTC);
    const bool down = random.bounded(1000) < 5;
    result.status = down ? ProbeStatus::Down : ProbeStatus::Up;
    const qint64 latency = down ? 5'000'000 : 150 + random.bounded(250) + (random.bounded(100) == 0 ? 2000 : 0);
    result.latency = std::chrono::microseconds(latency);
    if (down) {
        result.errorKind = ErrorKind::Timeout;
        result.errorMessage = QStringLiteral("no answer within 5 s (connecting)");
    } else if (http) {
        result.httpStatus = 200;
        result.phases.dns = std::chrono::microseconds(10 + random.bounded(20));
        result.phases.connect = std::chrono::microseconds(latency / 3);
        result.phases.ttfb = std::chrono::microseconds(latency / 2);
        result.phases.transfer = std::chrono::microseconds(latency / 6);
    } else {
        result.phases.connect = result.latency;
    }
    return result;
}

void print(const QByteArray &json)
{
    std::printf("%s\n", json.constData());
    std::fflush(stdout);
}

template<typename T> T wait(QCoro::Task<T> task)
{
    std::optional<T> value;
    QEventLoop loop;
    auto run = [](QCoro::Task<T> t, std::optional<T> *into, QEventLoop *l) -> QCoro::Task<> {
        *into = co_await std::move(t);
        l->quit();
    };
    auto runner = run(std::move(task), &value, &loop);
    if (!value)
        loop.exec();
    return std::move(*value);
}

void waitDone(QCoro::Task<> task)
{
    bool done = false;
    QEventLoop loop;
    auto run = [](QCoro::Task<> t, bool *d, QEventLoop *l) -> QCoro::Task<> {
        co_await std::move(t);
        *d = true;
        l->quit();
    };
    auto runner = run(std::move(task), &done, &loop);
    if (!done)
        loop.exec();
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void recordIntoStore(const Options &options, const QString &path)
{
    HistoryError error;
    auto store = SqliteHistoryStore::open(path, {}, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        std::exit(1);
    }
    QList<HistoryEndpoint> described;
    for (int i = 0; i < options.endpoints; ++i)
        described << HistoryEndpoint{QStringLiteral("e%1").arg(i), QStringLiteral("endpoint %1").arg(i),
                                     QStringLiteral("tcp://127.0.0.1:%1").arg(10000 + i % 50000), ProbeKind::Tcp};
    store->describe(described);
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    store->beginRun(start);
    QRandomGenerator random(1);
    qint64 sent = 0;
    QEventLoop loop;
    QTimer batches;
    QElapsedTimer clock;
    clock.start();
    const double cpuBefore = threadCpuSeconds("history writer");
    // Batches every 16 ms, as the monitor's UpdateBatcher sends them.
    QObject::connect(&batches, &QTimer::timeout, &loop, [&] {
        const qint64 elapsed = clock.elapsed();
        const qint64 due = std::min<qint64>(elapsed, qint64(options.seconds) * 1000) * options.rate / 1000;
        QList<HistoryEntry> batch;
        batch.reserve(int(due - sent));
        for (; sent < due; ++sent) {
            const int endpoint = int(sent % options.endpoints);
            const ProbeResult result = synthetic(random, start + sent * 1000 / options.rate, options.http);
            batch << HistoryEntry{described.at(endpoint).key, result,
                                  result.isUp() ? EndpointStatus::Up : EndpointStatus::Down};
        }
        if (!batch.isEmpty())
            store->append(batch);
        if (elapsed >= qint64(options.seconds) * 1000)
            loop.quit();
    });
    batches.start(16);
    loop.exec();
    waitDone(store->flush());
    const double wallS = msSince(clock) / 1000;
    const double writerCpu = threadCpuSeconds("history writer") - cpuBefore;
    const HistoryWriter::Counters counters = store->counters();
    store->endRun(QDateTime::currentMSecsSinceEpoch());
    print(QStringLiteral("{\"store\":\"pingscope\",\"kind\":\"%1\",\"endpoints\":%2,\"rate\":%3,\"seconds\":%4,"
                         "\"appended\":%5,\"stored\":%6,\"dropped\":%7,\"writer_cpu_share\":%8,\"wal_bytes_per_s\":%9,"
                         "\"longest_stall_ms\":%10,\"commits\":%11}")
              .arg(options.http ? "http" : "tcp")
              .arg(options.endpoints)
              .arg(options.rate)
              .arg(wallS, 0, 'f', 1)
              .arg(sent)
              .arg(counters.stored)
              .arg(counters.dropped)
              .arg(writerCpu / wallS, 0, 'f', 4)
              .arg(double(counters.walFrames) * (4096 + 24) / wallS, 0, 'f', 0)
              .arg(double(counters.longestStallUs) / 1000, 0, 'f', 1)
              .arg(counters.commits)
              .toUtf8());

    // After compaction: everything packed into chunks and rolled up.
    QElapsedTimer compacting;
    compacting.start();
    waitDone(store->compact());
    const double compactMs = msSince(compacting);
    store.reset();
    SqliteConnection db;
    db.open(path, SqliteConnection::Mode::ReadWrite);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const qint64 used
        = (db.integer("PRAGMA page_count").value_or(0) - db.integer("PRAGMA freelist_count").value_or(0)) * 4096;
    const qint64 chunkBytes = db.integer("SELECT sum(length(bytes)) FROM chunk_data").value_or(0);
    const qint64 chunkRows = db.integer("SELECT count(*) FROM chunk").value_or(0);
    db.close();
    print(QStringLiteral(
              "{\"store\":\"pingscope\",\"after_compaction\":true,\"compact_ms\":%1,\"file_bytes_per_result\":%2,"
              "\"chunk_bytes_per_result\":%3,\"chunks\":%4}")
              .arg(compactMs, 0, 'f', 0)
              .arg(double(used) / double(std::max<qint64>(1, sent)), 0, 'f', 2)
              .arg(double(chunkBytes) / double(std::max<qint64>(1, sent)), 0, 'f', 2)
              .arg(chunkRows)
              .toUtf8());
}

// Queries on the recorded file, each timed on its own reader (as the CLI and the store's threads do).
void queries(const Options &options, const QString &path)
{
    HistoryError error;
    auto reader = HistoryReader::open(path, nullptr, &error);
    if (!reader) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &[name, span] :
         {std::pair{"24h", 86'400'000LL}, std::pair{"30d", 30 * 86'400'000LL}, std::pair{"1y", 365 * 86'400'000LL}}) {
        QElapsedTimer one;
        one.start();
        reader->uptime({QStringLiteral("e0")}, {now - span, now});
        const double oneMs = msSince(one);
        QElapsedTimer all;
        all.start();
        const auto uptimes = reader->uptime({}, {now - span, now});
        print(QStringLiteral("{\"query\":\"uptime %1\",\"one_endpoint_ms\":%2,\"all_ms\":%3,\"endpoints\":%4}")
                  .arg(QLatin1String(name))
                  .arg(oneMs, 0, 'f', 2)
                  .arg(msSince(all), 0, 'f', 1)
                  .arg(uptimes.size())
                  .toUtf8());
    }
    const HistoryRange month{now - 30 * 86'400'000LL, now};
    const HistoryResolution resolution = historyResolutionFor(month, 2000, 1000);
    QElapsedTimer chart;
    chart.start();
    const HistorySeries series = reader->series(QStringLiteral("e0"), month, resolution);
    print(QStringLiteral("{\"query\":\"30-day chart\",\"resolution\":\"%1\",\"points\":%2,\"ms\":%3}")
              .arg(historyResolutionName(resolution))
              .arg(series.buckets.size() + series.points.size())
              .arg(msSince(chart), 0, 'f', 2)
              .toUtf8());
    QElapsedTimer rawChart;
    rawChart.start();
    const HistorySeries raw = reader->series(QStringLiteral("e0"), {now - 3'600'000, now}, HistoryResolution::Raw);
    print(QStringLiteral("{\"query\":\"1-hour raw chart\",\"points\":%1,\"ms\":%2}")
              .arg(raw.points.size())
              .arg(msSince(rawChart), 0, 'f', 2)
              .toUtf8());

    // Export: every row as CSV, into memory (the rate of the reader and the formatting, not of a disk).
    QElapsedTimer exporting;
    exporting.start();
    const qint64 rows
        = HistoryExport::write(*reader, {}, {0, now + 86'400'000}, HistoryExport::Format::Csv, [](const QByteArray &) {
              return true;
          }).rows;
    print(QStringLiteral("{\"query\":\"export csv\",\"rows\":%1,\"rows_per_s\":%2}")
              .arg(rows)
              .arg(double(rows) / (msSince(exporting) / 1000), 0, 'f', 0)
              .toUtf8());
    Q_UNUSED(options);
}

// Uptime Kuma v1's heartbeat table (db/kuma.db and its migrations): one row per check, four indexes,
// each insert its own transaction, WAL. Rows go in as fast as they can, up to the same rate.
void recordIntoKuma(const Options &options, const QString &path)
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
        const ProbeResult result = synthetic(random, start + sent * 1000 / options.rate, options.http);
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
    const double wallS = msSince(clock) / 1000;
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
    const double oneMs = msSince(query);
    print(QStringLiteral(
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString arg = args.at(i);
        const QString value = args.value(i + 1);
        if (arg == QLatin1String("--endpoints"))
            options.endpoints = value.toInt(), ++i;
        else if (arg == QLatin1String("--rate"))
            options.rate = value.toInt(), ++i;
        else if (arg == QLatin1String("--seconds"))
            options.seconds = value.toInt(), ++i;
        else if (arg == QLatin1String("--kind"))
            options.http = value == QLatin1String("http"), ++i;
        else if (arg == QLatin1String("--dir"))
            options.dir = value, ++i;
        else if (arg == QLatin1String("--kuma"))
            options.kuma = true;
        else {
            std::fprintf(stderr,
                         "usage: history_bench [--endpoints N] [--rate R] [--seconds S] [--kind tcp|http] "
                         "[--kuma] [--dir D]\n");
            return 2;
        }
    }
    QTemporaryDir temporary;
    const QString dir = options.dir.isEmpty() ? temporary.path() : options.dir;
    const QString path = QDir(dir).filePath(QStringLiteral("bench-history.sqlite"));
    QFile::remove(path);
    recordIntoStore(options, path);
    queries(options, path);
    if (options.kuma) {
        const QString kuma = QDir(dir).filePath(QStringLiteral("bench-kuma.sqlite"));
        QFile::remove(kuma);
        recordIntoKuma(options, kuma);
    }
    return 0;
}
