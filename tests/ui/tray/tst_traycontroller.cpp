#include "FakeProbeExecutor.h"
#include "monitor/Monitor.h"
#include "table/EndpointTableModel.h"
#include "tray/TrayController.h"

#include <QMenu>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

class TestTrayController : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTest::qWait(20); }

    void anOutageIsOneNotificationAndTheIconTurnsRed()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        Monitor monitor(&executor);
        EndpointTableModel model(&monitor);
        QMenu menu;
        TrayController tray(&monitor, &model, &menu);
        QSignalSpy notified(&tray, &TrayController::notified);
        QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(20, 0, 60);
        for (Endpoint &endpoint : endpoints)
            endpoint.failureThreshold = 1;
        monitor.addEndpoints(endpoints);
        QCOMPARE(tray.overallStatus(), EndpointStatus::Unknown);

        monitor.runAllNow();
        QTRY_COMPARE(model.count(EndpointStatus::Down), 20);
        QCOMPARE(tray.overallStatus(), EndpointStatus::Down);
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 5000); // after the 2 s gathering
        QCOMPARE(notified.first().at(0).toString(), QStringLiteral("20 endpoints down"));
        QTest::qWait(500);
        QCOMPARE(notified.size(), 1);

        // Recovering inside the quiet period waits for it: nothing more for now.
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(1ms), 0ms});
        monitor.runAllNow();
        QTRY_COMPARE(model.count(EndpointStatus::Up), 20);
        QCOMPARE(tray.overallStatus(), EndpointStatus::Up);
        QTest::qWait(2500);
        QCOMPARE(notified.size(), 1);
    }

    void failingEndpointsColourTheIconButNotifyNobody()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        Monitor monitor(&executor);
        EndpointTableModel model(&monitor);
        QMenu menu;
        TrayController tray(&monitor, &model, &menu);
        QSignalSpy notified(&tray, &TrayController::notified);
        QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(3, 0, 60);
        for (Endpoint &endpoint : endpoints)
            endpoint.failureThreshold = 2;
        monitor.addEndpoints(endpoints);

        monitor.runAllNow(); // one failure of two each
        QTRY_COMPARE(model.count(EndpointStatus::Failing), 3);
        QCOMPARE(tray.overallStatus(), EndpointStatus::Failing);
        QTest::qWait(2500); // past the gathering
        QCOMPARE(notified.size(), 0);
    }
};

QTEST_MAIN(TestTrayController)
#include "tst_traycontroller.moc"
