#include "FakeProbeExecutor.h"
#include "endpoint/Profile.h"
#include "history/MemoryHistoryStore.h"
#include "history/SqliteHistoryStore.h"
#include "monitor/Monitor.h"
#include "workspace/ProfileDocument.h"
#include "workspace/Workspace.h"

#include <QCoroTask>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

namespace {
Profile profileOf(QList<Endpoint> endpoints)
{
    Profile profile;
    profile.endpoints = std::move(endpoints);
    return profile;
}
} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void shutdownWithProbesInFlightLeavesNothingBehind()
    {
        FakeProbeExecutor executor; // no replies: every probe waits until it is cancelled
        {
            Workspace workspace(&executor);
            workspace.document()->load(profileOf(FakeProbeExecutor::endpoints(100, 0, 60)), {});
            workspace.monitor()->start();
            workspace.monitor()->runAllNow();
            QTRY_COMPARE_WITH_TIMEOUT(executor.runsAlive(), 100, 2000);

            workspace.shutdown();
            QVERIFY(workspace.isShutDown());
            QVERIFY(!workspace.monitor());
            QVERIFY(!workspace.document());
            QVERIFY(!workspace.executor());
            QCOMPARE(executor.runsAlive(), 0); // every coroutine has returned
            QVERIFY(executor.allContextsReleased()); // and every context is freed
            workspace.shutdown(); // a second time does nothing
        }
        QCOMPARE(executor.runsAlive(), 0);
    }

    void openingAnotherProfileCancelsTheOldProbes()
    {
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        ProfileDocument *document = workspace.document();
        document->load(profileOf(FakeProbeExecutor::endpoints(20, 0, 60)), {});
        workspace.monitor()->runAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(executor.runsAlive(), 20, 2000);

        document->load(profileOf(FakeProbeExecutor::endpoints(5, 100, 60)), {});
        QTRY_COMPARE_WITH_TIMEOUT(executor.runsAlive(), 0, 1000);
        QCOMPARE(workspace.monitor()->endpointCount(), 5);
        QCOMPARE(workspace.monitor()->counters().inFlight, 0);
        workspace.shutdown();
        QVERIFY(executor.allContextsReleased());
    }

    void recentResultsAreKeptByIdAndForgottenOnEditAndRemoval()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        Workspace workspace(&executor);
        workspace.document()->load(profileOf(FakeProbeExecutor::endpoints(2, 0, 60)), {});
        Monitor *monitor = workspace.monitor();
        const EndpointId first = monitor->endpointIds().first();
        const QString key = monitor->keyOf(first);
        QVERIFY(!key.isEmpty());

        monitor->runNow(first); // by hand, with monitoring off: still recent results
        QTRY_COMPARE_WITH_TIMEOUT(workspace.recentResults()->recent(key).size(), size_t(1), 2000);
        QVERIFY(workspace.recentResults()->recent(monitor->keyOf(monitor->endpointIds().last())).empty());

        Endpoint edited = *monitor->endpoint(first);
        edited.name = QStringLiteral("renamed");
        edited.probe.timeoutMs = 1234;
        monitor->updateEndpoint(first, edited);
        QVERIFY(workspace.recentResults()->recent(key).empty()); // they described the old settings

        // Removed, an endpoint's recent results go too; the others' stay.
        const EndpointId second = monitor->endpointIds().last();
        const QString secondKey = monitor->keyOf(second);
        monitor->runNow({first, second});
        QTRY_COMPARE_WITH_TIMEOUT(workspace.recentResults()->recent(secondKey).size(), size_t(1), 2000);
        QTRY_COMPARE_WITH_TIMEOUT(workspace.recentResults()->recent(key).size(), size_t(1), 2000);
        monitor->removeEndpoints({second});
        QVERIFY(workspace.recentResults()->recent(secondKey).empty());
        QCOMPARE(workspace.recentResults()->recent(key).size(), size_t(1));
        workspace.shutdown();
        QVERIFY(!workspace.recentResults());
    }

    void historyRecordsWhileTheMonitorRuns()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("history.db"));
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        QString key;
        {
            Workspace workspace(&executor);
            QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(1, 0, 0.5);
            endpoints[0].failureThreshold = 1; // Down at the first failure of each run
            workspace.document()->load(profileOf(endpoints), {});
            HistoryError error;
            QVERIFY2(workspace.openHistory(path, &error), qPrintable(error.message));
            QVERIFY(workspace.history());
            key = workspace.monitor()->keyOf(workspace.monitor()->endpointIds().first());
            // A start spreads first probes over the interval: each run waits for its first result.
            Monitor *monitor = workspace.monitor();
            QSignalSpy results(monitor, &Monitor::resultsReady);
            monitor->start();
            QTRY_VERIFY_WITH_TIMEOUT(results.count() > 0, 3000);
            monitor->stop();
            QTest::qWait(100); // stopped: nothing recorded now
            results.clear();
            monitor->start();
            QTRY_VERIFY_WITH_TIMEOUT(results.count() > 0, 3000);
            workspace.shutdown(); // ends the second run and closes the file
            QVERIFY(!workspace.history());
        }

        HistoryError error;
        auto store = SqliteHistoryStore::open(path, HistoryOptions{}, &error);
        QVERIFY2(store, qPrintable(error.message));
        const HistoryRange all{0, QDateTime::currentMSecsSinceEpoch() + 1000};
        const QList<HistoryRun> runs = QCoro::waitFor(store->runs(all));
        QCOMPARE(runs.size(), 2); // the stop is a gap between two runs, not downtime
        QVERIFY(!runs[0].live && !runs[1].live);
        QVERIFY(runs[0].endMs <= runs[1].startMs);
        const QList<HistoryOutage> outages = QCoro::waitFor(store->outages({key}, all));
        const QList<HistoryUptime> uptime = QCoro::waitFor(store->uptime({key}, all));
        QCOMPARE(outages.size(), 2); // down in each run; each ends with its run
        QCOMPARE(outages[0].errorKind, ErrorKind::Refused);
    }

    void aFileThatIsNotAHistoryIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a database, just words\n");
        file.close();
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        HistoryError error;
        QVERIFY(!workspace.openHistory(path, &error));
        QVERIFY(!error.message.isEmpty());
        QVERIFY(!workspace.history());
        file.open(QIODevice::ReadOnly);
        QCOMPARE(file.readAll(), QByteArray("not a database, just words\n")); // untouched
    }

    void realProbesOfASilentServerEndAtShutdown()
    {
        // Accepts and never answers: the probes hang until their timeout, far beyond the shutdown.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> accepted;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                accepted << socket;
        });
        Workspace workspace; // a real ProbeRunner: curl, sockets, timers
        QList<Endpoint> endpoints;
        for (int i = 0; i < 20; ++i) {
            Endpoint endpoint;
            endpoint.id = QString::number(i);
            endpoint.probe.target
                = *Target::parse(QStringLiteral("http://127.0.0.1:%1/%2").arg(silent.serverPort()).arg(i));
            endpoint.probe.timeoutMs = 60000;
            endpoints << endpoint;
        }
        workspace.monitor()->addEndpoints(endpoints);
        workspace.monitor()->runAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(workspace.monitor()->counters().running, 20, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 20, 5000);

        QElapsedTimer clock;
        clock.start();
        workspace.shutdown();
        QVERIFY2(clock.elapsed() < 300, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
        QVERIFY(workspace.isShutDown());
        // Every connection was closed by the cancel, not left to the server's side.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(accepted.cbegin(), accepted.cend(),
                        [](QTcpSocket *s) { return s->state() != QAbstractSocket::ConnectedState; }),
            1000);
        qDeleteAll(accepted);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
