#include "FakeProbeExecutor.h"
#include "endpoint/Profile.h"
#include "monitor/Monitor.h"
#include "workspace/ProfileDocument.h"
#include "workspace/Workspace.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
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
