#include "FakeProbeExecutor.h"
#include "monitor/Monitor.h"
#include "table/EndpointFilterModel.h"
#include "table/EndpointTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

namespace {
Endpoint named(const QString &name, QStringList tags = {})
{
    Endpoint endpoint = FakeProbeExecutor::endpoint(name, 60);
    endpoint.tags = std::move(tags);
    return endpoint;
}

QStringList namesInOrder(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, EndpointTableModel::NameColumn).data().toString();
    return names;
}

QList<std::pair<int, int>> rangesOf(const QSignalSpy &spy)
{
    QList<std::pair<int, int>> ranges;
    for (const auto &signal : spy)
        ranges.append({signal.at(0).toModelIndex().row(), signal.at(1).toModelIndex().row()});
    return ranges;
}
} // namespace

class TestEndpointTableModel : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTest::qWait(20); } // deleteLater of finished fake probes

    void passesTheModelTesterThroughAddsResultsEditsAndRemovals()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(3ms), 5ms});
        executor.setReply(QStringLiteral("bad"), FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 5ms});
        Monitor monitor(&executor);
        EndpointTableModel model(&monitor);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        EndpointFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(EndpointTableModel::P50Column);

        const auto ids = monitor.addEndpoints(
            {named(QStringLiteral("one")), named(QStringLiteral("bad")), named(QStringLiteral("three"))});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(EndpointTableModel::ColumnCount));
        monitor.runAllNow();
        QTRY_COMPARE(monitor.counters().done, quint64(3));
        QTRY_COMPARE(model.index(0, EndpointTableModel::LastLatencyColumn).data().toString(),
                     QStringLiteral("3.00 ms"));
        QTRY_COMPARE(model.index(1, EndpointTableModel::LastErrorColumn).data().toString(),
                     QStringLiteral("connection refused"));

        Endpoint edited = named(QStringLiteral("one renamed"));
        QVERIFY(monitor.updateEndpoint(ids[0], edited));
        QCOMPARE(model.index(0, EndpointTableModel::NameColumn).data().toString(), QStringLiteral("one renamed"));
        QVERIFY(monitor.removeEndpoint(ids[1]));
        QCOMPARE(namesInOrder(model), (QStringList{QStringLiteral("one renamed"), QStringLiteral("three")}));
        QCOMPARE(model.rowOf(ids[2]), 1);
        // A whole profile replaced: one reset for the removal, one insert for the addition.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        monitor.removeAll();
        monitor.addEndpoints({named(QStringLiteral("x")), named(QStringLiteral("y"))});
        QCOMPARE(resets.size(), 1);
        QCOMPARE(inserts.size(), 1);
        QCOMPARE(namesInOrder(model), (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
        monitor.runAllNow();
        QTRY_COMPARE(monitor.counters().done, quint64(5));
        QTest::qWait(40);
    }

    void sortsOnRawValuesNotOnText()
    {
        FakeProbeExecutor executor;
        // As text, "10.0 ms" < "100.0 ms" < "9.00 ms"; as numbers 9 < 10 < 100.
        executor.setReply(QStringLiteral("hundred"), FakeProbeExecutor::Reply{FakeProbeExecutor::up(100ms), 0ms});
        executor.setReply(QStringLiteral("nine"), FakeProbeExecutor::Reply{FakeProbeExecutor::up(9ms), 0ms});
        executor.setReply(QStringLiteral("ten"), FakeProbeExecutor::Reply{FakeProbeExecutor::up(10ms), 0ms});
        executor.setReply(QStringLiteral("failing"), FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        Monitor monitor(&executor);
        EndpointTableModel model(&monitor);
        EndpointFilterModel proxy;
        proxy.setSourceModel(&model);
        monitor.addEndpoints({named(QStringLiteral("hundred")), named(QStringLiteral("failing")),
                              named(QStringLiteral("nine")), named(QStringLiteral("ten"))});
        monitor.runAllNow();
        QTRY_COMPARE(monitor.counters().done, quint64(4));
        QTRY_COMPARE(model.count(EndpointStatus::Up), 3);

        proxy.sort(EndpointTableModel::P50Column, Qt::AscendingOrder);
        QCOMPARE(namesInOrder(proxy),
                 (QStringList{QStringLiteral("nine"), QStringLiteral("ten"), QStringLiteral("hundred"),
                              QStringLiteral("failing")}));
        proxy.sort(EndpointTableModel::LastLatencyColumn, Qt::DescendingOrder);
        QCOMPARE(namesInOrder(proxy).mid(1),
                 (QStringList{QStringLiteral("hundred"), QStringLiteral("ten"), QStringLiteral("nine")}));
        proxy.sort(EndpointTableModel::StatusColumn, Qt::DescendingOrder);
        QCOMPARE(namesInOrder(proxy).first(), QStringLiteral("failing")); // Down is the most severe
        proxy.sort(EndpointTableModel::FailureColumn, Qt::DescendingOrder);
        QCOMPARE(namesInOrder(proxy).first(), QStringLiteral("failing"));
        QCOMPARE(model.index(model.rowOf(2), EndpointTableModel::FailureColumn).data().toString(),
                 QStringLiteral("100 %"));

        // Live results re-sort the rows, within a second rather than on every batch.
        proxy.sort(EndpointTableModel::P50Column, Qt::AscendingOrder);
        executor.setReply(QStringLiteral("hundred"), FakeProbeExecutor::Reply{FakeProbeExecutor::up(1ms), 0ms});
        monitor.runNow(1); // p50 of 100 ms and 1 ms is 1 ms (nearest rank)
        QTRY_COMPARE(model.index(0, EndpointTableModel::P50Column).data().toString(), QStringLiteral("1.00 ms"));
        QTRY_COMPARE_WITH_TIMEOUT(namesInOrder(proxy).first(), QStringLiteral("hundred"), 3000);
    }

    void filtersByTextAndTag()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        EndpointTableModel model(&monitor);
        EndpointFilterModel proxy;
        proxy.setSourceModel(&model);
        monitor.addEndpoints({named(QStringLiteral("web front"), {QStringLiteral("prod"), QStringLiteral("web")}),
                              named(QStringLiteral("db primary"), {QStringLiteral("prod")}),
                              named(QStringLiteral("web staging"), {QStringLiteral("staging")})});
        QCOMPARE(model.allTags(),
                 (QStringList{QStringLiteral("prod"), QStringLiteral("staging"), QStringLiteral("web")}));

        proxy.setText(QStringLiteral("WEB"));
        QCOMPARE(namesInOrder(proxy), (QStringList{QStringLiteral("web front"), QStringLiteral("web staging")}));
        proxy.setTag(QStringLiteral("prod"));
        QCOMPARE(namesInOrder(proxy), QStringList{QStringLiteral("web front")});
        proxy.setText({});
        QCOMPARE(namesInOrder(proxy), (QStringList{QStringLiteral("web front"), QStringLiteral("db primary")}));
        proxy.setText(QStringLiteral("tcp://")); // the target matches too
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setTag({});
        QCOMPARE(proxy.rowCount(), 3);
    }

    void filtersByStatusAndToTheProblems()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(1ms), 0ms});
        executor.setReply(QStringLiteral("gone"), FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        executor.setReply(QStringLiteral("flaky"), FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        Monitor monitor(&executor);
        EndpointTableModel model(&monitor);
        EndpointFilterModel proxy;
        proxy.setSourceModel(&model);
        Endpoint gone = named(QStringLiteral("gone"));
        gone.failureThreshold = 1;
        Endpoint flaky = named(QStringLiteral("flaky")); // one failure of three: Failing
        flaky.failureThreshold = 3;
        const auto ids
            = monitor.addEndpoints({named(QStringLiteral("fine")), gone, flaky, named(QStringLiteral("later"))});
        monitor.runNow(ids.first(3)); // "later" stays Unknown
        QTRY_COMPARE(model.count(EndpointStatus::Down), 1);
        QTRY_COMPARE(model.count(EndpointStatus::Failing), 1);
        QCOMPARE(model.count(EndpointStatus::Up), 1);
        QVERIFY(!proxy.isFiltering());

        proxy.setText(QStringLiteral("down")); // the status is matched as the table shows it
        QCOMPARE(namesInOrder(proxy), QStringList{QStringLiteral("gone")});
        proxy.setText(QStringLiteral("unknown"));
        QCOMPARE(namesInOrder(proxy), QStringList{QStringLiteral("later")});
        proxy.setText({});

        proxy.setProblemsOnly(true);
        QVERIFY(proxy.isFiltering());
        QCOMPARE(namesInOrder(proxy), (QStringList{QStringLiteral("gone"), QStringLiteral("flaky")}));
        // A status change brings a row into the problems, within the re-filter interval.
        executor.setReply(QStringLiteral("fine"), FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        monitor.runNow(ids.first());
        QTRY_COMPARE_WITH_TIMEOUT(proxy.rowCount(), 3, 3000);
        proxy.setProblemsOnly(false);
        QCOMPARE(proxy.rowCount(), 4);

        QVERIFY(EndpointFilterModel::isProblem(EndpointStatus::Degraded));
        for (auto status :
             {EndpointStatus::Up, EndpointStatus::Unknown, EndpointStatus::Paused, EndpointStatus::Offline})
            QVERIFY(!EndpointFilterModel::isProblem(status));
    }

    void oneBatchIsOneDataChangedPerContiguousRange()
    {
        FakeProbeExecutor executor; // no replies: probes stay running until the test ends them
        Monitor monitor(&executor);
        monitor.setBatchInterval(300ms); // every change below lands in one batch
        EndpointTableModel model(&monitor);
        const auto ids = monitor.addEndpoints(FakeProbeExecutor::endpoints(20, 0, 60));

        QSignalSpy batches(&monitor, &Monitor::tasksChanged);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        monitor.runNow(QList<EndpointId>{ids[0], ids[1], ids[2], ids[5], ids[7], ids[8]});
        QTRY_COMPARE(batches.size(), 1);
        QCOMPARE(rangesOf(changes), (QList<std::pair<int, int>>{{0, 2}, {5, 5}, {7, 8}}));
        for (const auto &signal : changes) {
            QCOMPARE(signal.at(0).toModelIndex().column(), int(EndpointTableModel::StatusColumn));
            QCOMPARE(signal.at(1).toModelIndex().column(), int(EndpointTableModel::LastErrorColumn));
        }
        QCOMPARE(model.index(5, EndpointTableModel::TaskColumn).data().toString(), QStringLiteral("starting…"));
        monitor.cancelAll();
    }

    void scatteredChangesAreOneDataChangedEach()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        monitor.setBatchInterval(300ms);
        EndpointTableModel model(&monitor);
        const auto ids = monitor.addEndpoints(FakeProbeExecutor::endpoints(100, 0, 60));
        QList<EndpointId> everyThird;
        for (int i = 1; i < 100; i += 3)
            everyThird << ids[i]; // 33 separate ranges

        QSignalSpy batches(&monitor, &Monitor::tasksChanged);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        monitor.runNow(everyThird);
        QTRY_COMPARE(batches.size(), 1);
        QCOMPARE(changes.size(), 33);
        QCOMPARE(rangesOf(changes).first(), std::pair(1, 1));
        QCOMPARE(rangesOf(changes).last(), std::pair(97, 97));
        monitor.cancelAll();
    }

    void mostRowsChangedIsOneDataChangedForTheTable()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        monitor.setBatchInterval(300ms);
        EndpointTableModel model(&monitor);
        const auto ids = monitor.addEndpoints(FakeProbeExecutor::endpoints(100, 0, 60));
        QList<EndpointId> most;
        for (int i = 0; i < 100; ++i) {
            if (i % 4 != 0)
                most << ids[i]; // 75 rows in 25 ranges
        }

        QSignalSpy batches(&monitor, &Monitor::tasksChanged);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        monitor.runNow(most);
        QTRY_COMPARE(batches.size(), 1);
        QCOMPARE(rangesOf(changes), (QList<std::pair<int, int>>{{0, 99}}));
        monitor.cancelAll();
    }

    void manyResultsMakeFewDataChanged()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(2ms), 0ms});
        Monitor monitor(&executor);
        EndpointTableModel model(&monitor);
        monitor.addEndpoints(FakeProbeExecutor::endpoints(2000, 0, 60));

        QSignalSpy batches(&monitor, &Monitor::tasksChanged);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        monitor.runAllNow(); // 2,000 results and some 6,000 task changes
        QTRY_COMPARE_WITH_TIMEOUT(monitor.counters().done, quint64(2000), 10000);
        QTRY_COMPARE(model.count(EndpointStatus::Up), 2000);
        qDebug("%lld batches, %lld dataChanged for 2000 results", qint64(batches.size()), qint64(changes.size()));
        // Probes start and end in runs of neighbouring rows, so ranges are long and few.
        QVERIFY2(changes.size() <= 200, qPrintable(QString::number(changes.size())));
        QCOMPARE(resets.size(), 0);
    }

    void showsTheLiveTaskAndKeepsStatusCounts()
    {
        FakeProbeExecutor executor;
        executor.setReply(QStringLiteral("down"), FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        Monitor monitor(&executor);
        EndpointTableModel model(&monitor);
        QSignalSpy counts(&model, &EndpointTableModel::statusCountsChanged);
        Endpoint down = named(QStringLiteral("down"));
        down.failureThreshold = 1;
        const auto ids = monitor.addEndpoints({named(QStringLiteral("waits")), down});
        QCOMPARE(model.count(EndpointStatus::Unknown), 2);

        monitor.start();
        QTRY_VERIFY(
            model.index(0, EndpointTableModel::TaskColumn).data().toString().startsWith(QStringLiteral("next in")));
        monitor.runNow(ids[1]);
        QTRY_COMPARE(model.count(EndpointStatus::Down), 1);
        QCOMPARE(model.index(1, EndpointTableModel::StatusColumn).data().toString(), QStringLiteral("Down"));
        QCOMPARE(model.index(1, EndpointTableModel::StatusColumn).data(EndpointTableModel::StatusRole).toInt(),
                 int(EndpointStatus::Down));
        monitor.pause(ids[0]);
        QTRY_COMPARE(model.index(0, EndpointTableModel::TaskColumn).data().toString(), QStringLiteral("paused"));
        QCOMPARE(model.count(EndpointStatus::Paused), 1);
        QCOMPARE(model.count(EndpointStatus::Unknown), 0);
        QVERIFY(counts.size() >= 2);
        monitor.stop();
    }
};

QTEST_MAIN(TestEndpointTableModel)
#include "tst_endpointtablemodel.moc"
