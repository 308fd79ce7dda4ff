// Records synthetic results into a history at a high rate until it is killed, for tst_historycrash.
// Prints "INDEX WALLCLOCK_MS" after each batch handed to the store: every result up to INDEX was
// appended by then. Result i has latency i × 10 µs, so the parent can tell which ones were stored.
#include "history/SqliteHistoryStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: history_crash_child FILE PREFIX RATE\n");
        return 2;
    }
    const QString prefix = args.at(2);
    const int rate = args.at(3).toInt();
    HistoryError error;
    auto store = SqliteHistoryStore::open(args.at(1), {}, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    QObject::connect(store.get(), &HistoryStore::failed, &app, [](const HistoryError &failure) {
        std::fprintf(stderr, "failed: %s\n", qPrintable(failure.message));
    });
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    store->beginRun(start);
    qint64 next = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, &app, [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 due = (now - start) * rate / 1000;
        QList<HistoryEntry> batch;
        for (; next < due; ++next) {
            ProbeResult result;
            result.status = ProbeStatus::Up;
            result.started = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
            result.latency = std::chrono::microseconds(next * 10);
            batch << HistoryEntry{prefix + QString::number(next % 50), result, EndpointStatus::Up};
        }
        if (batch.isEmpty())
            return;
        store->append(batch);
        std::printf("%lld %lld\n", static_cast<long long>(next - 1), static_cast<long long>(now));
        std::fflush(stdout);
    });
    timer.start(16);
    return app.exec();
}
