#include "FakeProbeExecutor.h"
#include "monitor/Monitor.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

class TestMonitorBatching : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTest::qWait(20); }

    void thousandChangesMakeAHandfulOfBatches()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        Monitor monitor(&executor);
        const QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(1000);
        const auto ids = monitor.addEndpoints(endpoints);

        QList<qint64> batchTimes;
        QSet<EndpointId> changed;
        bool ascendingAndUnique = true;
        QElapsedTimer clock;
        clock.start();
        connect(&monitor, &Monitor::tasksChanged, this, [&](const QList<EndpointId> &batch) {
            batchTimes.append(clock.elapsed());
            for (qsizetype i = 1; i < batch.size(); ++i)
                ascendingAndUnique = ascendingAndUnique && batch[i - 1] < batch[i];
            for (const EndpointId id : batch)
                changed.insert(id);
        });
        QSignalSpy results(&monitor, &Monitor::resultsReady);
        QSignalSpy statuses(&monitor, &Monitor::statusesChanged);

        monitor.runAllNow(); // every endpoint goes queued, running, then up: thousands of changes
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, quint64(1000), 5000);
        QTest::qWait(60); // the last batch

        qDebug("%lld task batches, %lld result batches, %lld status batches for 1000 endpoints",
               qint64(batchTimes.size()), qint64(results.size()), qint64(statuses.size()));
        QVERIFY2(batchTimes.size() <= 20, qPrintable(QString::number(batchTimes.size())));
        QVERIFY(ascendingAndUnique);
        QCOMPARE(changed.size(), 1000);
        QVERIFY(changed.contains(ids.first()) && changed.contains(ids.last()));
        for (qsizetype i = 1; i < batchTimes.size(); ++i)
            QVERIFY2(batchTimes[i] - batchTimes[i - 1] >= 12,
                     qPrintable(QString::number(batchTimes[i] - batchTimes[i - 1])));

        int resultCount = 0;
        for (const auto &signal : results)
            resultCount += int(signal.first().value<QList<EndpointResult>>().size());
        QCOMPARE(resultCount, 1000);
        QVERIFY(results.size() <= 20);
        int statusCount = 0;
        for (const auto &signal : statuses) {
            for (const StatusChange &change : signal.first().value<QList<StatusChange>>()) {
                ++statusCount;
                QCOMPARE(change.from, EndpointStatus::Unknown);
                QCOMPARE(change.to, EndpointStatus::Up);
            }
        }
        QCOMPARE(statusCount, 1000);
        QVERIFY(statuses.size() <= 20);
    }

    void aQuietMonitorSendsNothing()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        monitor.addEndpoint(FakeProbeExecutor::endpoint(QStringLiteral("idle")));
        QSignalSpy batches(&monitor, &Monitor::tasksChanged);
        QTest::qWait(100);
        const auto settled = batches.size(); // at most the one batch for the add
        QVERIFY(settled <= 1);
        QTest::qWait(100);
        QCOMPARE(batches.size(), settled);
    }
};

QTEST_GUILESS_MAIN(TestMonitorBatching)
#include "tst_monitorbatching.moc"
