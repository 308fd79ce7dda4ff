// The history store under load (issue #12): synthetic results fed into the real SqliteHistoryStore
// at a fixed rate, as the monitor's batches would be, then queries and an export; and the same load
// into Uptime Kuma v1's one-row-per-check heartbeat table (its schema and four indexes, one
// autocommit insert per check). Queries over 30 days or a year need that much history: --backfill-days
// first writes it with past times through the same store (HistoryBackfill). Prints one line of JSON
// per measurement; docs/benchmarks.md keeps the figures with the command that made them.
//
//   history_bench [--endpoints N] [--rate R] [--seconds S] [--kind tcp|http] [--kuma] [--dir D]
//                 [--history FILE] [--backfill-days D] [--backfill-endpoints N] [--dense-days D]
//                 [--dense-interval S] [--sparse-interval S] [--export-hours H] [--repeat N]
//
// --seconds 0 skips the live load; --history FILE works on FILE and keeps it (without
// --backfill-days an existing FILE is used as it is, for instance one backfilled before).
#include "BenchSupport.h"
#include "HistoryBackfill.h"
#include "KumaHeartbeats.h"
#include "SyntheticResults.h"
#include "history/HistoryExport.h"
#include "history/HistoryPoints.h"
#include "history/HistoryReader.h"
#include "history/SqliteDatabase.h"
#include "history/SqliteHistoryStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <vector>

