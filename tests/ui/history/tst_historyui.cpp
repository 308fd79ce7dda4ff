#include "CoroTest.h"
#include "FakeProbeExecutor.h"
#include "HistoryTestSupport.h"
#include "history/HistoryExportDialog.h"
#include "history/HistoryFileExport.h"
#include "history/HistoryLocation.h"
#include "history/HistoryOptions.h"
#include "history/HistoryPropertiesDialog.h"
#include "history/HistoryText.h"
#include "history/MemoryHistoryStore.h"
#include "history/OutagesController.h"
#include "history/OutagesDock.h"
#include "history/OutagesModel.h"
#include "history/ProfileHistory.h"
#include "history/SqliteHistoryStore.h"
#include "monitor/EventLog.h"
#include "monitor/Monitor.h"
#include "workspace/ProfileDocument.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace HistoryTest;
using namespace HistoryTest::Times;

// The window's history apart from the chart and the table: which file a profile keeps and moving
// it, failures in words, the Outages view and the export.
namespace {

// Two endpoints: "api" down twice (10:00–10:05 yesterday, 02:00–03:30 today), "db" down once.
std::unique_ptr<SqliteHistoryStore> recordOutages(const QString &path)
{
    HistoryOptions options;
    options.clock = [] { return now; };
    auto store = open(path, options);
    if (!store)
        return store;
    const QString api = QStringLiteral("api");
    const QString db = QStringLiteral("db");
    store->describe(
        {HistoryEndpoint{api, QStringLiteral("API"), QStringLiteral("https://api.test/"), ProbeKind::Http},
         HistoryEndpoint{db, QStringLiteral("Database"), QStringLiteral("tcp://db.test:5432"), ProbeKind::Tcp}});
    const qint64 t0 = now - 2 * day;
    store->beginRun(t0);
    const auto up = [&](const QString &key, qint64 t) {
        store->append(entries(key, {result(t, ProbeStatus::Up, 2000)}, EndpointStatus::Up));
    };
    const auto down = [&](const QString &key, qint64 t, const QString &message) {
        store->append(
            entries(key, {result(t, ProbeStatus::Down, 0, ErrorKind::Timeout, message)}, EndpointStatus::Down));
    };
    up(api, t0);
    up(db, t0);
    down(api, now - day - 5 * minute, QStringLiteral("no answer within 5 s"));
    up(api, now - day);
    down(db, now - 12 * hour, QStringLiteral("refused"));
    up(db, now - 12 * hour + 10 * minute);
    down(api, now - 8 * hour, QStringLiteral("no answer within 5 s"));
    up(api, now - 8 * hour + 90 * minute);
    store->endRun(now - minute);
    flush(*store);
    return store;
}
} // namespace

class TestHistoryUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // ~/.qttest: never the user's data
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("PingscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_historyui"));
    }

    void aProfileKeepsOneStableFileUnderTheDataDirectory()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        const QString first = a.filePath(QStringLiteral("home.json"));
        const QString second = b.filePath(QStringLiteral("home.json"));
        const QString path = HistoryLocation::defaultPathFor(first);
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1Char('/')));
        QVERIFY2(QFileInfo(path).fileName().startsWith(QStringLiteral("home-")), qPrintable(path));
        QCOMPARE(HistoryLocation::defaultPathFor(first), path); // stable
        QVERIFY(HistoryLocation::defaultPathFor(second) != path); // same name elsewhere: its own
        QVERIFY(HistoryLocation::defaultPathFor({}).isEmpty()); // unsaved: none
    }

    void openingAProfileRecordsIntoItsHistoryAndItMoves()
    {
        QTemporaryDir dir;
        const QString profilePath = dir.filePath(QStringLiteral("lab.json"));
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(std::chrono::milliseconds(3)),
                                                          std::chrono::milliseconds(0)});
        Workspace workspace(&executor);
        ProfileHistory history(&workspace, workspace.monitor()->eventLog(), nullptr);
        QSignalSpy changed(&history, &ProfileHistory::storeChanged);
        workspace.document()->load(FakeProbeExecutor::profileOf({QStringLiteral("web")}), {});
        QVERIFY(!history.hasFile()); // unsaved: the recent results only
        QCOMPARE(history.store(), static_cast<HistoryStore *>(workspace.recentResults()));
        QVERIFY(workspace.document()->save(profilePath));
        QVERIFY(history.hasFile()); // saved: it has a history now
        QCOMPARE(history.path(), HistoryLocation::pathFor(profilePath));
        QTRY_VERIFY(QFileInfo::exists(history.path())); // made on the writer's thread
        QVERIFY(!changed.isEmpty());

        workspace.monitor()->start();
        workspace.monitor()->runAllNow();
        QTRY_VERIFY(workspace.monitor()->counters().done >= 1);
        workspace.monitor()->stop();

        // Moved: the file is at the new place, the old one gone, and the place remembered.
        const QString old = history.path();
        const QString moved = dir.filePath(QStringLiteral("elsewhere/lab.history"));
        HistoryPropertiesDialog dialog(&history, profilePath, nullptr);
        QCOMPARE(dialog.locationText(), old);
        QVERIFY(dialog.moveTo(moved));
        QCOMPARE(dialog.locationText(), moved);
        QCOMPARE(dialog.stateText(), QStringLiteral("Recording while monitoring"));
        QVERIFY(QFileInfo::exists(moved));
        QVERIFY(!QFileInfo::exists(old));
        QCOMPARE(HistoryLocation::pathFor(profilePath), moved);
        QVERIFY(history.hasFile());
        // What was recorded before the move is there after it.
        const auto runs = CoroTest::await(history.store()->runs({0, QDateTime::currentMSecsSinceEpoch() + hour}));
        QVERIFY(runs && runs->size() == 1);
        HistoryLocation::rememberMove(profilePath, HistoryLocation::defaultPathFor(profilePath));
    }

    void aRefusedHistoryIsSaidInWords()
    {
        QTemporaryDir dir;
        const QString profilePath = dir.filePath(QStringLiteral("p.json"));
        const QString historyPath = dir.filePath(QStringLiteral("not-a-history"));
        QFile foreign(historyPath);
        QVERIFY(foreign.open(QIODevice::WriteOnly));
        foreign.write("this is not SQLite at all, and must stay as it is\n");
        foreign.close();
        HistoryLocation::rememberMove(profilePath, historyPath);

        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        EventLog &log = *workspace.monitor()->eventLog();
        ProfileHistory history(&workspace, &log, nullptr);
        QVERIFY(workspace.document()->save(profilePath));
        QVERIFY(!history.hasFile());
        QVERIFY2(history.lastProblem().startsWith(QStringLiteral("History not kept: ")),
                 qPrintable(history.lastProblem()));
        QVERIFY(history.lastProblem().contains(historyPath));
        QVERIFY(log.size() >= 1);
        QCOMPARE(log.at(log.size() - 1).type, EventLogEntry::Type::History);
        QCOMPARE(log.at(log.size() - 1).message, history.lastProblem());
        QCOMPARE(HistoryTest::fileBytes(historyPath),
                 QByteArray("this is not SQLite at all, and must stay as it is\n"));
        HistoryLocation::rememberMove(profilePath, HistoryLocation::defaultPathFor(profilePath));
    }

    void theOutagesViewListsWhatWasDown()
    {
        QTemporaryDir dir;
        auto store = recordOutages(dir.filePath(QStringLiteral("o.history")));
        QVERIFY(store);
        OutagesDock dock;
        QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dock.controller()->setClock([] { return now; });
        QSignalSpy refreshed(dock.controller(), &OutagesController::refreshed);
        dock.setAllEndpoints(true);
        dock.setStore(store.get());
        QTRY_COMPARE(dock.model()->rowCount(), 3);
        // Newest first; names from the history; durations and causes as people read them.
        const auto cell = [&](int row, int column) { return dock.model()->index(row, column).data().toString(); };
        QCOMPARE(cell(0, OutagesModel::EndpointColumn), QStringLiteral("API"));
        QCOMPARE(cell(0, OutagesModel::DurationColumn), QStringLiteral("1 h 30 min"));
        QCOMPARE(cell(0, OutagesModel::CauseColumn), QStringLiteral("timeout: no answer within 5 s"));
        QCOMPARE(cell(1, OutagesModel::EndpointColumn), QStringLiteral("Database"));
        QCOMPARE(cell(1, OutagesModel::DurationColumn), QStringLiteral("10 min 0 s"));
        QCOMPARE(cell(2, OutagesModel::DurationColumn), QStringLiteral("5 min 0 s"));

        // Per endpoint: the selected one's only.
        dock.setAllEndpoints(false);
        dock.setSelectedKey(QStringLiteral("db"));
        QTRY_COMPARE(dock.model()->rowCount(), 1);
        QCOMPARE(cell(0, OutagesModel::EndpointColumn), QStringLiteral("Database"));
        dock.setSelectedKey({});
        QTRY_COMPARE(dock.model()->rowCount(), 0);

        // The last 24 hours: the API's outage that ended 24 h ago is not in them.
        dock.setAllEndpoints(true);
        dock.findChild<QComboBox *>(QStringLiteral("outagesSpan"))->setCurrentIndex(0);
        QTRY_COMPARE(dock.model()->rowCount(), 2);

        // A double-click asks for the chart to show it.
        QSignalSpy activated(&dock, &OutagesDock::outageActivated);
        dock.activate(0);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated[0][0].toString(), QStringLiteral("api"));
        QCOMPARE(activated[0][1].toLongLong(), now - 8 * hour);
        QCOMPARE(activated[0][2].toLongLong(), now - 8 * hour + 90 * minute);
    }

    void theExportWritesTheCommandsRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("e.history"));
        auto store = recordOutages(path);
        QVERIFY(store);
        HistoryExportDialog dialog({QStringLiteral("db")}, now, nullptr);
        dialog.setRange({now - 3 * day, now});
        dialog.setDestination(dir.filePath(QStringLiteral("db.csv")));
        HistoryFileExport::Request request = dialog.request();
        QCOMPARE(request.keys, QStringList{QStringLiteral("db")});
        const auto csv = CoroTest::await(HistoryFileExport::run(store.get(), path, request));
        QVERIFY(csv);
        QVERIFY2(csv->error.isEmpty(), qPrintable(csv->error));
        QCOMPARE(csv->rows, 3); // db: up, down, up
        const QList<QByteArray> lines = fileBytes(request.destination).split('\n');
        QCOMPARE(lines[0], QByteArray("time,endpoint,target,kind,status,latency_ms,error_kind,message"));
        QCOMPARE(lines[2],
                 HistoryText::isoTime(now - 12 * hour) + ",Database,tcp://db.test:5432,tcp,down,,timeout,refused");

        dialog.setAll(true);
        dialog.setFormat(HistoryExport::Format::Json);
        dialog.setDestination(dir.filePath(QStringLiteral("all.jsonl")));
        request = dialog.request();
        QVERIFY(request.keys.isEmpty());
        const auto json = CoroTest::await(HistoryFileExport::run(store.get(), path, request));
        QVERIFY(json && json->error.isEmpty());
        QCOMPARE(json->rows, 8);
        QVERIFY(fileBytes(request.destination).startsWith("{\"time\":\""));

        // A place that cannot be written: an error in words, no file.
        request.destination = dir.filePath(QStringLiteral("no/such/dir/x.csv"));
        const auto failed = CoroTest::await(HistoryFileExport::run(store.get(), path, request));
        QVERIFY(failed && failed->error.startsWith(QStringLiteral("Cannot write")));
        QVERIFY(!QFileInfo::exists(request.destination));
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestHistoryUi)
#include "tst_historyui.moc"
