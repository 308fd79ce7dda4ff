#include "FakeProbeExecutor.h"
#include "detail/EndpointDetailPane.h"
#include "detail/RecentResultsModel.h"
#include "editor/EndpointEditorDialog.h"
#include "endpoint/ProfileReader.h"
#include "import/ImportDialog.h"
#include "log/EventLogDock.h"
#include "monitor/Monitor.h"
#include "table/EndpointFilterModel.h"
#include "table/EndpointTableModel.h"
#include "table/EndpointTableView.h"
#include "window/EditEndpointCommand.h"
#include "window/EndpointCommands.h"
#include "window/MainActions.h"
#include "window/MainWindow.h"
#include "window/MonitorStatusBar.h"
#include "window/SettingsDialog.h"
#include "workspace/ProfileDocument.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

using namespace std::chrono_literals;

namespace {
void selectRows(MainWindow &window, const QList<int> &rows)
{
    QItemSelectionModel *selection = window.tableView()->selectionModel();
    selection->clearSelection();
    for (const int row : rows)
        selection->select(window.filterModel()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

QString sourceDir()
{
    return qEnvironmentVariable("PINGSCOPE_SOURCE_DIR");
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Settings go to a directory of this run, never to the user's; so do the profiles' histories.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("PingscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void cleanup() { QTest::qWait(20); }

    void actionsReachTheEngine()
    {
        FakeProbeExecutor executor; // no replies: probes run until cancelled
        Workspace workspace(&executor);
        Monitor &monitor = *workspace.monitor();
        MainWindow window(&workspace);
        window.loadProfile(
            FakeProbeExecutor::profileOf({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}), {});
        MainActions *actions = window.actions();
        QVERIFY(actions->runNow->isEnabled()); // a loaded profile's first endpoint is current
        selectRows(window, {});
        QVERIFY(!actions->runNow->isEnabled());
        QVERIFY(!actions->edit->isEnabled());

        selectRows(window, {0, 2});
        QCOMPARE(window.selectedIds().size(), 2);
        QVERIFY(actions->runNow->isEnabled());
        actions->runNow->trigger();
        QTRY_COMPARE(executor.pendingCount(), 2);
        QVERIFY(executor.pendingFor(QStringLiteral("a")) && executor.pendingFor(QStringLiteral("c")));

        actions->cancel->trigger();
        QTRY_COMPARE(executor.pendingCount(), 0);
        QTRY_COMPARE(monitor.state(window.selectedIds().first())->task, TaskState::Cancelled);

        QVERIFY(actions->start->isEnabled() && !actions->stop->isEnabled());
        actions->start->trigger();
        QVERIFY(monitor.isStarted());
        QVERIFY(!actions->start->isEnabled() && actions->stop->isEnabled());

        actions->pause->trigger();
        for (const EndpointId id : window.selectedIds())
            QCOMPARE(monitor.state(id)->status, EndpointStatus::Paused);
        actions->resume->trigger(); // a resumed endpoint is probed at once
        for (const EndpointId id : window.selectedIds())
            QVERIFY(monitor.state(id)->status != EndpointStatus::Paused);
        QTRY_VERIFY(executor.pendingFor(QStringLiteral("a")) && executor.pendingFor(QStringLiteral("c")));

        actions->stop->trigger();
        QTRY_COMPARE(executor.pendingCount(), 0);
        QVERIFY(!monitor.isStarted());
    }

    void duplicateAndDeleteEditTheProfile()
    {
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        Monitor &monitor = *workspace.monitor();
        MainWindow window(&workspace);
        window.loadProfile(FakeProbeExecutor::profileOf({QStringLiteral("a"), QStringLiteral("b")}), {});
        QVERIFY(!window.document()->isModified());

        selectRows(window, {1});
        window.actions()->duplicate->trigger();
        QCOMPARE(monitor.endpointCount(), 3);
        QCOMPARE(monitor.endpoint(monitor.endpointIds().last())->name, QStringLiteral("b (copy)"));
        QVERIFY(window.document()->isModified());
        QVERIFY(window.isWindowModified());

        selectRows(window, {0});
        window.actions()->remove->trigger();
        QCOMPARE(monitor.endpointCount(), 2);
        QCOMPARE(window.tableModel()->index(0, EndpointTableModel::NameColumn).data().toString(), QStringLiteral("b"));
    }

    void editsAreUndoneAndRedone()
    {
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        Monitor &monitor = *workspace.monitor();
        MainWindow window(&workspace);
        window.loadProfile(
            FakeProbeExecutor::profileOf({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}), {});
        MainActions &actions = *window.actions();
        QVERIFY(!actions.undo->isEnabled() && !actions.redo->isEnabled());
        const auto names = [&monitor] {
            QStringList all;
            for (const EndpointId id : monitor.endpointIds())
                all << monitor.endpoint(id)->name;
            return all;
        };
        const QString keyOfB = monitor.keyOf(monitor.endpointIds().at(1));

        // A delete moves the current row to the one that took its place, and selects it.
        selectRows(window, {1});
        actions.remove->trigger();
        QCOMPARE(names(), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(window.tableView()->currentIndex().row(), 1);
        QCOMPARE(window.tableView()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(window.tableView()->selectionModel()->selectedRows().first().row(), 1);
        QVERIFY(actions.undo->isEnabled());
        QCOMPARE(actions.undo->text(), QStringLiteral("&Undo Delete b"));

        actions.undo->trigger(); // b is back, with its key (its history), at the end
        QCOMPARE(names(), (QStringList{QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("b")}));
        QCOMPARE(monitor.keyOf(monitor.endpointIds().last()), keyOfB);
        QVERIFY(actions.redo->isEnabled());
        QCOMPARE(actions.redo->text(), QStringLiteral("&Redo Delete b"));
        actions.redo->trigger();
        QCOMPARE(names(), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));

        selectRows(window, {0});
        actions.duplicate->trigger();
        QCOMPARE(names().last(), QStringLiteral("a (copy)"));
        // An edit, as the editor pushes it; undone after the duplicate, then everything back to the start.
        auto *commands = window.findChild<EndpointCommands *>();
        QVERIFY(commands);
        Endpoint renamed = *monitor.endpoint(monitor.endpointIds().first());
        const Endpoint before = renamed;
        renamed.name = QStringLiteral("renamed");
        commands->undoStack()->push(new EditEndpointCommand(&monitor, before, renamed));
        QCOMPARE(names().first(), QStringLiteral("renamed"));
        actions.undo->trigger();
        QCOMPARE(names().first(), QStringLiteral("a"));
        actions.undo->trigger();
        actions.undo->trigger();
        QCOMPARE(names(), (QStringList{QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("b")}));
        QVERIFY(!actions.undo->isEnabled());

        // Another profile: the steps named endpoints of this one, and are gone.
        actions.redo->trigger();
        QVERIFY(actions.undo->isEnabled());
        window.loadProfile(FakeProbeExecutor::profileOf({QStringLiteral("x")}), {});
        QVERIFY(!actions.undo->isEnabled() && !actions.redo->isEnabled());
        QVERIFY(window.menuBar()->findChildren<QMenu *>().size() > 0);
        bool inEditMenu = false;
        for (const QAction *menu : window.menuBar()->actions()) {
            if (menu->text() == QStringLiteral("E&dit"))
                inEditMenu
                    = menu->menu()->actions().contains(actions.undo) && menu->menu()->actions().contains(actions.redo);
        }
        QVERIFY(inEditMenu);
    }

    void profileOpensAndSavesThroughTheWindow()
    {
        QTemporaryDir dir;
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        Monitor &monitor = *workspace.monitor();
        MainWindow window(&workspace);
        const QString original = sourceDir() + QStringLiteral("/resources/profiles/home-lab.json");
        QVERIFY(window.openProfile(original));
        QCOMPARE(window.tableModel()->rowCount(), 5);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Home lab")));
        QVERIFY(!window.document()->isModified());

        selectRows(window, {1});
        window.actions()->duplicate->trigger();
        QVERIFY(window.document()->isModified());
        const QString saved = dir.filePath(QStringLiteral("saved.json"));
        QVERIFY(window.saveProfile(saved));
        QVERIFY(!window.document()->isModified());
        QCOMPARE(window.document()->path(), saved);

        const ProfileReadResult reread = ProfileReader::fromFile(saved);
        QVERIFY2(reread.ok(), qPrintable(reread.problems.join(QLatin1Char('\n'))));
        QCOMPARE(reread.profile->name, QStringLiteral("Home lab"));
        QCOMPARE(reread.profile->endpoints.size(), 6);
        QCOMPARE(reread.profile->endpoints[5].name, QStringLiteral("Database (copy)"));
        QCOMPARE(reread.profile->endpoints[0].probe.http.headers.size(), 1); // settings survive the round trip
        QCOMPARE(reread.profile->endpoints[0].probe.degradedMs, std::optional(800));

        QVERIFY(window.openProfile(original));
        QCOMPARE(window.tableModel()->rowCount(), 5);
        QVERIFY(window.openProfile(saved));
        QCOMPARE(window.tableModel()->rowCount(), 6);
        QCOMPARE(monitor.endpointCount(), 6);

        const QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("profiles/last")).toString(), saved);
        QCOMPARE(settings.value(QStringLiteral("profiles/recent")).toStringList().first(), saved);
    }

    void aDroppedProfileOpens()
    {
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        MainWindow window(&workspace);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(sourceDir() + QStringLiteral("/resources/profiles/home-lab.json"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QTRY_COMPARE(window.tableModel()->rowCount(), 5);
    }

    void statusBarCountsStatusesAndFlights()
    {
        FakeProbeExecutor executor;
        executor.setReply(QStringLiteral("up1"), FakeProbeExecutor::Reply{FakeProbeExecutor::up(1ms), 0ms});
        executor.setReply(QStringLiteral("up2"), FakeProbeExecutor::Reply{FakeProbeExecutor::up(1ms), 0ms});
        executor.setReply(QStringLiteral("degraded"),
                          FakeProbeExecutor::Reply{FakeProbeExecutor::degraded(QStringLiteral("slow")), 0ms});
        executor.setReply(QStringLiteral("down"), FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        executor.setReply(QStringLiteral("failing"), FakeProbeExecutor::Reply{FakeProbeExecutor::down(), 0ms});
        Workspace workspace(&executor);
        Monitor &monitor = *workspace.monitor();
        MainWindow window(&workspace);
        Profile profile = FakeProbeExecutor::profileOf(
            {QStringLiteral("up1"), QStringLiteral("up2"), QStringLiteral("degraded"), QStringLiteral("down"),
             QStringLiteral("failing"), QStringLiteral("hangs1"), QStringLiteral("hangs2")});
        profile.endpoints[3].failureThreshold = 1;
        profile.endpoints[4].failureThreshold = 3; // one failure of three: failing, not down
        window.loadProfile(profile, {});
        monitor.setConcurrencyLimit(5);
        monitor.runAllNow();
        QTRY_COMPARE(window.monitorStatusBar()->statusText(),
                     QStringLiteral("Stopped · 2 up · 1 degraded · 1 failing · 1 down"));
        const EndpointTableModel &table = *window.tableModel();
        QCOMPARE(table.index(4, EndpointTableModel::NameColumn).data().toString(), QStringLiteral("failing"));
        QCOMPARE(table.index(4, EndpointTableModel::StatusColumn).data().toString(), QStringLiteral("Failing"));
        QTRY_COMPARE(window.monitorStatusBar()->flightText(), QStringLiteral("2 in flight · 0 queued"));

        monitor.cancelAll();
        QTRY_COMPARE(monitor.counters().inFlight, 0);
        monitor.setConcurrencyLimit(1);
        monitor.runAllNow(); // the quick ones pass through the one slot; then a hanging one holds it
        QTRY_COMPARE(window.monitorStatusBar()->flightText(), QStringLiteral("2 in flight · 1 queued"));
        monitor.cancelAll();
    }

    void statusBarSaysStoppedAndPaused()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(1ms), 0ms});
        Workspace workspace(&executor);
        Monitor &monitor = *workspace.monitor();
        MainWindow window(&workspace);
        window.loadProfile(FakeProbeExecutor::profileOf({QStringLiteral("a"), QStringLiteral("b")}), {});
        MonitorStatusBar &bar = *window.monitorStatusBar();
        window.stopMonitoring();
        bar.refresh();
        QCOMPARE(bar.statusText(), QStringLiteral("Stopped · 0 up · 0 degraded · 0 down"));

        window.startMonitoring();
        monitor.runAllNow();
        QTRY_COMPARE(bar.statusText(), QStringLiteral("2 up · 0 degraded · 0 down"));
        monitor.pause(monitor.endpointIds().first()); // a paused endpoint is counted, not dropped
        QTRY_COMPARE(bar.statusText(), QStringLiteral("1 up · 0 degraded · 0 down · 1 paused"));
        window.stopMonitoring(); // the counts stay, and say they are from before the stop
        QTRY_COMPARE(bar.statusText(), QStringLiteral("Stopped · 1 up · 0 degraded · 0 down · 1 paused"));
    }

    void anEmptyProfileShowsHowToBegin()
    {
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        const QDir data(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
        QVERIFY(data.mkpath(QStringLiteral("pingscope/profiles"))); // as a package installs them
        MainWindow window(&workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *guide = window.findChild<QWidget *>(QStringLiteral("emptyTableGuide"));
        QVERIFY(guide);
        QVERIFY(guide->isVisible());
        QVERIFY(!window.tableView()->isVisible());
        QList<QAction *> ways;
        for (const QToolButton *button : guide->findChildren<QToolButton *>())
            ways << button->defaultAction();
        MainActions &actions = *window.actions();
        QCOMPARE(ways, (QList<QAction *>{actions.add, actions.importList, actions.openDemo, actions.openExample}));
        QVERIFY(actions.openExample->isVisible());
        for (QToolButton *button : guide->findChildren<QToolButton *>())
            QVERIFY(button->isVisible());
        QVERIFY(!actions.documentation->isVisible()); // no README installed here

        window.loadProfile(FakeProbeExecutor::profileOf({QStringLiteral("a")}), {});
        QVERIFY(window.tableView()->isVisible());
        QVERIFY(!guide->isVisible());
        workspace.monitor()->removeEndpoints(workspace.monitor()->endpointIds());
        QVERIFY(guide->isVisible());
        data.rmpath(QStringLiteral("pingscope/profiles"));
        Workspace other(&executor);
        MainWindow withoutExamples(&other);
        QVERIFY(!withoutExamples.actions()->openExample->isVisible());
        withoutExamples.show();
        QVERIFY(QTest::qWaitForWindowExposed(&withoutExamples));
        const auto *otherGuide = withoutExamples.findChild<QWidget *>(QStringLiteral("emptyTableGuide"));
        for (const QToolButton *button : otherGuide->findChildren<QToolButton *>())
            QCOMPARE(button->isVisible(), button->defaultAction() != withoutExamples.actions()->openExample);
    }

    void aFilterThatHidesEverythingSaysSoAndClears()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(1ms), 0ms});
        Workspace workspace(&executor);
        MainWindow window(&workspace);
        window.loadProfile(FakeProbeExecutor::profileOf({QStringLiteral("a"), QStringLiteral("b")}), {});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *filter = window.findChild<QLineEdit *>(QStringLiteral("endpointFilter"));
        auto *problemsOnly = window.findChild<QCheckBox *>(QStringLiteral("problemsOnly"));
        auto *noMatches = window.findChild<QLabel *>(QStringLiteral("noMatches"));
        QVERIFY(filter && problemsOnly && noMatches);
        QAbstractItemModel *rows = window.tableView()->model();
        QVERIFY(!noMatches->isVisible());

        QTest::keyClicks(filter, QStringLiteral("nothing like it"));
        QCOMPARE(rows->rowCount(), 0);
        QVERIFY(noMatches->isVisible());
        filter->clear();
        QCOMPARE(rows->rowCount(), 2);
        QVERIFY(!noMatches->isVisible());

        workspace.monitor()->runAllNow();
        for (int row = 0; row < 2; ++row)
            QTRY_COMPARE(rows->index(row, EndpointTableModel::StatusColumn).data().toString(), QStringLiteral("Up"));
        problemsOnly->click(); // both are up: no problem to show
        QCOMPARE(rows->rowCount(), 0);
        QVERIFY(noMatches->isVisible());
        QVERIFY(noMatches->text().contains(QStringLiteral("href")));
        emit noMatches->linkActivated(QStringLiteral("clear"));
        QVERIFY(!problemsOnly->isChecked());
        QVERIFY(filter->text().isEmpty());
        QCOMPARE(rows->rowCount(), 2);
        QVERIFY(!noMatches->isVisible());

        workspace.monitor()->removeEndpoints(workspace.monitor()->endpointIds()); // nothing to hide: no line
        problemsOnly->click();
        QVERIFY(!noMatches->isVisible());
    }

    void theLogDockExportsWhatItShows()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{
            FakeProbeExecutor::down(ErrorKind::Refused, QStringLiteral("refused, by 127.0.0.1:9")), 0ms});
        Workspace workspace(&executor);
        Monitor &monitor = *workspace.monitor();
        MainWindow window(&workspace);
        Profile profile = FakeProbeExecutor::profileOf({QStringLiteral("x")});
        profile.endpoints[0].failureThreshold = 1;
        window.loadProfile(profile, {});
        monitor.runAllNow();
        QTRY_VERIFY(window.eventLogDock()->view()->model()->rowCount() >= 1);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.csv"));
        QVERIFY(window.eventLogDock()->exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        // The message holds a comma, so its field is quoted.
        QVERIFY2(text.contains(QStringLiteral("refused, by 127.0.0.1:9\",1")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral(",x,")));
    }

    void addEditAndImportGoThroughTheirDialogs()
    {
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        Monitor &monitor = *workspace.monitor();
        MainWindow window(&workspace);
        window.loadProfile(FakeProbeExecutor::profileOf({QStringLiteral("a")}), {});

        // The dialogs are modal: answer them from the event loop they run.
        QTimer::singleShot(0, this, [] {
            auto *editor = qobject_cast<EndpointEditorDialog *>(QApplication::activeModalWidget());
            QVERIFY(editor);
            Endpoint endpoint = editor->endpoint();
            endpoint.name = QStringLiteral("added");
            endpoint.probe.target = *Target::parse(QStringLiteral("tcp://127.0.0.1:7"));
            editor->setEndpoint(endpoint);
            editor->accept();
        });
        window.actions()->add->trigger();
        QCOMPARE(monitor.endpointCount(), 2);
        QCOMPARE(monitor.endpoint(monitor.endpointIds().last())->probe.target.toString(),
                 QStringLiteral("tcp://127.0.0.1:7"));

        selectRows(window, {1});
        QTimer::singleShot(0, this, [] {
            auto *editor = qobject_cast<EndpointEditorDialog *>(QApplication::activeModalWidget());
            QVERIFY(editor);
            QCOMPARE(editor->endpoint().name, QStringLiteral("added"));
            Endpoint endpoint = editor->endpoint();
            endpoint.name = QStringLiteral("edited");
            editor->setEndpoint(endpoint);
            editor->accept();
        });
        window.actions()->edit->trigger();
        QCOMPARE(monitor.endpoint(monitor.endpointIds().last())->name, QStringLiteral("edited"));

        QTimer::singleShot(0, this, [] {
            auto *import = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
            QVERIFY(import);
            import->setText(QStringLiteral("127.0.0.1:8\nhttp://127.0.0.1:8080/health\n"));
            import->accept();
        });
        window.actions()->importList->trigger();
        QCOMPARE(monitor.endpointCount(), 4);
        QVERIFY(window.document()->isModified());
    }

    void theDetailPaneFollowsTheCurrentEndpoint()
    {
        FakeProbeExecutor executor;
        executor.setDefaultReply(FakeProbeExecutor::Reply{FakeProbeExecutor::up(4ms), 0ms});
        Workspace workspace(&executor);
        Monitor &monitor = *workspace.monitor();
        MainWindow window(&workspace);
        window.loadProfile(FakeProbeExecutor::profileOf({QStringLiteral("first"), QStringLiteral("second")}), {});
        monitor.runAllNow();
        QTRY_COMPARE(monitor.counters().done, quint64(2));
        const auto *title = window.detailPane()->findChild<QLabel *>(QStringLiteral("detailTitle"));
        QVERIFY(window.detailPane()->isEnabled()); // the first endpoint is current after a load
        QCOMPARE(title->text(), QStringLiteral("first"));

        window.tableView()->setCurrentIndex(window.filterModel()->index(1, 0));
        QVERIFY(window.detailPane()->isEnabled());
        QCOMPARE(title->text(), QStringLiteral("second"));
        QCOMPARE(window.detailPane()->resultsModel()->rowCount(), 1); // the result from before the selection
        monitor.runAllNow();
        QTRY_COMPARE(window.detailPane()->resultsModel()->rowCount(), 2);

        monitor.removeEndpoint(monitor.endpointIds().last());
        QVERIFY(!window.detailPane()->isEnabled() || title->text() != QStringLiteral("second"));
    }

    void aSavedProfileKeepsItsHistoryAndTheTableShowsIt()
    {
        QTemporaryDir dir;
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        MainWindow window(&workspace);
        QCOMPARE(window.historyLabel()->text(), QStringLiteral("History: recent results only"));
        QVERIFY(!window.actions()->exportHistory->isEnabled());
        window.loadProfile(FakeProbeExecutor::profileOf({QStringLiteral("one")}), {});
        const QString saved = dir.filePath(QStringLiteral("kept.json"));
        QVERIFY(window.saveProfile(saved));
        QVERIFY(workspace.history());
        QVERIFY2(window.historyLabel()->text().startsWith(QStringLiteral("History: kept-")),
                 qPrintable(window.historyLabel()->text()));
        QVERIFY(window.actions()->exportHistory->isEnabled());
        // The history's uptimes stand right after the hour's.
        QHeaderView *header = window.tableView()->horizontalHeader();
        QCOMPARE(header->visualIndex(EndpointTableModel::Uptime24hColumn),
                 header->visualIndex(EndpointTableModel::UptimeColumn) + 1);
        QCOMPARE(header->visualIndex(EndpointTableModel::Uptime30dColumn),
                 header->visualIndex(EndpointTableModel::UptimeColumn) + 3);
        QVERIFY(window.outagesDock());
    }

    void columnsFitTheWindow()
    {
        QSettings().remove(QStringLiteral("window")); // a first run: no columns of the user's own
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        MainWindow window(&workspace);
        window.resize(1400, 900);
        // An imported row is named after its target: the name column shows it whole when there is room.
        const QString longName = QStringLiteral("https://status.internal.example.org/health");
        window.loadProfile(FakeProbeExecutor::profileOf({longName, QStringLiteral("b")}), {});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTableView &table = *window.tableView();
        QHeaderView &header = *table.horizontalHeader();
        const int em = table.fontMetrics().horizontalAdvance(QLatin1Char('M'));
        const auto shownColumns = [&header] {
            int shown = 0;
            for (int column = 0; column < header.count(); ++column)
                shown += header.isSectionHidden(column) ? 0 : 1;
            return shown;
        };
        const auto checkFits = [&] {
            // The last error is on screen, with room for its words, and stretches to the edge.
            const int error = EndpointTableModel::LastErrorColumn;
            QVERIFY(!header.isSectionHidden(error));
            const int start = header.sectionViewportPosition(error);
            QVERIFY2(
                start + EndpointTableView::lastErrorEms * em <= table.viewport()->width(),
                qPrintable(QStringLiteral("the error starts at %1 of %2").arg(start).arg(table.viewport()->width())));
            QCOMPARE(start + header.sectionSize(error), table.viewport()->width());
            for (const int kept :
                 {EndpointTableModel::StatusColumn, EndpointTableModel::NameColumn, EndpointTableModel::TargetColumn,
                  EndpointTableModel::TaskColumn, EndpointTableModel::LastLatencyColumn})
                QVERIFY2(!header.isSectionHidden(kept), qPrintable(QString::number(kept)));
            QVERIFY(header.isSectionHidden(EndpointTableModel::Uptime30dColumn)); // the first to go
        };
        checkFits();
        if (QTest::currentTestFailed())
            return;
        const int shownWide = shownColumns();
        const int wideViewport = table.viewport()->width();
        QVERIFY(header.sectionSize(EndpointTableModel::NameColumn) >= 16 * em);
        // A cell too narrow for its text shows all of it in a tooltip.
        QCOMPARE(table.model()->index(0, EndpointTableModel::NameColumn).data(Qt::ToolTipRole).toString(), longName);

        window.resize(1024, 700);
        QTRY_VERIFY(table.viewport()->width() < wideViewport - 200);
        checkFits();
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(shownColumns() < shownWide, qPrintable(QString::number(shownColumns())));
        window.resize(1400, 900); // what was hidden for the narrow window comes back
        QTRY_COMPARE(shownColumns(), shownWide);

        // Once the user sets a column, the view leaves the columns alone.
        auto &view = static_cast<EndpointTableView &>(table);
        QVERIFY(view.fitsColumns());
        header.resizeSection(EndpointTableModel::TargetColumn, 200);
        QVERIFY(!view.fitsColumns());
        window.resize(1024, 700);
        QTRY_VERIFY(table.viewport()->width() < wideViewport - 200);
        QCOMPARE(shownColumns(), shownWide);
        QVERIFY(window.close());
        QSettings().remove(QStringLiteral("window"));
    }

    // Every column is at least as wide as its header's text and sort arrow ("Uptime 24 h" was cut).
    void everyColumnHeaderFitsItsText()
    {
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        MainWindow window(&workspace);
        const QHeaderView *header = window.tableView()->horizontalHeader();
        for (int column = 0; column < window.tableModel()->columnCount(); ++column) {
            if (header->isSectionHidden(column))
                continue;
            const QString title = window.tableModel()->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                     qPrintable(QStringLiteral("%1: %2 px for %3")
                                    .arg(title)
                                    .arg(header->sectionSize(column))
                                    .arg(header->sectionSizeHint(column))));
        }
    }