namespace {

using namespace BenchSupport;

constexpr qint64 minuteMs = 60'000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;

struct Options
{
    int endpoints = 10'000;
    int rate = 10'000;
    int seconds = 60;
    bool http = false;
    bool kuma = false;
    QString dir;
    QString history;
    int backfillDays = -1; // none
    HistoryBackfill::Plan plan;
    int exportHours = 24;
    int repeat = 5;
};

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double mainThreadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

struct FileUse
{
    qint64 usedBytes = 0; // pages in use (not free), after a checkpoint
    QList<std::pair<QString, qint64>> tables; // bytes of pages by table or index, largest first
    qint64 chunkDataBytes = 0; // the packed results themselves
    qint64 chunks = 0;
};

FileUse fileUse(const QString &path)
{
    FileUse use;
    SqliteConnection db;
    if (db.open(path, SqliteConnection::Mode::ReadWrite))
        return use;
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    use.usedBytes
        = (db.integer("PRAGMA page_count").value_or(0) - db.integer("PRAGMA freelist_count").value_or(0)) * 4096;
    use.chunkDataBytes = db.integer("SELECT coalesce(sum(length(bytes)), 0) FROM chunk_data").value_or(0);
    use.chunks = db.integer("SELECT count(*) FROM chunk").value_or(0);
    SqliteStatement pages = db.prepare("SELECT name, sum(pgsize) AS size FROM dbstat GROUP BY name ORDER BY size DESC");
    while (pages.step())
        use.tables.append({pages.text(0), pages.integer(1)});
    return use;
}

QString tablesJson(const FileUse &use)
{
    QStringList parts;
    for (const auto &[name, bytes] : use.tables)
        parts << QStringLiteral("\"%1\":%2").arg(name).arg(bytes);
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// The live load: results for every endpoint in turn at options.rate, in batches every 16 ms as the
// monitor's UpdateBatcher sends them, statuses as the monitor shows them (failure_threshold 2).
void recordIntoStore(const Options &options, const QString &path)
{
    const bool fresh = !QFileInfo::exists(path);
    QList<HistoryEndpoint> described;
    for (int i = 0; i < options.endpoints; ++i)
        described << HistoryEndpoint{HistoryBackfill::keyOf(i), QStringLiteral("endpoint %1").arg(i),
                                     QStringLiteral("tcp://127.0.0.1:%1").arg(10000 + i % 50000), ProbeKind::Tcp};
    auto openStore = [&path] {
        HistoryError error;
        auto store = SqliteHistoryStore::open(path, {}, &error);
        if (!store) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            std::exit(1);
        }
        return store;
    };
    if (fresh) {
        // A profile's first start writes every endpoint into the file once, in one commit: timed
        // apart, so that the load's figures are those of recording. Later starts find them there.
        auto store = openStore();
        store->describe(described);
        waitDone(store->flush());
        const HistoryWriter::Counters counters = store->counters();
        print(QStringLiteral("{\"store\":\"pingscope\",\"first_start\":true,\"endpoints\":%1,"
                             "\"describing_commit_ms\":%2}")
                  .arg(options.endpoints)
                  .arg(double(counters.longestStallUs) / 1000, 0, 'f', 1)
                  .toUtf8());
    }
    const FileUse before = fileUse(path); // the endpoints and what a backfill wrote
    auto store = openStore();
    store->describe(described);
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    store->beginRun(start);
    QRandomGenerator random(1);
    SyntheticResults::Statuses statuses(options.endpoints);
    qint64 sent = 0;
    QEventLoop loop;
    QTimer batches;
    QElapsedTimer clock;
    clock.start();
    store->counters(); // waits for the writer's thread, which is named once it runs
    const double cpuBefore = threadCpuSeconds("history writer");
    const double processBefore = processCpuSeconds();
    const double feederBefore = mainThreadCpuSeconds();
    const qint64 writtenBefore = storageWriteBytes();
    QObject::connect(&batches, &QTimer::timeout, &loop, [&] {
        const qint64 elapsed = clock.elapsed();
        const qint64 due = std::min<qint64>(elapsed, qint64(options.seconds) * 1000) * options.rate / 1000;
        QList<HistoryEntry> batch;
        batch.reserve(int(due - sent));
        for (; sent < due; ++sent) {
            const int endpoint = int(sent % options.endpoints);
            ProbeResult result = SyntheticResults::next(random, start + sent * 1000 / options.rate, options.http);
            const EndpointStatus status = statuses.after(endpoint, result.isUp());
            batch << HistoryEntry{described.at(endpoint).key, std::move(result), status};
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
    const double feederCpu = mainThreadCpuSeconds() - feederBefore;
    const double otherCpu = processCpuSeconds() - processBefore - writerCpu - feederCpu;
    const qint64 written = storageWriteBytes() - writtenBefore;
    const HistoryWriter::Counters counters = store->counters();
    store->endRun(QDateTime::currentMSecsSinceEpoch());
    print(QStringLiteral("{\"store\":\"pingscope\",\"file\":\"%1\",\"kind\":\"%2\",\"endpoints\":%3,\"rate\":%4,"
                         "\"seconds\":%5,\"appended\":%6,\"stored\":%7,\"dropped\":%8,\"writer_cpu_s\":%9,"
                         "\"writer_cpu_share\":%10,\"other_store_threads_cpu_s\":%11,\"feeder_cpu_s\":%12,"
                         "\"wal_bytes_per_s\":%13,\"storage_write_bytes_per_s\":%14,\"longest_transaction_ms\":%15,"
                         "\"longest_transaction\":\"%16\",\"longest_turn_ms\":%17,\"longest_turn_cpu_ms\":%18,"
                         "\"commits\":%19}")
              .arg(fresh ? "new" : "existing")
              .arg(options.http ? "http" : "tcp")
              .arg(options.endpoints)
              .arg(options.rate)
              .arg(wallS, 0, 'f', 1)
              .arg(sent)
              .arg(counters.stored)
              .arg(counters.dropped)
              .arg(writerCpu, 0, 'f', 2)
              .arg(writerCpu / wallS, 0, 'f', 4)
              .arg(otherCpu, 0, 'f', 2)
              .arg(feederCpu, 0, 'f', 2)
              .arg(double(counters.walFrames) * (4096 + 24) / wallS, 0, 'f', 0)
              .arg(double(written) / wallS, 0, 'f', 0)
              .arg(double(counters.longestStallUs) / 1000, 0, 'f', 1)
              .arg(QLatin1String(counters.longestStallKind))
              .arg(double(counters.longestTurnUs) / 1000, 0, 'f', 1)
              .arg(double(counters.longestTurnCpuUs) / 1000, 0, 'f', 1)
              .arg(counters.commits)
              .toUtf8());

    // After compaction: everything packed into chunks and rolled up.
    QElapsedTimer compacting;
    compacting.start();
    waitDone(store->compact());
    const double compactMs = msSince(compacting);
    store.reset();
    const FileUse after = fileUse(path);
    const double results = double(std::max<qint64>(1, sent));
    print(QStringLiteral("{\"store\":\"pingscope\",\"after_compaction\":true,\"compact_ms\":%1,"
                         "\"file_bytes_added_per_result\":%2,\"chunk_data_bytes_per_result\":%3,\"chunks_added\":%4,"
                         "\"file_bytes\":%5,\"pages_by_table\":%6}")
              .arg(compactMs, 0, 'f', 0)
              .arg(double(after.usedBytes - before.usedBytes) / results, 0, 'f', 2)
              .arg(double(after.chunkDataBytes - before.chunkDataBytes) / results, 0, 'f', 2)
              .arg(after.chunks - before.chunks)
              .arg(after.usedBytes)
              .arg(tablesJson(after))
              .toUtf8());
}

// One query timed: its first run on this connection, then the median of more runs in wall time and
// in this thread's CPU time (which other work on a shared machine does not lengthen).
struct Timing
{
    double firstMs = 0;
    double medianMs = 0;
    double medianCpuMs = 0;
};

template<typename Query> Timing timed(int repeat, Query query)
{
    Timing timing;
    QElapsedTimer first;
    first.start();
    query();
    timing.firstMs = msSince(first);
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = mainThreadCpuSeconds();
        query();
        cpu.push_back((mainThreadCpuSeconds() - cpuBefore) * 1000);
        wall.push_back(msSince(timer));
    }
    timing.medianMs = repeat > 0 ? median(wall) : timing.firstMs;
    timing.medianCpuMs = median(cpu);
    return timing;
}

// Queries on the file, on a reader of its own (as the CLI and the store's reader threads do).
void queries(const Options &options, const QString &path)
{
    HistoryError error;
    auto reader = HistoryReader::open(path, nullptr, &error);
    if (!reader) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString one = HistoryBackfill::keyOf(0);
    QStringList keys;
    for (const HistoryEndpoint &endpoint : reader->endpoints())
        keys << endpoint.key;
    const auto runs = reader->runs({0, now + dayMs});
    print(QStringLiteral("{\"history\":true,\"endpoints\":%1,\"runs\":%2,\"first_run\":\"%3\",\"file_bytes\":%4}")
              .arg(keys.size())
              .arg(runs.size())
              .arg(runs.isEmpty() ? QString()
                                  : QDateTime::fromMSecsSinceEpoch(runs.first().startMs, Qt::UTC).toString(Qt::ISODate))
              .arg(QFileInfo(path).size())
              .toUtf8());
    for (const auto &[name, span] :
         {std::pair{"24h", dayMs}, std::pair{"30d", 30 * dayMs}, std::pair{"1y", 365 * dayMs}}) {
        const HistoryRange range{now - span, now};
        const auto oneMs = timed(options.repeat, [&] { reader->uptime({one}, range); });
        qsizetype answered = 0;
        const auto allMs = timed(options.repeat, [&] { answered = reader->uptime({}, range).size(); });
        // As the window's Uptime columns ask: the keys named, 500 a query.
        const auto batchedMs = timed(0, [&] {
            for (qsizetype first = 0; first < keys.size(); first += 500)
                reader->uptime(keys.mid(first, 500), range);
        });
        print(QStringLiteral("{\"query\":\"uptime %1\",\"one_endpoint_ms\":%2,\"one_endpoint_cpu_ms\":%3,"
                             "\"one_endpoint_first_ms\":%4,\"all_ms\":%5,\"all_cpu_ms\":%6,\"all_first_ms\":%7,"
                             "\"all_in_batches_of_500_ms\":%8,\"endpoints\":%9}")
                  .arg(QLatin1String(name))
                  .arg(oneMs.medianMs, 0, 'f', 2)
                  .arg(oneMs.medianCpuMs, 0, 'f', 2)
                  .arg(oneMs.firstMs, 0, 'f', 2)
                  .arg(allMs.medianMs, 0, 'f', 1)
                  .arg(allMs.medianCpuMs, 0, 'f', 1)
                  .arg(allMs.firstMs, 0, 'f', 1)
                  .arg(batchedMs.firstMs, 0, 'f', 1)
                  .arg(answered)
                  .toUtf8());
    }
    // The detail pane's ranges, each read as the chart reads it: the series at the finest
    // resolution that draws it in at most 2,000 points, then the runs and the outages.
    const qint64 intervalMs = options.backfillDays >= 0
        ? qint64(options.plan.denseIntervalS) * 1000
        : std::max<qint64>(1000, qint64(options.endpoints) * 1000 / options.rate);
    for (const auto &[name, span] :
         {std::pair{"5 min", 5 * minuteMs}, std::pair{"1 h", hourMs}, std::pair{"6 h", 6 * hourMs},
          std::pair{"24 h", dayMs}, std::pair{"7 d", 7 * dayMs}, std::pair{"30 d", 30 * dayMs},
          std::pair{"90 d", 90 * dayMs}, std::pair{"1 y", 365 * dayMs}}) {
        const HistoryRange range{now - span, now};
        const HistoryResolution resolution = historyResolutionFor(range, 2000, intervalMs);
        qsizetype points = 0;
        const auto seriesMs = timed(options.repeat, [&] {
            const HistorySeries series = reader->series(one, range, resolution);
            points = series.points.size() + series.buckets.size();
        });
        const auto chartMs = timed(options.repeat, [&] {
            reader->series(one, range, resolution);
            reader->runs(range);
            reader->outages({one}, range);
        });
        print(QStringLiteral("{\"query\":\"chart %1\",\"resolution\":\"%2\",\"points\":%3,\"series_ms\":%4,"
                             "\"series_cpu_ms\":%5,\"series_first_ms\":%6,\"with_runs_and_outages_ms\":%7,"
                             "\"with_runs_and_outages_cpu_ms\":%8}")
                  .arg(QLatin1String(name))
                  .arg(historyResolutionName(resolution))
                  .arg(points)
                  .arg(seriesMs.medianMs, 0, 'f', 2)
                  .arg(seriesMs.medianCpuMs, 0, 'f', 2)
                  .arg(seriesMs.firstMs, 0, 'f', 2)
                  .arg(chartMs.medianMs, 0, 'f', 2)
                  .arg(chartMs.medianCpuMs, 0, 'f', 2)
                  .toUtf8());
    }
    const auto outagesMs = timed(0, [&] { reader->outages({}, {now - 365 * dayMs, now}); });
    print(QStringLiteral("{\"query\":\"outages of all, 1 y\",\"ms\":%1,\"outages\":%2}")
              .arg(outagesMs.firstMs, 0, 'f', 1)
              .arg(reader->outages({}, {now - 365 * dayMs, now}).size())
              .toUtf8());

    // Export: every endpoint's rows of the last hours as CSV, into memory (the rate of the reader and
    // the formatting, not of a disk).
    QElapsedTimer exporting;
    exporting.start();
    const double exportCpuBefore = mainThreadCpuSeconds();
    const qint64 rows = HistoryExport::write(*reader, {}, {now - qint64(options.exportHours) * hourMs, now + hourMs},
                                             HistoryExport::Format::Csv, [](const QByteArray &) { return true; })
                            .rows;
    const double exportWallS = msSince(exporting) / 1000;
    const double exportCpuS = mainThreadCpuSeconds() - exportCpuBefore;
    print(QStringLiteral("{\"query\":\"export csv, last %1 h\",\"rows\":%2,\"rows_per_s\":%3,\"rows_per_cpu_s\":%4}")
              .arg(options.exportHours)
              .arg(rows)
              .arg(double(rows) / exportWallS, 0, 'f', 0)
              .arg(double(rows) / std::max(1e-6, exportCpuS), 0, 'f', 0)
              .toUtf8());
}

void backfill(const Options &options, const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    HistoryBackfill::Plan plan = options.plan;
    plan.days = options.backfillDays;
    plan.http = options.http;
    HistoryBackfill::Figures figures;
    if (!HistoryBackfill::write(plan, path, &figures))
        std::exit(1);
    print(QStringLiteral("{\"backfill\":true,\"endpoints\":%1,\"days\":%2,\"dense_days\":%3,\"dense_interval_s\":%4,"
                         "\"sparse_interval_s\":%5,\"results\":%6,\"runs\":%7,\"outages\":%8,\"wall_s\":%9,"
                         "\"writer_cpu_s\":%10,\"results_per_writer_cpu_s\":%11,\"file_bytes\":%12}")
              .arg(plan.endpoints)
              .arg(plan.days)
              .arg(plan.denseDays)
              .arg(plan.denseIntervalS)
              .arg(plan.sparseIntervalS)
              .arg(figures.results)
              .arg(figures.runs)
              .arg(figures.outages)
              .arg(figures.wallS, 0, 'f', 0)
              .arg(figures.writerCpuS, 0, 'f', 0)
              .arg(double(figures.results) / std::max(0.01, figures.writerCpuS), 0, 'f', 0)
              .arg(figures.fileBytes)
              .toUtf8());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    const QStringList args = app.arguments();
    bool usage = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString arg = args.at(i);
        const QString value = args.value(i + 1);
        auto number = [&](int *into) {
            bool ok = false;
            *into = value.toInt(&ok);
            usage = usage || !ok;
            ++i;
        };
        if (arg == QLatin1String("--endpoints"))
            number(&options.endpoints);
        else if (arg == QLatin1String("--rate"))
            number(&options.rate);
        else if (arg == QLatin1String("--seconds"))
            number(&options.seconds);
        else if (arg == QLatin1String("--kind"))
            options.http = value == QLatin1String("http"), ++i;
        else if (arg == QLatin1String("--dir"))
            options.dir = value, ++i;
        else if (arg == QLatin1String("--history"))
            options.history = value, ++i;
        else if (arg == QLatin1String("--kuma"))
            options.kuma = true;
        else if (arg == QLatin1String("--backfill-days"))
            number(&options.backfillDays);
        else if (arg == QLatin1String("--backfill-endpoints"))
            number(&options.plan.endpoints);
        else if (arg == QLatin1String("--dense-days"))
            number(&options.plan.denseDays);
        else if (arg == QLatin1String("--dense-interval"))
            number(&options.plan.denseIntervalS);
        else if (arg == QLatin1String("--sparse-interval"))
            number(&options.plan.sparseIntervalS);
        else if (arg == QLatin1String("--export-hours"))
            number(&options.exportHours);
        else if (arg == QLatin1String("--repeat"))
            number(&options.repeat);
        else
            usage = true;
    }
    if (usage || options.endpoints <= 0 || options.rate <= 0 || options.plan.endpoints <= 0
        || options.plan.denseIntervalS <= 0 || options.plan.sparseIntervalS <= 0) {
        std::fprintf(stderr,
                     "usage: history_bench [--endpoints N] [--rate R] [--seconds S] [--kind tcp|http] [--kuma] "
                     "[--dir D] [--history FILE] [--backfill-days D] [--backfill-endpoints N] [--dense-days D] "
                     "[--dense-interval S] [--sparse-interval S] [--export-hours H] [--repeat N]\n");
        return 2;
    }
    QTemporaryDir temporary;
    const QString dir = options.dir.isEmpty() ? temporary.path() : options.dir;
    const QString path
        = options.history.isEmpty() ? QDir(dir).filePath(QStringLiteral("bench-history.sqlite")) : options.history;
    if (options.history.isEmpty())
        QFile::remove(path);
    if (options.backfillDays >= 0)
        backfill(options, path);
    else if (!options.history.isEmpty() && !QFileInfo::exists(path) && options.seconds == 0) {
        std::fprintf(stderr, "%s: no such history\n", qPrintable(path));
        return 1;
    }
    if (options.seconds > 0)
        recordIntoStore(options, path);
    queries(options, path);
    if (options.kuma && options.seconds > 0) {
        const QString kuma = QDir(dir).filePath(QStringLiteral("bench-kuma.sqlite"));
        QFile::remove(kuma);
        const KumaHeartbeats::Load load{options.endpoints, options.rate, options.seconds, options.http};
        KumaHeartbeats::record(load, kuma);
        KumaHeartbeats::query(load, kuma, options.repeat);
    }
    return 0;
}
