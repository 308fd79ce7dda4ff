// The history store under load (issue #12): synthetic results fed into the real SqliteHistoryStore
// at a fixed rate, as the monitor's batches would be, then queries and an export; and the same load
// into Uptime Kuma v1's one-row-per-check heartbeat table (its schema and four indexes, one
// autocommit insert per check). Prints one line of JSON per measurement; docs/benchmarks.md keeps
// the figures with the command that made them.
//
//   history_bench [--endpoints N] [--rate R] [--seconds S] [--kind tcp|http] [--kuma] [--dir D]
#include "BenchSupport.h"
#include "KumaHeartbeats.h"
#include "SyntheticResults.h"
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

using namespace BenchSupport;

struct Options
{
    int endpoints = 10'000;
    int rate = 10'000;
    int seconds = 60;
    bool http = false;
    bool kuma = false;
    QString dir;
};

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
            const ProbeResult result = SyntheticResults::next(random, start + sent * 1000 / options.rate, options.http);
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
        KumaHeartbeats::record({options.endpoints, options.rate, options.seconds, options.http}, kuma);
    }
    return 0;
}