    void remembersColumnsAndSortOrder()
    {
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        {
            MainWindow window(&workspace);
            window.tableView()->sortByColumn(EndpointTableModel::P95Column, Qt::DescendingOrder);
            window.tableView()->horizontalHeader()->resizeSection(EndpointTableModel::TargetColumn, 333);
            QVERIFY(window.close());
        }
        MainWindow again(&workspace);
        QHeaderView *header = again.tableView()->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), int(EndpointTableModel::P95Column));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(header->sectionSize(EndpointTableModel::TargetColumn), 333);
        QCOMPARE(again.filterModel()->sortColumn(), int(EndpointTableModel::P95Column)); // and it sorts so
        QSettings().remove(QStringLiteral("window"));
    }

    void settingsReachTheMonitor()
    {
        FakeProbeExecutor executor;
        Workspace workspace(&executor);
        Monitor &monitor = *workspace.monitor();
        MainWindow window(&workspace);
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            for (auto *spin : dialog->findChildren<QSpinBox *>()) {
                if (spin->accessibleName() == QStringLiteral("Probes in flight at most"))
                    spin->setValue(7);
            }
            dialog->accept();
        });
        window.actions()->settings->trigger();
        QCOMPARE(monitor.concurrencyLimit(), 7);
        QCOMPARE(AppSettings::load().concurrency, 7);
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
