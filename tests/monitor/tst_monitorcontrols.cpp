#include "FakeProbeExecutor.h"
#include "monitor/Monitor.h"

#include <QElapsedTimer>
#include <QNetworkInformation>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace std::chrono_literals;

namespace {

// Spins the event loop until done() holds; returns how long that took, or -1 after the limit.
template<typename Predicate> qint64 millisecondsUntil(Predicate done, qint64 limitMs = 2000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > limitMs)
            return -1;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return clock.elapsed();
}

QList<StatusChange> collectStatusChanges(const QSignalSpy &spy)
{
    QList<StatusChange> changes;
    for (const auto &signal : spy)
        changes += signal.first().value<QList<StatusChange>>();
    return changes;
}

QList<EndpointResult> collectResults(const QSignalSpy &spy)
{
    QList<EndpointResult> results;
    for (const auto &signal : spy)
        results += signal.first().value<QList<EndpointResult>>();
    return results;
}

bool countersAddUp(const MonitorCounters &c)
{
    return c.due == c.skipped + c.done + c.cancelled + quint64(c.inFlight);
}

} // namespace

class TestMonitorControls : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTest::qWait(20); }

    void thresholdsDriveTheStatus()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        QSignalSpy statuses(&monitor, &Monitor::statusesChanged);
        const EndpointId id = monitor.addEndpoint(FakeProbeExecutor::endpoint(QStringLiteral("db")));
        QCOMPARE(monitor.state(id)->status, EndpointStatus::Unknown);
        QCOMPARE(monitor.state(id)->task, TaskState::Idle);

        const auto probeOnce = [&](const ProbeResult &result) {
            const auto doneBefore = monitor.counters().done;
            monitor.runNow(id);
            QTRY_VERIFY_WITH_TIMEOUT(executor.pendingFor(QStringLiteral("db")), 1000);
            executor.pendingFor(QStringLiteral("db"))->finish(result);
            QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, doneBefore + 1, 1000);
        };

        probeOnce(FakeProbeExecutor::up());
        QCOMPARE(monitor.state(id)->status, EndpointStatus::Up);

        probeOnce(FakeProbeExecutor::down());
        auto state = *monitor.state(id);
        QCOMPARE(state.status, EndpointStatus::Failing); // one failure: failing, not down
        QCOMPARE(state.verdict, EndpointStatus::Up);
        QVERIFY(state.failing);
        QCOMPARE(state.failureStreak, 1);

        probeOnce(FakeProbeExecutor::down());
        state = *monitor.state(id);
        QCOMPARE(state.status, EndpointStatus::Down);
        QCOMPARE(state.verdict, EndpointStatus::Down);
        QVERIFY(!state.failing);
        QCOMPARE(state.failureStreak, 2);

        probeOnce(FakeProbeExecutor::degraded(QStringLiteral("slow: 900 ms > 500 ms")));
        QCOMPARE(monitor.state(id)->status, EndpointStatus::Degraded);
        probeOnce(FakeProbeExecutor::up());
        QCOMPARE(monitor.state(id)->status, EndpointStatus::Up);
        QCOMPARE(monitor.state(id)->task, TaskState::Idle); // run now while stopped: probed once, not scheduled

        QTRY_COMPARE_WITH_TIMEOUT(collectStatusChanges(statuses).size(), 5, 1000);
        const auto changes = collectStatusChanges(statuses);
        const QList<std::pair<EndpointStatus, EndpointStatus>> expected{
            {EndpointStatus::Unknown, EndpointStatus::Up},
            {EndpointStatus::Up, EndpointStatus::Failing},
            {EndpointStatus::Failing, EndpointStatus::Down},
            {EndpointStatus::Down, EndpointStatus::Degraded},
            {EndpointStatus::Degraded, EndpointStatus::Up}};
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(changes[i].id, id);
            QCOMPARE(changes[i].from, expected[i].first);
            QCOMPARE(changes[i].to, expected[i].second);
            QVERIFY(changes[i].result);
        }
        QCOMPARE(changes[1].result->errorKind, ErrorKind::Refused);
        QCOMPARE(changes[2].result->errorKind, ErrorKind::Refused);

        // The log: the first failure as a warning, the turn to down as an error naming the status before
        // Failing, and the recoveries.
        const EventLog &log = *monitor.eventLog();
        QCOMPARE(log.size(), 4);
        QCOMPARE(log.at(0).type, EventLogEntry::Type::ProbeError);
        QCOMPARE(log.at(0).severity, EventSeverity::Warning);
        QCOMPARE(log.at(0).errorKind, ErrorKind::Refused);
        QCOMPARE(log.at(0).endpointName, QStringLiteral("db"));
        QCOMPARE(log.at(1).type, EventLogEntry::Type::StatusChange);
        QCOMPARE(log.at(1).severity, EventSeverity::Error);
        QCOMPARE(log.at(1).message, QStringLiteral("down (was up): connection refused"));
        QCOMPARE(log.at(2).message, QStringLiteral("degraded (was down): slow: 900 ms > 500 ms"));
        QCOMPARE(log.at(3).severity, EventSeverity::Info);

        const auto stats = *monitor.statistics(id);
        QCOMPARE(stats.results, 5);
        QCOMPARE(stats.failures, 2);
        QCOMPARE(stats.successStreak, 2); // a degraded answer is an answer
        QVERIFY(stats.sinceStatusChange && *stats.sinceStatusChange < 1000ms);
    }

    // A new endpoint whose first probes fail shows Failing at once, not Unknown until the threshold.
    void failuresBelowTheThresholdShowFailing()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        QSignalSpy statuses(&monitor, &Monitor::statusesChanged);
        Endpoint endpoint = FakeProbeExecutor::endpoint(QStringLiteral("db"));
        endpoint.failureThreshold = 3;
        const EndpointId id = monitor.addEndpoint(endpoint);
        const auto probeOnce = [&](const ProbeResult &result) {
            const auto doneBefore = monitor.counters().done;
            monitor.runNow(id);
            QTRY_VERIFY_WITH_TIMEOUT(executor.pendingFor(QStringLiteral("db")), 1000);
            executor.pendingFor(QStringLiteral("db"))->finish(result);
            QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, doneBefore + 1, 1000);
        };

        for (int failures = 1; failures <= 2; ++failures) {
            probeOnce(FakeProbeExecutor::down());
            QCOMPARE(monitor.state(id)->status, EndpointStatus::Failing);
            QCOMPARE(monitor.state(id)->verdict, EndpointStatus::Unknown);
        }
        probeOnce(FakeProbeExecutor::up()); // answered before the threshold: up, and nothing was ever down
        QCOMPARE(monitor.state(id)->status, EndpointStatus::Up);
        for (int failures = 1; failures <= 3; ++failures)
            probeOnce(FakeProbeExecutor::down());
        QCOMPARE(monitor.state(id)->status, EndpointStatus::Down);

        QTRY_COMPARE_WITH_TIMEOUT(collectStatusChanges(statuses).size(), 4, 1000);
        const auto changes = collectStatusChanges(statuses);
        const QList<std::pair<EndpointStatus, EndpointStatus>> expected{
            {EndpointStatus::Unknown, EndpointStatus::Failing},
            {EndpointStatus::Failing, EndpointStatus::Up},
            {EndpointStatus::Up, EndpointStatus::Failing},
            {EndpointStatus::Failing, EndpointStatus::Down}};
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(changes[i].from, expected[i].first);
            QCOMPARE(changes[i].to, expected[i].second);
        }
        // The log: a warning per failure below the threshold, no "up" for an endpoint never down, and
        // the turn to down naming the status Failing interrupted.
        const EventLog &log = *monitor.eventLog();
        QList<EventLogEntry::Type> types;
        for (int i = 0; i < log.size(); ++i)
            types << log.at(i).type;
        QCOMPARE(types.count(EventLogEntry::Type::StatusChange), 1);
        const EventLogEntry &last = log.at(log.size() - 1);
        QCOMPARE(last.type, EventLogEntry::Type::StatusChange);
        QCOMPARE(last.message, QStringLiteral("down (was up): connection refused"));
    }

    void runningShowsThePhase()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        QSignalSpy batches(&monitor, &Monitor::tasksChanged);
        const EndpointId id = monitor.addEndpoint(FakeProbeExecutor::endpoint(QStringLiteral("web")));
        monitor.runNow(id);
        QTRY_VERIFY_WITH_TIMEOUT(executor.pendingFor(QStringLiteral("web")), 1000);
        QCOMPARE(monitor.state(id)->task, TaskState::Running);
        QCOMPARE(monitor.state(id)->phase, NetPhase::Starting);
        QTest::qWait(40);
        batches.clear();
        executor.pendingFor(QStringLiteral("web"))->context()->setPhase(NetPhase::TlsHandshake);
        QCOMPARE(monitor.state(id)->phase, NetPhase::TlsHandshake);
        QTRY_COMPARE_WITH_TIMEOUT(batches.size(), 1, 1000); // a view hears of it in the next batch
        QCOMPARE(batches.first().first().value<QList<EndpointId>>(), QList<EndpointId>{id});
        monitor.cancel(id);
    }

    void repeatedErrorsFoldInTheLog()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        Monitor monitor(&executor);
        const EndpointId id = monitor.addEndpoint(FakeProbeExecutor::endpoint(QStringLiteral("db")));
        for (int i = 1; i <= 5; ++i) {
            monitor.runNow(id);
            QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, quint64(i), 1000);
        }
        // failure (warning), down (error), then three identical failures folded into one entry
        const EventLog &log = *monitor.eventLog();
        QCOMPARE(log.size(), 3);
        QCOMPARE(log.at(2).count, 3);
        QCOMPARE(monitor.counters().failed, quint64(5));
    }

    void pauseAndResume()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        Monitor monitor(&executor);
        monitor.start();
        const EndpointId id = monitor.addEndpoint(FakeProbeExecutor::endpoint(QStringLiteral("web")));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(id)->status, EndpointStatus::Up, 1000);

        monitor.pause(id);
        QCOMPARE(monitor.state(id)->status, EndpointStatus::Paused);
        QCOMPARE(monitor.state(id)->task, TaskState::Paused);
        QVERIFY(!monitor.state(id)->nextRun);
        const auto startsWhenPaused = executor.starts().size();
        QTest::qWait(700); // more than an interval
        QCOMPARE(executor.starts().size(), startsWhenPaused);

        monitor.resume(id);
        QVERIFY(millisecondsUntil([&] { return executor.starts().size() > startsWhenPaused; }) < 100);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(id)->status, EndpointStatus::Up, 1000);
        QCOMPARE(monitor.state(id)->task, TaskState::Waiting);

        // Pausing everything cancels what is in flight, and its result is not recorded.
        executor.setDefaultReply(std::nullopt);
        monitor.runNow(id);
        QTRY_VERIFY_WITH_TIMEOUT(executor.pendingFor(QStringLiteral("web")), 1000);
        const auto done = monitor.counters().done;
        monitor.pauseAll();
        QVERIFY(millisecondsUntil([&] { return executor.pendingCount() == 0 && executor.runsAlive() == 0; }) < 50);
        QCOMPARE(monitor.state(id)->task, TaskState::Paused);
        QCOMPARE(monitor.counters().done, done);
        monitor.resumeAll();
        QCOMPARE(monitor.state(id)->status, EndpointStatus::Up);
        QVERIFY(monitor.state(id)->nextRun);
    }

    void runNowOneSelectionAndAll()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        Monitor monitor(&executor);
        const QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(4, 1, 30);
        const auto ids = monitor.addEndpoints(endpoints);

        monitor.runNow(ids[0]);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, quint64(1), 1000);
        monitor.runNow(QList<EndpointId>{ids[1], ids[3]});
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, quint64(3), 1000);
        QCOMPARE(executor.startsOf(QStringLiteral("e3")).size(), 0);
        monitor.runAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, quint64(7), 1000);
        QCOMPARE(executor.startsOf(QStringLiteral("e3")).size(), 1);

        // While running: probed at once, and the 30 s schedule restarts from that run.
        monitor.start();
        QTest::qWait(50);
        const auto before = executor.starts().size();
        const auto t0 = EngineClock::now();
        monitor.runNow(ids[2]);
        QVERIFY(millisecondsUntil([&] { return executor.starts().size() > before; }) < 50);
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*monitor.state(ids[2])->nextRun - t0);
        QVERIFY(wait >= 29900ms && wait <= 30100ms);
        QVERIFY(countersAddUp(monitor.counters()));
    }

    void cancelOneAndAllWithin50Ms()
    {
        FakeProbeExecutor executor; // no replies: every probe hangs until its 10 s timeout
        Monitor monitor(&executor);
        monitor.setConcurrencyLimit(3);
        const QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(5, 1);
        const auto ids = monitor.addEndpoints(endpoints);
        monitor.start();
        monitor.runNow(ids); // all five due now: three running, two queued
        QTRY_COMPARE_WITH_TIMEOUT(executor.pendingCount(), 3, 2000);
        QCOMPARE(monitor.counters().queued, 2);

        FakeProbe *running = executor.pending().first();
        const EndpointId runningId = ids[running->name().mid(1).toInt() - 1];
        QElapsedTimer clock;
        clock.start();
        monitor.cancel(runningId);
        const qint64 one = millisecondsUntil([&] { return monitor.state(runningId)->task != TaskState::Running; });
        qDebug("cancel one took %lld ms", one);
        QVERIFY(one >= 0 && one < 50);
        QCOMPARE(monitor.state(runningId)->task, TaskState::Cancelled);
        QVERIFY(monitor.state(runningId)->nextRun); // the schedule goes on
        QVERIFY(!monitor.state(runningId)->lastResult); // a cancelled probe is no result

        monitor.cancelAll();
        const qint64 all = millisecondsUntil([&] {
            return monitor.counters().inFlight == 0 && executor.pendingCount() == 0 && executor.runsAlive() == 0;
        });
        qDebug("cancel all took %lld ms", all);
        QVERIFY(all >= 0 && all < 50);
        const MonitorCounters counters = monitor.counters();
        QCOMPARE(counters.done, quint64(0));
        QCOMPARE(counters.cancelled, quint64(5));
        QVERIFY(countersAddUp(counters));
        QCOMPARE(monitor.eventLog()->size(), 0); // cancels are not errors
    }

    void stopLeavesNothingBehind()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        monitor.setConcurrencyLimit(2);
        const QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(6, 1);
        const auto ids = monitor.addEndpoints(endpoints);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().inFlight, 6, 2000);

        monitor.stop();
        const qint64 took = millisecondsUntil([&] {
            return monitor.counters().inFlight == 0 && executor.pendingCount() == 0 && executor.runsAlive() == 0;
        });
        qDebug("stop took %lld ms", took);
        QVERIFY(took >= 0 && took < 50);
        QVERIFY(!monitor.isStarted());
        for (const EndpointId id : ids) {
            QVERIFY(!monitor.state(id)->nextRun);
            QVERIFY(monitor.state(id)->task == TaskState::Cancelled || monitor.state(id)->task == TaskState::Idle);
        }
        // Nothing scheduled, no timer left running (the last batch goes out within a frame), and
        // every probe context freed, so no coroutine still holds one.
        QTest::qWait(100);
        for (const QTimer *timer : monitor.findChildren<QTimer *>())
            QVERIFY(!timer->isActive());
        QVERIFY(executor.allContextsReleased());
        const auto starts = executor.starts().size();
        QTest::qWait(600);
        QCOMPARE(executor.starts().size(), starts);
    }

    void removeWhileRunningDropsTheResult()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        QSignalSpy results(&monitor, &Monitor::resultsReady);
        QSignalSpy removed(&monitor, &Monitor::endpointsRemoved);
        const auto ids = monitor.addEndpoints(
            {FakeProbeExecutor::endpoint(QStringLiteral("gone")), FakeProbeExecutor::endpoint(QStringLiteral("kept"))});
        monitor.runNow(ids);
        QTRY_COMPARE_WITH_TIMEOUT(executor.pendingCount(), 2, 1000);

        QVERIFY(monitor.removeEndpoint(ids[0]));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().value<QList<EndpointId>>(), QList<EndpointId>{ids[0]});
        QVERIFY(!monitor.contains(ids[0]));
        QVERIFY(!monitor.state(ids[0]));
        QVERIFY(millisecondsUntil([&] { return executor.pendingCount() == 1; }) < 50);
        QVERIFY(!executor.pendingFor(QStringLiteral("gone")));
        executor.pendingFor(QStringLiteral("kept"))->finish(FakeProbeExecutor::up());
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, quint64(1), 1000);
        QTest::qWait(50);
        const auto recorded = collectResults(results);
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded.first().id, ids[1]);
        QCOMPARE(recorded.first().key, QStringLiteral("kept")); // the endpoint's stable id travels with it
        QCOMPARE(monitor.counters().cancelled, quint64(1));
        QCOMPARE(monitor.endpointIds(), QList<EndpointId>{ids[1]});
    }

    void removeWhileQueuedNeverRuns()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        monitor.setConcurrencyLimit(1);
        const auto ids = monitor.addEndpoints({FakeProbeExecutor::endpoint(QStringLiteral("first")),
                                               FakeProbeExecutor::endpoint(QStringLiteral("queued"))});
        monitor.runNow(ids);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().queued, 1, 1000);
        QCOMPARE(monitor.state(ids[1])->task, TaskState::Queued);
        monitor.removeEndpoint(ids[1]);
        QVERIFY(millisecondsUntil([&] { return monitor.counters().queued == 0; }) < 50);
        executor.pendingFor(QStringLiteral("first"))->finish(FakeProbeExecutor::up());
        QTest::qWait(50);
        QCOMPARE(executor.startsOf(QStringLiteral("queued")).size(), 0);
        QCOMPARE(monitor.counters().inFlight, 0);
    }

    void removingManyIsOneSignalAndCancelsTheirProbes()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        QSignalSpy removed(&monitor, &Monitor::endpointsRemoved);
        const auto ids = monitor.addEndpoints(FakeProbeExecutor::endpoints(50));
        monitor.runNow(ids);
        QTRY_COMPARE_WITH_TIMEOUT(executor.pendingCount(), 50, 1000);

        const QList<EndpointId> some = ids.mid(10, 30);
        QCOMPARE(monitor.removeEndpoints(some + QList<EndpointId>{9999}), 30); // an unknown id is no removal
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().value<QList<EndpointId>>(), some);
        QVERIFY(millisecondsUntil([&] { return executor.pendingCount() == 20; }) < 50);
        QCOMPARE(monitor.endpointIds(), ids.mid(0, 10) + ids.mid(40));

        monitor.removeAll();
        QCOMPARE(removed.size(), 2);
        QCOMPARE(removed.last().first().value<QList<EndpointId>>().size(), 20);
        QVERIFY(millisecondsUntil([&] { return executor.pendingCount() == 0; }) < 50);
        QCOMPARE(monitor.endpointCount(), 0);
        QCOMPARE(monitor.removeEndpoints(ids), 0);
        QCOMPARE(removed.size(), 2); // nothing removed, nothing said
    }

    void anyChangeOfTheProbeSpecStartsAfresh()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        Monitor monitor(&executor);
        const EndpointId id = monitor.addEndpoint(FakeProbeExecutor::endpoint(QStringLiteral("api"), 30));
        monitor.runNow(id);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.statistics(id)->results, 1, 1000);

        // Around the probe only: the figures stay.
        Endpoint surround = *monitor.endpoint(id);
        surround.name = QStringLiteral("API");
        surround.tags = {QStringLiteral("prod")};
        surround.failureThreshold = 5;
        monitor.updateEndpoint(id, surround);
        QCOMPARE(monitor.statistics(id)->results, 1);

        // Settings that no earlier comparison named still change what the figures describe.
        Endpoint payload = surround;
        payload.probe.icmp.payloadBytes = 100;
        monitor.updateEndpoint(id, payload);
        QCOMPARE(monitor.statistics(id)->results, 0);
        monitor.runNow(id);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.statistics(id)->results, 1, 1000);
        Endpoint bodyLimit = payload;
        bodyLimit.probe.http.maxBodyBytes = 10;
        monitor.updateEndpoint(id, bodyLimit);
        QCOMPARE(monitor.statistics(id)->results, 0);
    }

    void editWhileRunning()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        QSignalSpy updated(&monitor, &Monitor::endpointUpdated);
        monitor.start();
        const EndpointId id = monitor.addEndpoint(FakeProbeExecutor::endpoint(QStringLiteral("api"), 30));
        QTRY_VERIFY_WITH_TIMEOUT(executor.pendingFor(QStringLiteral("api")), 1000);
        FakeProbe *old = executor.pendingFor(QStringLiteral("api"));

        // A new name only: the probe in flight goes on.
        Endpoint renamed = *monitor.endpoint(id);
        renamed.name = QStringLiteral("api2");
        executor.setReply(QStringLiteral("api2"), std::nullopt);
        QVERIFY(monitor.updateEndpoint(id, renamed));
        QCOMPARE(updated.size(), 1);
        QVERIFY(!old->isFinished());
        QCOMPARE(monitor.state(id)->name, QStringLiteral("api2"));

        // A new target: the old probe is cancelled, its result dropped, and the new one probed at once.
        Endpoint moved = renamed;
        moved.probe.target = *Target::parse(QStringLiteral("tcp://127.0.0.1:10"));
        QVERIFY(monitor.updateEndpoint(id, moved));
        QVERIFY(old->isFinished());
        QVERIFY(millisecondsUntil([&] { return executor.pendingCount() == 1; }) < 50);
        FakeProbe *fresh = executor.pending().first();
        QCOMPARE(fresh->spec().target.port, quint16(10));
        fresh->finish(FakeProbeExecutor::up());
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, quint64(1), 1000);
        QCOMPARE(monitor.statistics(id)->results, 1);
        QCOMPARE(monitor.counters().cancelled, quint64(1));

        // A new interval re-times the next run.
        Endpoint faster = moved;
        faster.intervalS = 1;
        monitor.updateEndpoint(id, faster);
        const auto wait
            = std::chrono::duration_cast<std::chrono::milliseconds>(*monitor.state(id)->nextRun - EngineClock::now());
        QVERIFY(wait <= 1000ms);

        // Disabled: cancelled, unscheduled, shown as paused.
        executor.setDefaultReply(std::nullopt);
        monitor.runNow(id);
        QTRY_COMPARE_WITH_TIMEOUT(executor.pendingCount(), 1, 1000);
        Endpoint disabled = faster;
        disabled.enabled = false;
        monitor.updateEndpoint(id, disabled);
        QVERIFY(millisecondsUntil([&] { return executor.pendingCount() == 0; }) < 50);
        QCOMPARE(monitor.state(id)->status, EndpointStatus::Paused);
        QCOMPARE(monitor.state(id)->task, TaskState::Idle);
        QVERIFY(!monitor.state(id)->nextRun);
    }

    void offlineShowsOfflineNotDown()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        Monitor monitor(&executor);
        QSignalSpy statuses(&monitor, &Monitor::statusesChanged);
        const auto ids = monitor.addEndpoints(
            {FakeProbeExecutor::endpoint(QStringLiteral("a")), FakeProbeExecutor::endpoint(QStringLiteral("b"))});
        monitor.runAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, quint64(2), 1000);

        monitor.setNetworkReachable(false);
        QCOMPARE(monitor.state(ids[0])->status, EndpointStatus::Offline);
        QCOMPARE(monitor.state(ids[1])->status, EndpointStatus::Offline);
        executor.setDefaultReply(
            FakeProbeExecutor::Reply{FakeProbeExecutor::down(ErrorKind::Unreachable, QStringLiteral("no route")), 0ms});
        for (int round = 1; round <= 3; ++round) {
            monitor.runAllNow();
            QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, quint64(2 + 2 * round), 1000);
        }
        QCOMPARE(monitor.state(ids[0])->status, EndpointStatus::Offline); // not Down
        // The log says it once, not once per endpoint or per failure.
        const EventLog &log = *monitor.eventLog();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.at(0).type, EventLogEntry::Type::Network);
        QCOMPARE(log.at(0).severity, EventSeverity::Warning);

        monitor.setNetworkReachable(true);
        QCOMPARE(monitor.state(ids[0])->status, EndpointStatus::Up);
        QCOMPARE(log.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(collectStatusChanges(statuses).size() >= 6, 1000);
    }

    void destroyingTheMonitorMidFlightLeavesNothing()
    {
        FakeProbeExecutor executor; // outlives the monitor, as it must
        auto monitor = std::make_unique<Monitor>(&executor);
        monitor->setConcurrencyLimit(2);
        const QList<Endpoint> endpoints = FakeProbeExecutor::endpoints(5, 1);
        monitor->runNow(monitor->addEndpoints(endpoints));
        QTRY_COMPARE_WITH_TIMEOUT(executor.pendingCount(), 2, 1000); // two running, three queued
        monitor.reset();
        QVERIFY(millisecondsUntil([&] { return executor.pendingCount() == 0 && executor.runsAlive() == 0; }) < 50);
        QTest::qWait(20);
        QCOMPARE(executor.starts().size(), 2); // the queued ones never started
        QVERIFY(executor.allContextsReleased());
    }

    void countersAndIdsStayConsistent()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(), 0ms});
        Monitor monitor(&executor);
        const EndpointId a = monitor.addEndpoint(FakeProbeExecutor::endpoint(QStringLiteral("a")));
        const EndpointId b = monitor.addEndpoint(FakeProbeExecutor::endpoint(QStringLiteral("b")));
        monitor.removeEndpoint(a);
        const EndpointId c = monitor.addEndpoint(FakeProbeExecutor::endpoint(QStringLiteral("c")));
        QVERIFY(a != b && b != c && a != c); // never reused
        QCOMPARE(monitor.endpointIds(), (QList<EndpointId>{b, c}));
        QVERIFY(!monitor.updateEndpoint(a, FakeProbeExecutor::endpoint(QStringLiteral("x"))));
        monitor.removeAll();
        QCOMPARE(monitor.endpointCount(), 0);
    }

    void watchingTheNetwork()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        monitor.watchNetwork();
        if (QNetworkInformation *info = QNetworkInformation::instance();
            !info || !info->supports(QNetworkInformation::Feature::Reachability))
            QSKIP("no QNetworkInformation backend that reports reachability on this machine");
        const bool disconnected
            = QNetworkInformation::instance()->reachability() == QNetworkInformation::Reachability::Disconnected;
        QCOMPARE(monitor.isNetworkReachable(), !disconnected);
    }
};

QTEST_GUILESS_MAIN(TestMonitorControls)
#include "tst_monitorcontrols.moc"
