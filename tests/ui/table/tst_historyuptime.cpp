#include "CoroTest.h"
#include "FakeProbeExecutor.h"
#include "HistoryTestSupport.h"
#include "history/HistoryOptions.h"
#include "history/SqliteHistoryStore.h"
#include "monitor/Monitor.h"
#include "table/EndpointTableModel.h"
#include "table/EndpointTableView.h"
#include "table/HistoryUptimeController.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace HistoryTest;
using namespace HistoryTest::Times;

// The table's Uptime 24 h / 7 d / 30 d columns as a user reads them, from a history file.
namespace {
constexpr int endpointCount = 1201; // three batches of HistoryUptimeController::batchSize

QString text(const EndpointTableModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}
} // namespace

class TestHistoryUptime final : public QObject
{
    Q_OBJECT

private slots:
    void columnsShowUptimeWithItsCoverage()
    {
        QTemporaryDir dir;
        HistoryOptions options;
        options.clock = [] { return now; };
        auto store = open(dir.filePath(QStringLiteral("uptime.history")), options);
        QVERIFY(store);
        // e0: recorded for the last 6 d 23 h, down from 2 h to 1 h ago. The last endpoint, in the
        // third batch: up all the while. The others were never recorded.
        const QString first = QStringLiteral("e0");
        const QString last = QStringLiteral("e%1").arg(endpointCount - 1);
        store->beginRun(now - 7 * day + hour);
        store->append(entries(first, {result(now - 7 * day + hour, ProbeStatus::Up, 1000)}, EndpointStatus::Up));
        store->append(entries(last, {result(now - 7 * day + hour, ProbeStatus::Up, 1000)}, EndpointStatus::Up));
        store->append(
            entries(first, {result(now - 2 * hour, ProbeStatus::Down, 0, ErrorKind::Refused)}, EndpointStatus::Down));
        store->append(entries(first, {result(now - hour, ProbeStatus::Up, 1000)}, EndpointStatus::Up));
        store->endRun(now);
        flush(*store);

        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        monitor.addEndpoints(FakeProbeExecutor::endpoints(endpointCount, 0, 60));
        EndpointTableModel model(&monitor);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        HistoryUptimeController controller(&model);
        controller.setClock([] { return now; });
        QCOMPARE(text(model, 0, EndpointTableModel::Uptime24hColumn), QStringLiteral("–"));
        QSignalSpy refreshed(&controller, &HistoryUptimeController::refreshed);
        controller.setStore(store.get());
        QVERIFY(refreshed.wait(20'000));

        // 24 h: down 1 h of 24 observed.
        QCOMPARE(text(model, 0, EndpointTableModel::Uptime24hColumn), QStringLiteral("95.83 %"));
        // 7 d: down 1 h of 167 h observed = 99.401 %; never rounded up.
        QCOMPARE(text(model, 0, EndpointTableModel::Uptime7dColumn), QStringLiteral("99.40 %"));
        QCOMPARE(text(model, 0, EndpointTableModel::Uptime7dColumn, Qt::ToolTipRole),
                 QStringLiteral("99.40 % of 6 d 23 h observed (99.4 % of the span); down 1 h 0 min"));
        // 30 d: the same time observed, a quarter of the span.
        QCOMPARE(text(model, 0, EndpointTableModel::Uptime30dColumn), QStringLiteral("99.40 %"));
        QVERIFY(text(model, 0, EndpointTableModel::Uptime30dColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("(23.2 % of the span)")));
        // The third batch was read too, and an endpoint never recorded says so.
        QCOMPARE(text(model, endpointCount - 1, EndpointTableModel::Uptime24hColumn), QStringLiteral("100.00 %"));
        QCOMPARE(text(model, 1, EndpointTableModel::Uptime24hColumn), QStringLiteral("–"));
        QVERIFY(text(model, 1, EndpointTableModel::Uptime24hColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("Not observed")));
        // Sorting on the raw ratio: the unobserved last.
        QVERIFY(model.lessThan(1, 0, EndpointTableModel::Uptime7dColumn));
        QVERIFY(model.lessThan(0, endpointCount - 1, EndpointTableModel::Uptime7dColumn));

        // Another history (none): the figures go rather than show what belongs to the old one.
        controller.setStore(nullptr);
        QCOMPARE(text(model, 0, EndpointTableModel::Uptime24hColumn), QStringLiteral("–"));
    }

    void columnsCanBeHiddenFromTheHeader()
    {
        FakeProbeExecutor executor;
        Monitor monitor(&executor);
        monitor.addEndpoints(FakeProbeExecutor::endpoints(2));
        EndpointTableModel model(&monitor);
        EndpointTableView view;
        view.setModel(&model);
        std::unique_ptr<QMenu> menu(view.columnsMenu());
        QAction *uptime7d = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text() == QStringLiteral("Uptime 7 d"))
                uptime7d = action;
            QVERIFY(action->text() != QStringLiteral("Name")); // the name always shows
        }
        QVERIFY(uptime7d && uptime7d->isChecked());
        uptime7d->setChecked(false);
        QVERIFY(view.horizontalHeader()->isSectionHidden(EndpointTableModel::Uptime7dColumn));
        uptime7d->setChecked(true);
        QVERIFY(!view.horizontalHeader()->isSectionHidden(EndpointTableModel::Uptime7dColumn));
    }
};

QTEST_MAIN(TestHistoryUptime)
#include "tst_historyuptime.moc"
